"""The audit digest: a scheduled audit e-mails what it found that the run
before it did not, to the addresses in the site's settings. Nothing is sent
when nothing is new or no one is set to receive it.

Schedule ``tasks.audit_digest_task`` (or ``manage.py audit_forms --digest``),
e.g. each night.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import ngettext

from ..models import site_context
from ..models.audit import AuditRun, StoredFinding
from .audit_runs import latest_run, run_and_store_audit

_SAME_FINDING = ("page_id", "version", "where", "code", "term")


def new_findings(previous: AuditRun | None, run: AuditRun) -> list[StoredFinding]:
    """Findings of ``run`` that ``previous`` did not have (two queries)."""
    before = set(previous.findings.values_list(*_SAME_FINDING)) if previous is not None else set()
    return [
        finding
        for finding in run.findings.order_by("page_title", "pk")
        if tuple(getattr(finding, name) for name in _SAME_FINDING) not in before
    ]


def run_audit_and_send_digest(site=None) -> tuple[AuditRun, list[StoredFinding], list[str]]:
    """A new run of ``site`` (or all sites); its new findings; who was told."""
    previous = latest_run(site)
    run = run_and_store_audit(site)
    return (run, *digest_after(previous, run, site))


def digest_after(
    previous: AuditRun | None, run: AuditRun, site=None
) -> tuple[list[StoredFinding], list[str]]:
    """Send what ``run`` found that ``previous`` did not to ``site``'s digest
    recipients; the new findings and who was told (no one: nothing new)."""
    fresh = new_findings(previous, run)
    context = site_context.load(site.pk if site is not None else None)
    recipients = list(context.settings.get_digest_recipients()) if context.settings else []
    if not (fresh and recipients):
        return fresh, []
    send_digest(run, fresh, recipients)
    return fresh, recipients


def send_digest(run: AuditRun, fresh: list[StoredFinding], recipients: list[str]) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        subject = ngettext(
            "Form audit: %(count)d new finding", "Form audit: %(count)d new findings", len(fresh)
        ) % {"count": len(fresh)}
        base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
        body = render_to_string(
            "wagtail_inclusive_forms/audit/digest_email.txt",
            {
                "run": run,
                "findings": fresh,
                "dashboard_url": base + reverse("wagtail_inclusive_forms:audit_dashboard"),
                "report_url": base + reverse("wagtail_inclusive_forms:audit_report"),
            },
        )
    send_mail(subject, body, None, recipients)
