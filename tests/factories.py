"""Factories for test pages and their form fields."""

import factory
import wagtail_factories

from tests.testapp.models import FormField, FormPage, StreamFormPage


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
