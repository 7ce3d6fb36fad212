"""Test pages: a form-builder page as a site would write it, and a StreamField form."""

from django.conf import settings
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.forms.models import AbstractFormField, EmailFormMixin, FormMixin
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField, StreamField

from wagtail_inclusive_forms.admin.panels import AuditNoticePanel
from wagtail_inclusive_forms.blocks import InclusiveQuestionBlock
from wagtail_inclusive_forms.models import InclusiveFormFieldMixin, InclusiveFormMixin, SalutationFormMixin
from wagtail_inclusive_forms.stream_forms import LabelledFieldBlock, StreamFormMixin

# tests/custom_page_model/settings.py swaps Wagtail's Page for a site's own base
# page (Wagtail 8); every page below is then built on that one, as a site would.
if getattr(settings, "WAGTAIL_PAGE_MODEL", "wagtailcore.Page") == "basepage.BasePage":
    from wagtail.test.basepage.models import BasePage as Page
else:
    from wagtail.models import Page


class FormField(InclusiveFormFieldMixin, AbstractFormField):
    page = ParentalKey("FormPage", on_delete=models.CASCADE, related_name="form_fields")


class FormPage(SalutationFormMixin, InclusiveFormMixin, EmailFormMixin, FormMixin, Page):
    intro = RichTextField(blank=True)
    thank_you_text = RichTextField(blank=True)

    content_panels = Page.content_panels + [
        FormSubmissionsPanel(),
        AuditNoticePanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label="Form fields"),
        FieldPanel("thank_you_text"),
        FieldPanel("to_address"),
        FieldPanel("from_address"),
        FieldPanel("subject"),
        *SalutationFormMixin.salutation_panels,
        *SalutationFormMixin.confirmation_email_panels,
    ]


class StreamFormPage(SalutationFormMixin, StreamFormMixin, FormMixin, Page):
    """A form built from StreamField blocks instead of form-builder fields."""

    form_stream_field = "body"
    template = "wagtail_inclusive_forms_test/form_page.html"
    landing_page_template = "wagtail_inclusive_forms_test/form_page_landing.html"
    body = StreamField(
        [
            ("name", LabelledFieldBlock(label="Name field label")),
            ("gender", InclusiveQuestionBlock()),
        ],
        blank=True,
    )

    content_panels = Page.content_panels + [
        FieldPanel("body"),
        *SalutationFormMixin.salutation_panels,
        *SalutationFormMixin.confirmation_email_panels,
    ]


class ContentPage(Page):
    """An ordinary page whose rich text and raw HTML may hide a hand-written form."""

    intro = RichTextField(blank=True)
    body = StreamField(
        [("text", blocks.RichTextBlock()), ("html", blocks.RawHTMLBlock())],
        blank=True,
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]


class StockFormField(AbstractFormField):
    """Wagtail's own form field, for comparing with the package's pages."""

    page = ParentalKey("StockFormPage", on_delete=models.CASCADE, related_name="form_fields")


class StockFormPage(EmailFormMixin, FormMixin, Page):
    """A form page as stock Wagtail makes it: the baseline of query counts and benchmarks."""

    template = "wagtail_inclusive_forms_test/form_page.html"
    landing_page_template = "wagtail_inclusive_forms_test/form_page_landing.html"
    content_panels = Page.content_panels + [InlinePanel("form_fields"), FieldPanel("to_address")]
