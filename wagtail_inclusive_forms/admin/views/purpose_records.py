"""The overview of every form's current purpose record, with CSV/XLSX export,
so a privacy officer can hand the records over (users with ``view_audit``)."""

from __future__ import annotations

from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from ...models.audit import FormPurposeRecord, form_retention_policy
from ...models.site_context import AllSites
from .audit import AuditPermissionMixin
from .base import AddonBreadcrumbsMixin
from .exports import SafeSpreadsheetExportMixin

FIELDS = {
    "page_title": _("Form"),
    "purposes_text": _("purposes"),
    "legal_basis": _("legal basis"),
    "decision_text": _("decision"),
    "retention": _("Retention"),
    "review_date": _("review date"),
    "dpia_url": _("DPIA"),
    "register_url": _("processing register"),
    "created_by": _("recorded by"),
    "created_at": _("recorded at"),
}


class PurposeRecordsView(AuditPermissionMixin, AddonBreadcrumbsMixin, SafeSpreadsheetExportMixin, ReportView):
    """One row per form with a purpose record: its newest version."""

    page_title = _("Purpose records")
    sheet_title = _("Purpose records")
    header_icon = "doc-full"
    index_url_name = "wagtail_inclusive_forms:purpose_records"
    index_results_url_name = "wagtail_inclusive_forms:purpose_records_results"
    permission_policy = None
    columns = [
        TitleColumn(
            "page_title",
            label=FIELDS["page_title"],
            get_url=lambda record: reverse("wagtail_inclusive_forms:purpose_record", args=[record.page_id]),
        ),
        Column("purposes_text", label=FIELDS["purposes_text"]),
        Column("legal_basis", label=FIELDS["legal_basis"]),
        Column("decision_text", label=FIELDS["decision_text"]),
        Column("retention", label=FIELDS["retention"]),
        DateColumn("review_date", label=FIELDS["review_date"]),
        Column("dpia_url", label=FIELDS["dpia_url"]),
        Column("register_url", label=FIELDS["register_url"]),
    ]
    list_export = list(FIELDS)
    export_headings = FIELDS

    def get_filename(self):
        return "purpose-records"

    def get_queryset(self):
        newest = FormPurposeRecord.objects.filter(page=OuterRef("page")).order_by("-created_at", "-pk")
        return (
            FormPurposeRecord.objects.filter(pk=Subquery(newest.values("pk")[:1]))
            .select_related("page", "created_by")
            .order_by("page__title", "page_id")
        )

    def decorate_paginated_queryset(self, object_list):
        # The retention that applies needs the page's site: two queries for the whole list.
        sites = AllSites()
        records = list(object_list)
        for record in records:
            site_policy = sites.for_path(record.page.url_path).retention_policy()
            record.page_title = record.page.title
            record.purposes_text = ", ".join(str(label) for label in record.purpose_labels())
            record.decision_text = record.get_decision_display()
            record.retention = form_retention_policy(site_policy, record).describe()
        return records
