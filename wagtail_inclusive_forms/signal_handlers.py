"""Keep the stored audit current: a page published, unpublished or deleted is
audited again in the latest run, in a task after the change is committed.

Only pages that can hold a form are followed (form pages, and pages with rich
text or StreamFields, where HTML forms may hide). The pages of one transaction
(a deleted tree, say) go to one task.
"""

from __future__ import annotations

import threading

from django.db import transaction
from django.db.models.signals import pre_delete
from wagtail.signals import page_published, page_unpublished

_pending = threading.local()
_followed: tuple[type, ...] = ()  # page models that can hold a form, set by connect()


def refresh_after_commit(page_id: int) -> None:
    """Audit ``page_id`` again once the current transaction commits.

    Each page registers its own callback; the first callback of a commit sends
    every page waiting, the others find theirs sent. A page of a rolled-back
    transaction waits for the next commit: auditing it once more does no harm.
    """
    waiting = _pending.__dict__.setdefault("page_ids", set())
    waiting.add(page_id)
    transaction.on_commit(lambda: _send_waiting(page_id))


def _send_waiting(page_id: int) -> None:
    from .services.tasks import refresh_audit_task

    waiting = _pending.__dict__.get("page_ids", set())
    if page_id in waiting:
        _pending.page_ids = set()
        refresh_audit_task.enqueue(page_ids=sorted(waiting))


def page_changed(sender, instance, **kwargs) -> None:
    if instance.pk is not None and isinstance(instance, _followed):
        refresh_after_commit(instance.pk)


def connect() -> None:
    """Called once the app registry is ready (``AppConfig.ready``)."""
    global _followed
    from .services.sources import form_page_models, html_form_page_models

    _followed = tuple(form_page_models()) + tuple(html_form_page_models())
    page_published.connect(page_changed, dispatch_uid="wagtail_inclusive_forms_published")
    page_unpublished.connect(page_changed, dispatch_uid="wagtail_inclusive_forms_unpublished")
    # Per page model, never for every model: a pre_delete listener stops Django from
    # deleting that model's rows in one query (the retention run deletes submissions so).
    for model in _followed:
        pre_delete.connect(
            page_changed, sender=model, dispatch_uid=f"wagtail_inclusive_forms_deleted_{model._meta.label}"
        )
