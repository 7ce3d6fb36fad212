"""The frame of the add-on's own admin pages: Wagtail's header (the page
title as the ``<h1>``, breadcrumbs Home > Inclusive forms > page), from
Wagtail's generic ``WagtailAdminTemplateMixin``. The templates add the
audit's stylesheet."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

ADDON_TITLE = _("Inclusive forms")


class AddonBreadcrumbsMixin:
    """Breadcrumbs through the audit's dashboard to this page."""

    under_dashboard = True

    def get_breadcrumbs_items(self):
        items = list(self.breadcrumbs_items)
        if self.under_dashboard:
            items.append({"url": reverse("wagtail_inclusive_forms:audit_dashboard"), "label": ADDON_TITLE})
        return [*items, {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()}]


class AddonTemplateView(AddonBreadcrumbsMixin, WagtailAdminTemplateMixin, TemplateView):
    header_icon = "form"
