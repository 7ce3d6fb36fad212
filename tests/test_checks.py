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
