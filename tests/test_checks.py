"""System checks catch a form page that cannot build the inclusive question."""

from django.db import models
from django.test.utils import isolate_apps
from modelcluster.fields import ParentalKey
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField

from wagtail_inclusive_forms.checks import (
    check_field_models_put_the_mixin_first,
    check_form_pages_use_inclusive_builder,
)
from wagtail_inclusive_forms.models import InclusiveFormFieldMixin


def test_the_test_project_passes():
    assert check_form_pages_use_inclusive_builder() == []


def form_models_only(monkeypatch, *field_bases):
    """A plain Wagtail form page and a field model with these bases, and the
    checks seeing only those two models. Call inside ``isolate_apps``."""
    from django.apps import apps

    class PlainPage(AbstractForm):
        class Meta:
            app_label = "wagtail_inclusive_forms_test"

    class PlainField(*field_bases):
        page = ParentalKey(PlainPage, on_delete=models.CASCADE, related_name="form_fields")

        class Meta:
            app_label = "wagtail_inclusive_forms_test"

    monkeypatch.setattr(apps, "get_models", lambda *args, **kwargs: [PlainPage, PlainField])
    return PlainPage, PlainField


@isolate_apps("tests.testapp")
def test_page_without_the_inclusive_builder_is_an_error(monkeypatch):
    form_models_only(monkeypatch, InclusiveFormFieldMixin, AbstractFormField)
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


def test_field_models_of_the_test_project_put_the_mixin_first():
    assert check_field_models_put_the_mixin_first() == []


@isolate_apps("tests.testapp")
def test_mixin_after_abstract_form_field_is_a_warning_because_the_type_disappears(monkeypatch):
    _page, field_model = form_models_only(monkeypatch, AbstractFormField, InclusiveFormFieldMixin)
    # What the warning is about: the inclusive type is gone from the field's choices.
    assert "inclusive_gender" not in dict(field_model._meta.get_field("field_type").choices)
    warnings = check_field_models_put_the_mixin_first()
    assert [w.id for w in warnings] == ["wagtail_inclusive_forms.W001"]
    assert "class PlainField(InclusiveFormFieldMixin, AbstractFormField)" in warnings[0].hint


def test_unknown_name_rules_are_an_error_naming_the_known_ones(settings):
    from wagtail_inclusive_forms.checks import check_salutation_settings

    settings.WAGTAIL_INCLUSIVE_FORMS_NAME_RULES = "bpr"
    messages = {message.id: message for message in check_salutation_settings()}
    assert set(messages) == {"wagtail_inclusive_forms.E004"}
    assert "'brp'" in messages["wagtail_inclusive_forms.E004"].hint


def test_classic_name_rules_reach_the_form(settings, appointment_page):
    settings.WAGTAIL_INCLUSIVE_FORMS_NAME_RULES = "classic"
    fields = {"given_name": "voornaam", "surname": "achternaam"}
    name = appointment_page.get_person_name({"voornaam": "Anne-Marie", "achternaam": "Van Dijk"}, fields)
    assert (name.initials, name.surname_prefix) == ("A.M.", "van")
