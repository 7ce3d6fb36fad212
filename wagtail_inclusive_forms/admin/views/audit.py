"""The audit in the Wagtail admin: a dashboard with the last run's totals and a
report of its findings, both for users with the ``view_audit`` permission."""

from __future__ import annotations

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, OuterRef, Subquery
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets.button import HeaderButton

from ...core.audit import FINDING_LABELS, FINDING_TYPES
from ...core.audit.findings import SEVERITY_LABELS
from ...core.audit.trend import TrendPoint, trend_chart
from ...core.question import setting_labels
from ...models.actions import DONE
from ...models.audit import AuditRun, FormPurposeRecord, StoredFinding
from ...models.page_model import get_page_model
from ...services.admin_actions import audit_summary, start_audit, unfinished_actions
from ...services.audit_runs import latest_run, waiting_for_publication
from .base import ADDON_TITLE, AddonBreadcrumbsMixin, AddonTemplateView
from .bulk_fix import user_may_fix
from .exports import SafeSpreadsheetExportMixin

PERMISSION = "wagtail_inclusive_forms.view_audit"


def user_may_see_audit(user) -> bool:
    return user.is_active and user.has_perm(PERMISSION)


class AuditPermissionMixin:
    def dispatch(self, request, *args, **kwargs):
        if not user_may_see_audit(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def summary_context(run) -> dict:
    """Totals of a run for the dashboard and the homepage panel."""
    if run is None:
        return {"run": None}
    counts = dict(run.findings.values_list("code").annotate(total=Count("pk")).order_by())
    largest = max(counts.values(), default=0) or 1
    by_code = [
        {
            "code": code,
            "severity": FINDING_TYPES[code][0],
            "severity_label": str(SEVERITY_LABELS[FINDING_TYPES[code][0]]),
            "label": str(FINDING_LABELS[code]),
            "count": counts.get(code, 0),
            "percent": round(100 * counts.get(code, 0) / largest),
        }
        for code in FINDING_TYPES
    ]
    records = FormPurposeRecord.objects.latest_per_page(run.asking_page_ids)
    with_basis = [
        page_id for page_id in run.asking_page_ids if page_id in records and records[page_id].has_legal_basis
    ]
    return {
        "run": run,
        "by_code": by_code,
        "total_findings": sum(counts.values()),
        "without_legal_basis": len(run.asking_page_ids) - len(with_basis),
        "waiting": waiting_for_publication(run),
    }


def per_site_context(run, waiting: list[dict]) -> dict:
    """On a multi-site install: per site, forms read, forms asking (live), drafts
    asking and ``waiting`` (``waiting_for_publication`` of the run) (three queries;
    one more with ``WAGTAIL_I18N_ENABLED``, see ``site_roots``)."""
    from wagtail.models import Site

    from ...models.settings import site_id_for_path, site_roots

    sites = list(Site.objects.order_by("-is_default_site", "site_name", "hostname"))
    if run is None or len(sites) < 2:
        return {}
    roots = site_roots()
    page_ids = set(run.scanned_page_ids) | set(run.asking_page_ids) | set(run.draft_asking_page_ids)
    paths = get_page_model().objects.filter(pk__in=page_ids).values_list("pk", "url_path")
    site_of = {pk: site_id_for_path(path, roots) for pk, path in paths}
    waiting_ids = {row["page_id"] for row in waiting}

    def count(ids, site_id):
        return sum(1 for page_id in ids if site_of.get(page_id) == site_id)

    rows = [
        {
            "site": site.site_name or site.hostname,
            "scanned": count(run.scanned_page_ids, site.pk),
            "asking": count(run.asking_page_ids, site.pk),
            "draft_asking": count(run.draft_asking_page_ids, site.pk),
            "waiting": count(waiting_ids, site.pk),
        }
        for site in sites
    ]
    return {"per_site": rows}


TREND_RUNS = 12


def trend_context(run) -> dict:
    """The last runs of the same scope as ``run`` (all sites, or its site), oldest first."""
    if run is None:
        return {}
    runs = (
        AuditRun.objects.filter(site=run.site)
        .annotate(findings_count=Count("findings"))
        .order_by("-created_at", "-pk")[:TREND_RUNS]
    )
    points = [
        TrendPoint(row.created_at, row.findings_count, row.forms_asking, row.forms_scanned) for row in runs
    ]
    points.reverse()
    return {"trend": trend_chart(points), "trend_points": points}


def standard_question_context(run) -> dict:
    """How many forms follow the standard question, and which override what."""
    if run is None:
        return {}
    overriding = run.overriding_pages
    titles = dict(get_page_model().objects.filter(pk__in=overriding).values_list("pk", "title"))
    return {
        "following_count": len(run.following_page_ids),
        "overriding": [
            {
                "page_id": page_id,
                "title": titles.get(page_id, page_id),
                "settings": setting_labels(names),
            }
            for page_id, names in sorted(overriding.items(), key=lambda item: str(titles.get(item[0], "")))
        ],
    }


class AuditHomePanel(Component):
    """The audit's summary on the Wagtail dashboard, for users who may see it."""

    name = "inclusive_forms_audit"
    order = 160
    template_name = "wagtail_inclusive_forms/audit/home_panel.html"

    def get_context_data(self, parent_context):
        return summary_context(latest_run())


class AuditDashboardView(AuditPermissionMixin, AddonTemplateView):
    template_name = "wagtail_inclusive_forms/audit/dashboard.html"
    page_title = ADDON_TITLE
    under_dashboard = False

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        run = latest_run()
        context.update(summary_context(run))
        context.update(standard_question_context(run))
        context.update(trend_context(run))
        context.update(per_site_context(run, context.get("waiting", [])))
        context["report_url"] = reverse("wagtail_inclusive_forms:audit_report")
        context["may_fix"] = user_may_fix(self.request.user)
        context["unfinished_actions"] = unfinished_actions(self.request.user)
        return context

    def post(self, request, *args, **kwargs):
        action = start_audit(request.user)
        if action.status == DONE:  # the immediate task backend ran it in this request
            messages.success(request, audit_summary(action))
            return redirect("wagtail_inclusive_forms:audit_dashboard")
        # A worker runs it (or it failed): its progress page follows it and says how it ended.
        return redirect("wagtail_inclusive_forms:admin_action", action.pk)


def forms_in_latest_run() -> list[tuple[int, str]]:
    """(page id, title) of every form with findings in the last run, by title."""
    run = latest_run()
    if run is None:
        return []
    rows = run.findings.exclude(page=None).order_by().values_list("page_id", "page_title").distinct()
    return sorted(rows, key=lambda row: (row[1].casefold(), row[0]))


class FindingFilterSet(WagtailFilterSet):
    page = django_filters.ChoiceFilter(label=_("form"), choices=forms_in_latest_run)
    code = django_filters.ChoiceFilter(label=_("finding"), choices=list(FINDING_LABELS.items()))
    severity = django_filters.ChoiceFilter(
        label=_("severity"), choices=StoredFinding._meta.get_field("severity").choices
    )
    version = django_filters.ChoiceFilter(
        label=_("version"), choices=StoredFinding._meta.get_field("version").choices
    )

    class Meta:
        model = StoredFinding
        fields = ["page", "code", "severity", "version"]


class FindingMessageColumn(Column):
    cell_template_name = "wagtail_inclusive_forms/audit/message_cell.html"


class SeverityColumn(Column):
    cell_template_name = "wagtail_inclusive_forms/audit/severity_cell.html"


class FormColumn(Column):
    """The form's title, linked to its editor."""

    cell_template_name = "wagtail_inclusive_forms/audit/form_cell.html"


class LegalBasisColumn(Column):
    cell_template_name = "wagtail_inclusive_forms/audit/legal_basis_cell.html"


class AuditReportView(AuditPermissionMixin, AddonBreadcrumbsMixin, SafeSpreadsheetExportMixin, ReportView):
    """Every finding of the last audit run, with filters and CSV/XLSX export."""

    page_title = _("Findings of the form audit")
    header_icon = "form"
    template_name = "wagtail_inclusive_forms/audit/report.html"
    index_url_name = "wagtail_inclusive_forms:audit_report"
    index_results_url_name = "wagtail_inclusive_forms:audit_report_results"
    filterset_class = FindingFilterSet
    permission_policy = None
    columns = [
        FormColumn("page_title", label=_("Form")),
        Column("version", label=_("Version"), accessor="get_version_display"),
        Column("where", label=_("Field or text")),
        Column("code", label=_("Finding"), accessor="get_code_display"),
        SeverityColumn("severity", label=_("Severity")),
        FindingMessageColumn("message", label=_("Message and advice")),
        LegalBasisColumn("legal_basis", label=_("Legal basis recorded")),
    ]
    list_export = [
        "page_title",
        "get_version_display",
        "where",
        "get_code_display",
        "get_severity_display",
        "message",
        "advice",
        "legal_basis",
    ]
    export_headings = {
        "page_title": _("Form"),
        "get_version_display": _("Version"),
        "where": _("Field or text"),
        "get_code_display": _("Finding"),
        "get_severity_display": _("Severity"),
        "message": _("Message"),
        "advice": _("Advice"),
        "legal_basis": _("Legal basis recorded"),
    }

    sheet_title = _("Findings")

    def get_filename(self):
        return "form-audit"

    @property
    def header_buttons(self):
        if not user_may_fix(self.request.user):
            return []
        return [
            HeaderButton(
                _("Fix old sex questions"),
                url=reverse("wagtail_inclusive_forms:bulk_fix"),
                icon_name="resubmit",
            )
        ]

    def get_queryset(self):
        run = latest_run()
        if run is None:
            return StoredFinding.objects.none()
        latest = FormPurposeRecord.objects.filter(page=OuterRef("page")).order_by("-created_at", "-pk")
        return (
            StoredFinding.objects.filter(run=run)
            .annotate(legal_basis=Subquery(latest.values("legal_basis")[:1]))
            .order_by("page_title", "pk")
        )
