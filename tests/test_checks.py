"""System checks catch a form page that cannot build the inclusive question."""

from django.db import models
from django.test.utils import isolate_apps
from modelcluster.fields import ParentalKey
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField

from wagtail_inclusive_forms.checks import check_form_pages_use_inclusive_builder
from wagtail_inclusive_forms.models import InclusiveFormFieldMixin


def test_the_test_project_passes():
    assert check_form_pages_use_inclusive_builder() == []


@isolate_apps("tests.testapp")
def test_page_without_the_inclusive_builder_is_an_error(monkeypatch):
    class PlainPage(AbstractForm):
        class Meta:
            app_label = "wagtail_inclusive_forms_test"

    class PlainField(InclusiveFormFieldMixin, AbstractFormField):
        page = ParentalKey(PlainPage, on_delete=models.CASCADE, related_name="form_fields")

        class Meta:
            app_label = "wagtail_inclusive_forms_test"

    from django.apps import apps

    monkeypatch.setattr(apps, "get_models", lambda *args, **kwargs: [PlainPage, PlainField])
    errors = check_form_pages_use_inclusive_builder()
    assert [e.id for e in errors] == ["wagtail_inclusive_forms.E001"]
    assert "InclusiveFormMixin" in errors[0].hint


def test_salutation_settings_pass_in_the_test_project():
    from wagtail_inclusive_forms.checks import check_salutation_settings

    assert check_salutation_settings() == []


def test_unknown_default_preset_and_missing_settings_app_are_errors(settings, monkeypatch):
    from django.apps import apps

    from wagtail_inclusive_forms.checks import check_salutation_settings

    settings.WAGTAIL_INCLUSIVE_FORMS_SALUTATION_PRESET = "amsterdam"
    installed = apps.is_installed
    monkeypatch.setattr(
        apps, "is_installed", lambda name: name != "wagtail.contrib.settings" and installed(name)
    )
    messages = {message.id: message for message in check_salutation_settings()}
    assert set(messages) == {"wagtail_inclusive_forms.E002", "wagtail_inclusive_forms.E003"}
    assert "den_haag" in messages["wagtail_inclusive_forms.E003"].hint
