"""Test pages: a form-builder page as a site would write it, and a StreamField form."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField, FormMixin
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail import blocks

from wagtail_inclusive_forms.blocks import InclusiveQuestionBlock, inclusive_questions_in_stream
from wagtail_inclusive_forms.models import InclusiveFormFieldMixin, InclusiveFormMixin


class FormField(InclusiveFormFieldMixin, AbstractFormField):
    page = ParentalKey("FormPage", on_delete=models.CASCADE, related_name="form_fields")


class FormPage(InclusiveFormMixin, AbstractEmailForm):
    intro = RichTextField(blank=True)
    thank_you_text = RichTextField(blank=True)

    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label="Form fields"),
        FieldPanel("thank_you_text"),
        FieldPanel("to_address"),
        FieldPanel("from_address"),
        FieldPanel("subject"),
    ]


class StreamFormPage(InclusiveFormMixin, FormMixin, Page):
    """A form built from StreamField blocks instead of form-builder fields."""

    body = StreamField(
        [
            ("name", blocks.CharBlock(label="Name field label")),
            ("gender", InclusiveQuestionBlock()),
        ],
        blank=True,
    )

    content_panels = Page.content_panels + [FieldPanel("body")]

    def get_form_fields(self):
        return []

    def get_form_class(self):
        from django import forms
        from wagtail.contrib.forms.forms import BaseForm
        from wagtail.contrib.forms.utils import get_field_clean_name

        fields = {}
        for child in self.body:
            if child.block_type == "name":
                fields[get_field_clean_name(child.value)] = forms.CharField(label=child.value)
            elif isinstance(child.block, InclusiveQuestionBlock):
                fields[child.block.get_field_name(child.value)] = child.block.get_form_field(child.value)
        return type("StreamForm", (BaseForm,), fields)

    def get_data_fields(self):
        form = self.get_form_class()()
        return [("submit_time", "Submission date")] + [(name, f.label) for name, f in form.fields.items()]

    def get_inclusive_questions(self):
        return {
            name: block.get_question_config(value)
            for name, (block, value) in inclusive_questions_in_stream(self.body).items()
        }


