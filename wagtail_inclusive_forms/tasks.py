"""Background tasks, through the tasks framework Wagtail itself uses
(``django_tasks``): big sites audit on their worker instead of in a request.

With Django's default immediate backend the task runs at once; configure a
worker backend in ``TASKS`` to run it elsewhere. Arguments are ids, so any
backend can serialise them.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django_tasks import task


@task()
def audit_forms_task(site_id: int | None = None, user_id: int | None = None) -> int:
    """Run the audit of one site (or all) and store it; returns the run's id."""
    from wagtail.models import Site

    from .audit_runs import run_and_store_audit

    site = Site.objects.filter(pk=site_id).first() if site_id else None
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    return run_and_store_audit(site, user).pk
