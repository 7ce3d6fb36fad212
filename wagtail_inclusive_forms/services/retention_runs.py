"""Apply the retention periods: anonymise or delete form submissions that are due.

Used by ``manage.py apply_retention`` and ``tasks.apply_retention_task``. Per
form page a fixed number of queries, whatever the number of submissions: a
count, then one DELETE, or one UPDATE that removes the sensitive answers from
the stored JSON in the database (nothing is loaded into memory). Each page is
changed in its own transaction and logged in Wagtail's audit log with counts,
never answers. With a ``user`` only the forms whose submissions that user may
manage in Wagtail (``get_forms_for_user``: the same check as Wagtail's own
submission deletion) are touched; without one (a scheduled task) all forms.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.utils import get_forms_for_user
from wagtail.log_actions import log

from ..core.retention import DELETE, RetentionPolicy
from ..models import site_context
from ..models.audit import FormPurposeRecord, form_retention_policy
from ..models.json_functions import JSONRemoveKeys
from ..models.question import InclusiveFormMixin
from .sources import form_page_models

logger = logging.getLogger(__name__)

RETENTION_ACTION = "wagtail_inclusive_forms.apply_retention"
DUE, APPLIED, NOTHING, FAILED = "due", "applied", "nothing", "failed"
STATUS_LABELS = {
    DUE: _("due (dry run)"),
    APPLIED: _("applied"),
    NOTHING: _("nothing due"),
    FAILED: _("failed"),
}


@dataclass
class RetentionOutcome:
    page_id: int
    title: str
    policy: RetentionPolicy
    count: int = 0  # submissions due (dry run) or changed (applied)
    status: str = NOTHING
    fields: list[str] = field(default_factory=list)  # the answers removed when anonymising
    reason: str = ""


def policy_for_page(page) -> RetentionPolicy:
    """The retention that applies to one form: its current purpose record's, else its site's."""
    if isinstance(page, InclusiveFormMixin):
        return page.get_retention_policy()
    record = FormPurposeRecord.objects.filter(page_id=page.pk).first()  # the newest: Meta.ordering
    return form_retention_policy(site_context.for_page(page).retention_policy(), record)


def form_pages(site=None, page_ids=None, user=None):
    """The form pages in scope, as their specific classes."""
    for model in form_page_models():
        pages = model.objects.all().order_by("path")
        if site is not None:
            pages = pages.filter(path__startswith=site.root_page.path)
        if page_ids:
            pages = pages.filter(pk__in=page_ids)
        if user is not None:
            pages = pages.filter(pk__in=get_forms_for_user(user).values("pk"))
        yield from pages


def _due(page, policy: RetentionPolicy, now: datetime.datetime):
    """The submissions due on this page, and the answers to remove when anonymising."""
    cutoff = policy.cutoff(now)
    if cutoff is None:
        return None, []
    submissions = page.get_submission_class().objects.filter(page=page, submit_time__lt=cutoff)
    if policy.action == DELETE:
        return submissions, []
    names = sorted(page.get_sensitive_field_names()) if isinstance(page, InclusiveFormMixin) else []
    if not names:
        return None, []
    return submissions.filter(form_data__has_any_keys=names), names


def run_retention(
    site=None, page_ids=None, *, apply: bool = False, user=None, now: datetime.datetime | None = None
) -> list[RetentionOutcome]:
    """Per form page in scope: what is due, and, with ``apply``, do it."""
    now = now or timezone.now()
    sites = site_context.AllSites()
    pages = list(form_pages(site, page_ids, user))
    records = FormPurposeRecord.objects.latest_per_page(page.pk for page in pages)
    outcomes = []
    for page in pages:
        record = records.get(page.pk)
        policy = form_retention_policy(sites.for_path(page.url_path).retention_policy(), record)
        outcome = RetentionOutcome(page.pk, page.title, policy)
        outcomes.append(outcome)
        submissions, names = _due(page, policy, now)
        if submissions is None:
            continue
        outcome.fields = names
        outcome.count = submissions.count()
        if not outcome.count:
            continue
        if not apply:
            outcome.status = DUE
            continue
        try:
            with transaction.atomic():
                if policy.action == DELETE:
                    submissions.delete()
                else:
                    outcome.count = submissions.update(form_data=JSONRemoveKeys("form_data", *names))
                data = {"action": policy.action, "count": outcome.count, "days": policy.days, "fields": names}
                log(instance=page, action=RETENTION_ACTION, user=user, data=data)
        except Exception as error:  # one page failing must not stop the others
            logger.exception("Retention of form %s failed; nothing on it was changed.", page.pk)
            outcome.status, outcome.reason = FAILED, str(error)
        else:
            outcome.status = APPLIED
    return outcomes
