"""Run the audit and store its result: used by the dashboard's button, the
command's ``--store`` option and the background task.

The result is written with a fixed number of queries (bulk insert), so a site
with thousands of forms is stored as quickly as a small one.
"""

from __future__ import annotations

from typing import NamedTuple

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ..core.audit import AuditReport, FormDescription, audit_forms
from ..core.question import SharedQuestion
from ..core.retention import RetentionPolicy
from ..models import site_context
from ..models.audit import AuditRun, FormPurposeRecord, StoredFinding, form_retention_policy
from ..models.page_model import get_page_model
from ..models.stream_forms import StreamFormMixin
from .sources import describe_forms, describe_page, page_promises


def run_and_store_audit(site=None, user=None) -> AuditRun:
    """Audit the forms of ``site`` (or all sites) and store the result as a new run."""
    return store_report(audit_forms(describe_forms(site)), site, user)


@transaction.atomic
def store_report(report: AuditReport, site=None, user=None) -> AuditRun:
    """Store an audit's result as a new run, with a fixed number of queries."""
    run = AuditRun(site=site, started_by=user if user is not None and user.is_authenticated else None)
    _set_totals(run, report)
    run.save()
    StoredFinding.objects.bulk_create(_stored_rows(run, report), batch_size=1000)
    return run


def _set_totals(run: AuditRun, report: AuditReport) -> None:
    run.scanned_page_ids = sorted(report.page_ids)
    run.asking_page_ids = sorted(report.asking_page_ids)
    run.draft_asking_page_ids = sorted(report.draft_asking_page_ids)
    run.improved_draft_page_ids = sorted(report.improved_draft_page_ids)
    run.question_overrides = {
        str(page_id): sorted(names) for page_id, names in sorted(report.question_overrides.items())
    }
    run.forms_scanned, run.forms_asking = len(run.scanned_page_ids), len(run.asking_page_ids)


def _stored_rows(run: AuditRun, report: AuditReport) -> list[StoredFinding]:
    return [
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
    ]


def refresh_pages(page_ids) -> AuditRun | None:
    """Audit ``page_ids`` again and put the result in the latest run in place of
    what it had for them: published, unpublished or deleted pages are current at
    once, without a full run. A fixed number of queries, whatever the number of
    pages on the site. Nothing happens without a run, or with a run stored
    before runs kept the pages they read (the next full run does)."""
    run = latest_run()
    if run is None or (run.forms_scanned and not run.scanned_page_ids):
        return None
    ids = {int(page_id) for page_id in page_ids}
    report = audit_forms(describe_forms(run.site, page_ids=ids))
    if not report.forms and not ids & set(run.scanned_page_ids):
        return run  # no form among them, before or now
    with transaction.atomic():
        run = AuditRun.objects.select_for_update().get(pk=run.pk)
        # Findings of deleted pages lost their page (SET_NULL): they go too.
        run.findings.filter(Q(page_id__in=ids) | Q(page__isnull=True)).delete()
        StoredFinding.objects.bulk_create(_stored_rows(run, report), batch_size=1000)
        for name, found in (
            ("scanned_page_ids", report.page_ids),
            ("asking_page_ids", report.asking_page_ids),
            ("draft_asking_page_ids", report.draft_asking_page_ids),
            ("improved_draft_page_ids", report.improved_draft_page_ids),
        ):
            setattr(run, name, sorted((set(getattr(run, name)) - ids) | found))
        overrides = {int(page_id): names for page_id, names in run.question_overrides.items()}
        overrides = {page_id: names for page_id, names in overrides.items() if page_id not in ids}
        overrides.update({page_id: sorted(names) for page_id, names in report.question_overrides.items()})
        run.question_overrides = {str(page_id): overrides[page_id] for page_id in sorted(overrides)}
        run.forms_scanned, run.forms_asking = len(run.scanned_page_ids), len(run.asking_page_ids)
        run.updated_at = timezone.now()
        run.save()
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


class PageInMemory(NamedTuple):
    described: FormDescription
    retention: RetentionPolicy
    shared: SharedQuestion  # the site's standard question
    record: FormPurposeRecord | None  # the page's current purpose record
    form_fields: list  # its form-builder fields as described (none on a StreamField form)


def describe_page_in_memory(page, request=None) -> PageInMemory:
    """One form page as it is in memory (the editor's instance, a page being
    edited and not saved, or a page about to be published) described under its
    site's settings, which ``request`` keeps for the other panels of the same
    request; with its retention, the standard question and its purpose record."""
    site = site_context.for_page(page, request)
    record = FormPurposeRecord.objects.latest_per_page([page.pk]).get(page.pk) if page.pk else None
    retention = form_retention_policy(site.retention_policy(), record)
    shared = site.shared_question()
    form_fields = [] if isinstance(page, StreamFormMixin) else list(page.get_form_fields())
    promises = page_promises(page, retention)
    described = describe_page(page, shared=shared, promises=promises, form_fields=form_fields)
    return PageInMemory(described, retention, shared, record, form_fields)


def audit_page(page, request=None) -> tuple[AuditReport, RetentionPolicy]:
    """One form page audited as it is in memory (see :func:`describe_page_in_memory`); and its retention."""
    in_memory = describe_page_in_memory(page, request)
    return audit_forms([in_memory.described]), in_memory.retention
