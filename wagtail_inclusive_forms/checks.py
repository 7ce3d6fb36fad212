"""System checks that catch a half-finished installation at start-up."""

from __future__ import annotations

from django.apps import apps
from django.core import checks


@checks.register()
def check_form_pages_use_inclusive_builder(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """A form page whose fields offer the inclusive type must build forms with it,
    or the first visitor gets a server error instead of the question."""
    from wagtail.contrib.forms.models import FormMixin

    from .forms.form_builder import InclusiveFormBuilder
    from .models import InclusiveFormFieldMixin

    errors = []
    for model in apps.get_models():
        if not issubclass(model, FormMixin):
            continue
        field_models = [
            rel.related_model
            for rel in model._meta.related_objects
            if issubclass(rel.related_model, InclusiveFormFieldMixin)
        ]
        if field_models and not issubclass(model.form_builder, InclusiveFormBuilder):
            errors.append(
                checks.Error(
                    f"{model._meta.label} has inclusive form fields "
                    f"({field_models[0]._meta.label}) but its form_builder is "
                    f"{model.form_builder.__name__}.",
                    hint="Put InclusiveFormMixin first in the page's bases, or subclass "
                    "InclusiveFormBuilder in your own form_builder.",
                    obj=model,
                    id="wagtail_inclusive_forms.E001",
                )
            )
    return errors


@checks.register()
def check_field_models_put_the_mixin_first(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """Django keeps the first ``field_type`` it meets in a model's bases: with the
    mixin after ``AbstractFormField`` the inclusive type silently disappears
    (and ``makemigrations`` drops it from the choices)."""
    from wagtail.contrib.forms.models import AbstractFormField

    from .models import InclusiveFormFieldMixin

    warnings = []
    for model in apps.get_models():
        if not issubclass(model, InclusiveFormFieldMixin) or not issubclass(model, AbstractFormField):
            continue
        mro = model.__mro__
        if mro.index(AbstractFormField) < mro.index(InclusiveFormFieldMixin):
            warnings.append(
                checks.Warning(
                    f"{model._meta.label} lists InclusiveFormFieldMixin after AbstractFormField, so its "
                    "field types do not include the inclusive question.",
                    hint=f"Write the bases as class {model.__name__}(InclusiveFormFieldMixin, "
                    "AbstractFormField), then run makemigrations.",
                    obj=model,
                    id="wagtail_inclusive_forms.W001",
                )
            )
    return warnings


@checks.register()
def check_salutation_settings(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """The salutation scheme is edited in Wagtail's site settings, and a site
    without a choice uses the preset named in the settings: both must exist."""
    from .core import conf
    from .core.salutations import preset_keys
    from .core.salutations.names import NAME_RULES

    messages = []
    if not apps.is_installed("wagtail.contrib.settings"):
        messages.append(
            checks.Error(
                "wagtail.contrib.settings is not in INSTALLED_APPS; the site's salutation scheme "
                "(Settings > Inclusive forms) needs it.",
                hint='Add "wagtail.contrib.settings" to INSTALLED_APPS.',
                id="wagtail_inclusive_forms.E002",
            )
        )
    preset = conf.salutation_preset()
    if preset not in preset_keys():
        messages.append(
            checks.Error(
                f"WAGTAIL_INCLUSIVE_FORMS_SALUTATION_PRESET is {preset!r}, which is not a registered preset.",
                hint=f"Use one of {', '.join(preset_keys())}, or register your preset with "
                "wagtail_inclusive_forms.core.salutations.register_preset() in an AppConfig.ready().",
                id="wagtail_inclusive_forms.E003",
            )
        )
    rules = conf.name_rules()
    if rules not in NAME_RULES:
        messages.append(
            checks.Error(
                f"WAGTAIL_INCLUSIVE_FORMS_NAME_RULES is {rules!r}, which is not a set of name rules.",
                hint=f"Use one of {', '.join(repr(known) for known in NAME_RULES)}.",
                id="wagtail_inclusive_forms.E004",
            )
        )
    return messages
