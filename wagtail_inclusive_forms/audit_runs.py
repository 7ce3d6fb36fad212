"""Run the audit and store its result: used by the dashboard's button, the
command's ``--store`` option and the background task.

The result is written with a fixed number of queries (bulk insert), so a site
with thousands of forms is stored as quickly as a small one.
"""

from __future__ import annotations

from django.db import transaction

from . import site_context
from .audit import AuditReport, audit_forms
from .models.audit import AuditRun, StoredFinding
from .page_model import get_page_model
from .retention import RetentionPolicy
from .sources import describe_forms, describe_page, page_promises


def run_and_store_audit(site=None, user=None) -> AuditRun:
    """Audit the forms of ``site`` (or all sites) and store the result as a new run."""
    return store_report(audit_forms(describe_forms(site)), site, user)


@transaction.atomic
def store_report(report: AuditReport, site=None, user=None) -> AuditRun:
    """Store an audit's result as a new run, with a fixed number of queries."""
    run = AuditRun.objects.create(
        site=site,
        started_by=user if user is not None and user.is_authenticated else None,
        forms_scanned=len(report.page_ids),
        forms_asking=len(report.asking_page_ids),
        asking_page_ids=sorted(report.asking_page_ids),
        draft_asking_page_ids=sorted(report.draft_asking_page_ids),
        improved_draft_page_ids=sorted(report.improved_draft_page_ids),
        question_overrides={
            str(page_id): sorted(names) for page_id, names in sorted(report.question_overrides.items())
        },
    )
    StoredFinding.objects.bulk_create(
        [
            StoredFinding(
                run=run,
                page_id=row.form.page_id,
                page_title=row.form.title[:255],
                version=row.form.version,
                where=row.where[:255],
                code=row.finding.code,
                severity=row.finding.severity,
                term=row.finding.term[:100],
                suggestion=row.finding.suggestion[:255],
            )
            for row in report.rows
        ],
        batch_size=1000,
    )
    return run


def latest_run(site=None) -> AuditRun | None:
    runs = AuditRun.objects.filter(site=site) if site is not None else AuditRun.objects.all()
    return runs.order_by("-created_at", "-pk").first()


def waiting_for_publication(run: AuditRun | None) -> list[dict]:
    """Forms of ``run`` whose draft fixes findings of the published version and
    that are still unpublished (one query): the dashboard counts what visitors
    see, so these are named separately rather than silently left out."""
    if run is None or not run.improved_draft_page_ids:
        return []
    pages = get_page_model().objects.filter(pk__in=run.improved_draft_page_ids, has_unpublished_changes=True)
    rows = pages.order_by("title").values_list("pk", "title")
    return [{"page_id": pk, "title": title} for pk, title in rows]


def audit_page(page, request=None) -> tuple[AuditReport, RetentionPolicy]:
    """One form page audited as it is in memory (the editor's instance, or a
    page about to be published), under its site's settings, which ``request``
    keeps for the other panels of the same request; and its retention."""
    from .retention_runs import policy_for_page

    site = site_context.for_page(page, request)
    retention = policy_for_page(page, site)
    described = describe_page(page, shared=site.shared_question(), promises=page_promises(page, retention))
    return audit_forms([described]), retention
