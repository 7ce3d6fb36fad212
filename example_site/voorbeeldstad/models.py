"""Pages of the demo site, using wagtail-inclusive-forms as a real site would."""

from django import forms
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField, FormMixin
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from wagtail_inclusive_forms.admin.panels import AuditNoticePanel
from wagtail_inclusive_forms.blocks import InclusiveQuestionBlock
from wagtail_inclusive_forms.models import InclusiveFormFieldMixin, InclusiveFormMixin, SalutationFormMixin
from wagtail_inclusive_forms.stream_forms import LabelledFieldBlock, StreamFormMixin


class HomePage(Page):
    intro = RichTextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    max_count = 1


class FormField(InclusiveFormFieldMixin, AbstractFormField):
    page = ParentalKey("FormPage", on_delete=models.CASCADE, related_name="form_fields")


class FormPage(SalutationFormMixin, InclusiveFormMixin, AbstractEmailForm):
    """A form-builder page; its staff e-mail goes to the console in the demo."""

    intro = RichTextField("inleiding", blank=True)
    thank_you_text = RichTextField("bedanktekst", blank=True)

    parent_page_types = ["voorbeeldstad.HomePage"]
    # The page behind the link to change or withdraw answers, in the site's layout.
    change_answers_base_template = "voorbeeldstad/base.html"
    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        AuditNoticePanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label="Formuliervelden"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            "E-mail aan medewerkers",
        ),
        *SalutationFormMixin.salutation_panels,
        *SalutationFormMixin.confirmation_email_panels,
    ]

    class Meta:
        verbose_name = "formulier"
        verbose_name_plural = "formulieren"


class StreamFormPage(SalutationFormMixin, StreamFormMixin, FormMixin, Page):
    """A form built from StreamField blocks, for sites that work that way."""

    change_answers_base_template = "voorbeeldstad/base.html"

    intro = RichTextField("inleiding", blank=True)
    form_stream_field = "fields"
    fields = StreamField(
        [
            ("text_field", LabelledFieldBlock(label="Tekstveld (label)")),
            ("email_field", LabelledFieldBlock(field_class=forms.EmailField, label="E-mailveld (label)")),
            ("inclusive_question", InclusiveQuestionBlock()),
        ],
        blank=True,
        verbose_name="velden",
    )
    thank_you_text = RichTextField("bedanktekst", blank=True)

    parent_page_types = ["voorbeeldstad.HomePage"]
    template = "voorbeeldstad/form_page.html"
    landing_page_template = "voorbeeldstad/form_page_landing.html"
    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("fields"),
        FieldPanel("thank_you_text"),
        *SalutationFormMixin.salutation_panels,
        *SalutationFormMixin.confirmation_email_panels,
    ]

    class Meta:
        verbose_name = "formulier (blokken)"
