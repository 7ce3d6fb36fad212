"""The progress and outcome of a long admin action (the full audit, the bulk
fix) that runs as a task: the admin starts it, the task writes its progress
here, and the progress page reads it, wherever the task backend runs it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

AUDIT, BULK_FIX = "audit", "bulk_fix"
KIND_LABELS = {AUDIT: _("Audit of every form"), BULK_FIX: _("Bulk fix")}
QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
STATUS_LABELS = {QUEUED: _("waiting to start"), RUNNING: _("running"), DONE: _("done"), FAILED: _("failed")}


class AdminAction(models.Model):
    """One long action started in the admin, its progress and its outcome."""

    wagtail_reference_index_ignore = True

    kind = models.CharField(verbose_name=_("action"), max_length=20, choices=list(KIND_LABELS.items()))
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(verbose_name=_("started at"), auto_now_add=True)
    finished_at = models.DateTimeField(verbose_name=_("finished at"), null=True, blank=True)
    status = models.CharField(
        verbose_name=_("status"), max_length=10, choices=list(STATUS_LABELS.items()), default=QUEUED
    )
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    # The outcome, for the progress page: {"run_id": ...} of an audit, {"outcomes": [...]} of a bulk fix.
    result = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        verbose_name = _("admin action")
        verbose_name_plural = _("admin actions")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.kind} {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def finished(self) -> bool:
        return self.status in (DONE, FAILED)

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status])

    @property
    def kind_label(self) -> str:
        return str(KIND_LABELS[self.kind])
