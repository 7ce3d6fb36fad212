"""A Wagtail ``FormBuilder`` that knows the inclusive field type.

Wagtail adds field types through ``create_<type>_field`` methods; this adds
``create_inclusive_gender_field`` and leaves every other type untouched.
"""

from __future__ import annotations

from django import forms
from wagtail.contrib.forms.forms import FormBuilder

from .fields import InclusiveQuestionField

INCLUSIVE_FIELD_TYPE = "inclusive_gender"


class InclusiveFormBuilder(FormBuilder):
    """Use as ``form_builder`` on a form page (``InclusiveFormMixin`` does)."""

    # The page's site's standard question; InclusiveFormMixin sets it.
    shared_question = None

    def create_inclusive_gender_field(self, field, options: dict) -> forms.Field:
        config = field.get_question_config(self.shared_question)
        return InclusiveQuestionField(
            config=config,
            label=options["label"],
            help_text=options.get("help_text", ""),
        )
