"""Background tasks, through the tasks framework Wagtail itself uses
(``django_tasks``): big sites audit on their worker instead of in a request,
and e-mails never hold a visitor's request while a mail server hangs.

With the default immediate backend a task runs at once; configure a worker
backend in ``TASKS`` to run it elsewhere. Arguments are ids and plain text,
so any backend can serialise them.
"""

from __future__ import annotations

import logging

from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django_tasks import task

logger = logging.getLogger(__name__)

STAFF_EMAIL, CONFIRMATION_EMAIL = "staff", "confirmation"


@task()
def apply_retention_task(site_id: int | None = None) -> int:
    """Anonymise or delete the submissions whose retention period is over, on
    every form (of one site); returns how many. Schedule it, e.g. daily."""
    from wagtail.models import Site

    from .retention_runs import APPLIED, run_retention

    site = Site.objects.filter(pk=site_id).first() if site_id else None
    outcomes = run_retention(site, apply=True)
    return sum(outcome.count for outcome in outcomes if outcome.status == APPLIED)


@task()
def send_email_task(
    *,
    kind: str,
    subject: str,
    body: str,
    to: list[str],
    from_email: str | None = None,
    html: str | None = None,
    page_id: int | None = None,
) -> bool:
    """Send one form e-mail: Wagtail's staff e-mail (through Wagtail's own
    ``send_mail``, with its defaults) or the confirmation to the visitor.
    A failure is logged, never raised: the submission is already saved."""
    try:
        if kind == STAFF_EMAIL:
            from wagtail.admin.mail import send_mail

            send_mail(subject, body, to, from_email)
        else:
            message = EmailMultiAlternatives(subject=subject, body=body, from_email=from_email or None, to=to)
            if html:
                message.attach_alternative(html, "text/html")
            message.send()
    except Exception:
        logger.exception("Form %s: the %s e-mail could not be sent; the submission is saved.", page_id, kind)
        return False
    return True


@task()
def audit_forms_task(
    site_id: int | None = None, user_id: int | None = None, action_id: int | None = None
) -> int:
    """Run the audit of one site (or all) and store it; returns the run's id.
    ``action_id``: the admin action whose progress it reports."""
    from wagtail.models import Site

    from .admin_actions import run_audit_action

    site = Site.objects.filter(pk=site_id).first() if site_id else None
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    return run_audit_action(action_id, site, user).pk


@task()
def bulk_fix_task(action_id: int, page_ids: list[int], publish: bool = False) -> int:
    """Apply the bulk fix to these pages as the admin action's user, then store
    a new audit run; progress and outcomes go to the action. Returns its id."""
    from .admin_actions import run_bulk_fix_action

    run_bulk_fix_action(action_id, page_ids, publish)
    return action_id


@task()
def refresh_audit_task(page_ids: list[int]) -> int | None:
    """Audit these pages again in the latest run (after publishing, unpublishing
    or deleting them); returns the run's id, or None without a usable run."""
    from .audit_runs import refresh_pages

    run = refresh_pages(page_ids)
    return run.pk if run else None


@task()
def audit_digest_task(site_id: int | None = None) -> int:
    """Run the audit of one site (or all), store it and e-mail what is new to the
    site's digest recipients; returns the number of new findings. Schedule it."""
    from wagtail.models import Site

    from .digest import run_audit_and_send_digest

    site = Site.objects.filter(pk=site_id).first() if site_id else None
    _run, fresh, _recipients = run_audit_and_send_digest(site)
    return len(fresh)
