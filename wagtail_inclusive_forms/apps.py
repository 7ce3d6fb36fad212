"""Django app configuration for wagtail-inclusive-forms."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailInclusiveFormsAppConfig(AppConfig):
    name = "wagtail_inclusive_forms"
    label = "wagtail_inclusive_forms"
    verbose_name = _("Inclusive forms")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import (
            checks,  # noqa: F401  (registers the system checks)
            signal_handlers,
        )

        signal_handlers.connect()
