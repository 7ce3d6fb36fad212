"""A Wagtail ``FormBuilder`` that knows the inclusive field type, and the base
class of the forms visitors fill in.

Wagtail adds field types through ``create_<type>_field`` methods; this adds
``create_inclusive_gender_field`` and leaves every other type untouched.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder
from wagtail.contrib.forms.models import FORM_FIELD_CHOICES

from ..core.question import INCLUSIVE_FIELD_TYPE
from ..core.spreadsheets import has_control_characters
from .fields import InclusiveQuestionField

INCLUSIVE_FIELD_CHOICES = ((INCLUSIVE_FIELD_TYPE, _("Sex or gender (inclusive)")),)


def field_type_label(field_type: str) -> str:
    """A form field type as editors know it ("Drop down", not ``dropdown``)."""
    return str(dict(FORM_FIELD_CHOICES + INCLUSIVE_FIELD_CHOICES).get(field_type, field_type))


def _texts_in(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts_in(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _texts_in(item)


class SubmissionForm(BaseForm):
    """Wagtail's form, refusing control characters in any answer: PostgreSQL
    cannot store a NUL and spreadsheets cannot hold the others, and no one
    types them. The visitor is told which answer to fix; nothing is stored."""

    control_characters_message = _(
        "This answer contains invisible control characters (such as a null character) that cannot "
        "be stored. Please type it again without them."
    )

    def clean(self):
        cleaned_data = super().clean()
        for name, value in list(cleaned_data.items()):
            if any(has_control_characters(text) for text in _texts_in(value)):
                self.add_error(name, forms.ValidationError(self.control_characters_message, code="control"))
        return cleaned_data


class InclusiveFormBuilder(FormBuilder):
    """Use as ``form_builder`` on a form page (``InclusiveFormMixin`` does)."""

    # The page's site's standard question, or a callable that gives it when
    # first needed; InclusiveFormMixin sets it.
    shared_question = None

    def get_form_class(self):
        return type("WagtailForm", (SubmissionForm,), self.formfields)

    def create_inclusive_gender_field(self, field, options: dict) -> forms.Field:
        shared = self.shared_question() if callable(self.shared_question) else self.shared_question
        config = field.question.config(shared)
        return InclusiveQuestionField(
            config=config,
            label=options["label"],
            help_text=options.get("help_text", ""),
        )


def builder_type(field: forms.Field) -> str:
    """The form builder's type name that matches a block's form field."""
    if isinstance(field, InclusiveQuestionField):
        return INCLUSIVE_FIELD_TYPE
    if isinstance(field, forms.EmailField):
        return "email"
    return "singleline"
