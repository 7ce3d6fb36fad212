"""App config of the optional wagtail-modeladmin integration."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InclusiveFormsModelAdminConfig(AppConfig):
    name = "wagtail_inclusive_forms.contrib.modeladmin"
    label = "wagtail_inclusive_forms_modeladmin"
    verbose_name = _("Inclusive forms (ModelAdmin)")
