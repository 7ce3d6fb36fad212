"""Admin panels of the package: the live salutation preview in site settings,
and the audit's notice in the page editor of a form page."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from .salutations import SalutationScheme, SchemeError, preview_rows, sample_names


def preview_context(build_scheme) -> dict:
    """Context of the preview table for the scheme ``build_scheme()`` returns;
    a scheme that cannot be built shows its problems instead."""
    names = sample_names()
    try:
        scheme: SalutationScheme = build_scheme()
    except SchemeError as error:
        return {"preview_errors": list(error.errors.values()), "preview_names": [], "preview_rows": []}
    except LookupError as error:
        return {"preview_errors": [str(error)], "preview_names": [], "preview_rows": []}
    return {
        "preview_errors": [],
        "preview_names": [label for label, _name in names],
        "preview_rows": preview_rows(scheme, names),
    }


class SalutationPreviewPanel(Panel):
    """Every answer's salutation for a few sample names; updates while typing."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Preview"))
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "salutation_preview"

    class BoundPanel(Panel.BoundPanel):
        template_name = "wagtail_inclusive_forms/panels/salutation_preview.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["preview_url"] = reverse("wagtail_inclusive_forms:salutation_preview")
            context.update(preview_context(self.instance.get_salutation_scheme_as_entered))
            return context


class AuditNoticePanel(Panel):
    """The audit's findings on this form page, with advice; add it to a form
    page's panels like Wagtail's ``FormSubmissionsPanel``."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Sex, gender and wording on this form"))
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "inclusive_forms_audit"

    class BoundPanel(Panel.BoundPanel):
        template_name = "wagtail_inclusive_forms/panels/audit_notice.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            from .audit import audit_forms
            from .sources import describe_page

            context = super().get_context_data(parent_context)
            page = self.instance
            revision = getattr(page, "latest_revision", None)
            latest = page.with_content_json(revision.content) if revision is not None else page
            context["notice_rows"] = audit_forms([describe_page(latest)]).rows
            context["page_id"] = page.pk
            return context
