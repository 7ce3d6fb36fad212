"""Long admin actions as tasks with progress: the full audit and the bulk fix.

``start_audit`` and ``start_bulk_fix`` record an ``AdminAction`` and enqueue
its task; the task (``tasks``) calls ``run_audit_action`` or
``run_bulk_fix_action``, which write progress and outcome to that row. With
Django's immediate task backend the whole action has run when ``start_*``
returns; with a worker it runs there and the progress page follows it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import timedelta

from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from ..models.actions import AUDIT, BULK_FIX, DONE, FAILED, QUEUED, RUNNING, AdminAction

logger = logging.getLogger(__name__)


# Finished actions are kept this long for their progress page, then removed.
KEEP_FINISHED = timedelta(days=30)


def _new_action(**fields) -> AdminAction:
    AdminAction.objects.filter(finished_at__lt=timezone.now() - KEEP_FINISHED).delete()
    return AdminAction.objects.create(**fields)


def start_audit(user) -> AdminAction:
    from .tasks import audit_forms_task

    action = _new_action(kind=AUDIT, started_by=_person(user), total=1)
    audit_forms_task.enqueue(user_id=action.started_by_id, action_id=action.pk)
    action.refresh_from_db()
    return action


def start_bulk_fix(page_ids: list[int], user, publish: bool) -> AdminAction:
    from .tasks import bulk_fix_task

    # One step per page, and one for the audit afterwards.
    action = _new_action(kind=BULK_FIX, started_by=_person(user), total=len(page_ids) + 1)
    bulk_fix_task.enqueue(action_id=action.pk, page_ids=list(page_ids), publish=publish)
    action.refresh_from_db()
    return action


def run_audit_action(action_id: int | None, site=None, user=None):
    """The full audit, recorded on ``action_id`` (None: not started from the admin)."""
    from .audit_runs import run_and_store_audit

    with _recorded(action_id) as action:
        run = run_and_store_audit(site, user)
        if action is not None:
            action.result = {
                "run_id": run.pk,
                "forms_scanned": run.forms_scanned,
                "forms_asking": run.forms_asking,
            }
            action.done = action.total
    return run


def run_bulk_fix_action(action_id: int, page_ids: Iterable[int], publish: bool) -> None:
    """Fix each page (each in its own transaction), counting progress, then store
    a new audit run so the dashboard shows the result at once."""
    from .audit_runs import run_and_store_audit
    from .bulk_fix import fix_page

    with _recorded(action_id) as action:
        if action is None:  # deleted before its task ran
            logger.warning("Bulk fix: admin action %s no longer exists; nothing done", action_id)
            return
        user = action.started_by
        outcomes = action.result.setdefault("outcomes", [])
        for page_id in page_ids:
            outcomes.append(fix_page(page_id, user=user, publish=publish).as_stored())
            # The outcomes so far are kept: a failure later loses none of them.
            AdminAction.objects.filter(pk=action.pk).update(done=F("done") + 1, result=action.result)
        run_and_store_audit(user=user)
        action.done = action.total


class _recorded:
    """Marks the action running, then done; on an exception, failed with a
    message people can read (the details go to the log), and re-raised."""

    def __init__(self, action_id: int | None):
        self.action = AdminAction.objects.select_related("started_by").filter(pk=action_id).first()

    def __enter__(self) -> AdminAction | None:
        if self.action is not None:
            self.action.status = RUNNING
            self.action.save(update_fields=["status"])
        return self.action

    def __exit__(self, kind, error, traceback) -> bool:
        action = self.action
        if action is None:
            return False
        action.finished_at = timezone.now()
        if error is None:
            action.status = DONE
            action.save(update_fields=["status", "finished_at", "done", "result"])
            return False
        logger.error("Admin action %s (%s) failed", action.pk, action.kind, exc_info=error)
        # Progress and outcomes stay as the task last stored them.
        action.status = FAILED
        action.error = gettext(
            "The action stopped with an error (%(error)s). What it did before that stays done; "
            "the details are in the server log."
        ) % {"error": type(error).__name__}
        action.save(update_fields=["status", "finished_at", "error"])
        return False


def _person(user):
    return user if user is not None and user.is_authenticated else None


def count_label(action: AdminAction) -> str:
    return gettext("%(done)s of %(total)s steps done.") % {"done": action.done, "total": action.total}


def audit_summary(action: AdminAction) -> str:
    if action.kind != AUDIT or action.status != DONE or "forms_asking" not in action.result:
        return ""
    asking, total = action.result["forms_asking"], action.result["forms_scanned"]
    return ngettext(
        "Audit done: %(asking)d of %(total)d forms asks sex or gender.",
        "Audit done: %(asking)d of %(total)d forms ask sex or gender.",
        asking,
    ) % {"asking": asking, "total": total}


def unfinished_actions(user) -> list[AdminAction]:
    """The actions ``user`` started that have not finished (at most five, newest first)."""
    return list(AdminAction.objects.filter(started_by=user, status__in=[QUEUED, RUNNING])[:5])
