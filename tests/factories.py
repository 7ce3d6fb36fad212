"""Factories for test pages and their form fields."""

import factory
import wagtail_factories
from django.test import override_settings
from wagtail.models import Locale, Site

from tests.testapp.models import FormField, FormPage, StreamFormPage
from wagtail_inclusive_forms.models.page_model import get_page_model

# Wagtail's i18n on, Dutch and English content: for tests of translated page trees.
WITH_TRANSLATIONS = override_settings(
    WAGTAIL_I18N_ENABLED=True, WAGTAIL_CONTENT_LANGUAGES=[("nl", "Nederlands"), ("en", "English")]
)


def second_site_and_its_english_home(**site_fields):
    """A second site (``ander.example``) and the English translation of its home page."""
    Page = get_page_model()  # noqa: N806 - the site's page model, swapped or not
    home = Page.get_first_root_node().add_child(instance=Page(title="Ander", slug="ander"))
    site = Site.objects.create(hostname="ander.example", port=80, root_page=home, **site_fields)
    return site, home.copy_for_translation(Locale.objects.create(language_code="en"))


class FormPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Formulier {n}")

    class Meta:
        model = FormPage


class FormFieldFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(FormPageFactory)
    label = factory.Sequence(lambda n: f"Veld {n}")
    field_type = "singleline"
    required = False

    class Meta:
        model = FormField


class InclusiveFieldFactory(FormFieldFactory):
    label = "Geslacht"
    field_type = "inclusive_gender"
    inclusive_purpose = "We vragen dit om u goed aan te spreken."


class StreamFormPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Streamformulier {n}")

    class Meta:
        model = StreamFormPage
