"""Stored audit runs, and the record of why each form asks sex or gender.

An ``AuditRun`` holds the totals of one audit; its ``StoredFinding`` rows are
the report. ``FormPurposeRecord`` rows are never changed: each save adds a
version, with its author and date. The package's permission to see the audit,
``view_audit``, is declared here.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..core.audit import FINDING_LABELS, SEVERITIES, VERSION_LABELS, AuditFinding
from ..core.audit.findings import SEVERITY_LABELS
from ..core.audit.purposes import DECISIONS, LEGAL_DUTY, PURPOSES
from ..core.retention import ACTIONS, MAX_DAYS, RetentionPolicy, resolve_policy
from .page_model import page_model_name


class AuditRun(models.Model):
    """One audit of a site (or of all sites) and its totals."""

    wagtail_reference_index_ignore = True

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("site"), null=True, blank=True, on_delete=models.SET_NULL
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    created_at = models.DateTimeField(verbose_name=_("date"), auto_now_add=True)
    # Set when publishing, unpublishing or deleting a form updated this run's pages.
    updated_at = models.DateTimeField(verbose_name=_("updated"), null=True, blank=True)
    forms_scanned = models.PositiveIntegerField(verbose_name=_("forms scanned"), default=0)
    forms_asking = models.PositiveIntegerField(verbose_name=_("forms asking sex or gender"), default=0)
    # Every form page the run read (so later updates of single pages keep the totals right).
    scanned_page_ids = models.JSONField(default=list, blank=True)
    asking_page_ids = models.JSONField(default=list, blank=True)
    # Published forms whose unpublished draft asks sex or gender (not counted above).
    draft_asking_page_ids = models.JSONField(default=list, blank=True)
    # Published forms whose unpublished draft has fewer findings: fixes waiting for publication.
    improved_draft_page_ids = models.JSONField(default=list, blank=True)
    # {page id: [settings its inclusive questions override]}; [] = follows the standard
    question_overrides = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("audit run")
        verbose_name_plural = _("audit runs")
        ordering = ["-created_at", "-pk"]
        get_latest_by = ["created_at", "pk"]
        permissions = [
            ("view_audit", _("Can see the audit of inclusive forms")),
            ("fix_forms", _("Can replace old sex questions in bulk")),
            ("view_sensitive_answers", _("Can see sensitive answers in form submissions")),
        ]

    def __str__(self) -> str:
        return str(self.created_at)

    @property
    def following_page_ids(self) -> list[int]:
        return sorted(int(page_id) for page_id, names in self.question_overrides.items() if not names)

    @property
    def overriding_pages(self) -> dict[int, list[str]]:
        return {int(page_id): names for page_id, names in self.question_overrides.items() if names}


class StoredFinding(models.Model):
    """One line of the audit report."""

    # A finding is not a use of its page: kept out of Wagtail's "Usage" and its
    # per-row signal work, so a run's findings are deleted in one query.
    wagtail_reference_index_ignore = True

    run = models.ForeignKey(AuditRun, related_name="findings", on_delete=models.CASCADE)
    page = models.ForeignKey(
        page_model_name(), verbose_name=_("form"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    page_title = models.CharField(verbose_name=_("form"), max_length=255)
    version = models.CharField(verbose_name=_("version"), max_length=8, choices=list(VERSION_LABELS.items()))
    where = models.CharField(verbose_name=_("field or text"), max_length=255)
    code = models.CharField(verbose_name=_("finding"), max_length=32, choices=list(FINDING_LABELS.items()))
    severity = models.CharField(
        verbose_name=_("severity"),
        max_length=8,
        choices=[(level, SEVERITY_LABELS[level]) for level in SEVERITIES],
    )
    term = models.CharField(max_length=100, blank=True)
    suggestion = models.CharField(max_length=255, blank=True)

    class Meta:
        verbose_name = _("finding")
        verbose_name_plural = _("findings")
        ordering = ["page_title", "pk"]

    def __str__(self) -> str:
        return f"{self.page_title}: {self.code}"

    @property
    def finding(self) -> AuditFinding:
        return AuditFinding(self.code, self.where, self.term, self.suggestion)

    @property
    def message(self) -> str:
        return self.finding.message

    @property
    def advice(self) -> str:
        return self.finding.advice


class FormPurposeRecordQuerySet(models.QuerySet):
    def latest_per_page(self, page_ids=None) -> dict[int, FormPurposeRecord]:
        """The current record of each page (None: of every page that has one), in one query."""
        records = self if page_ids is None else self.filter(page_id__in=list(page_ids))
        current: dict[int, FormPurposeRecord] = {}
        for record in records.order_by("page_id", "-created_at", "-pk"):
            current.setdefault(record.page_id, record)
        return current


class FormPurposeRecord(models.Model):
    """Why one form asks sex or gender: purposes, legal basis and decision.
    A new row per change; the newest is the current record."""

    page = models.ForeignKey(
        page_model_name(), verbose_name=_("form"), on_delete=models.CASCADE, related_name="+"
    )
    purposes = models.JSONField(verbose_name=_("purposes"), default=list, blank=True)
    legal_basis = models.TextField(
        verbose_name=_("legal basis"),
        blank=True,
        help_text=_("The law and article that require the answer, e.g. “Paspoortwet art. 3 lid 1”."),
    )
    decision = models.CharField(
        verbose_name=_("decision"), max_length=20, blank=True, choices=list(DECISIONS.items())
    )
    notes = models.TextField(verbose_name=_("notes"), blank=True)
    retention_days = models.PositiveIntegerField(
        verbose_name=_("retention period in days"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_DAYS)],
        help_text=_("Empty: the site's retention period applies."),
    )
    retention_action = models.CharField(
        verbose_name=_("after the retention period"),
        max_length=10,
        blank=True,
        choices=[("", _("As set for the site")), *ACTIONS.items()],
    )
    review_date = models.DateField(verbose_name=_("review date"), null=True, blank=True)
    dpia_url = models.URLField(verbose_name=_("DPIA"), blank=True, help_text=_("Link to the DPIA, if any."))
    register_url = models.URLField(
        verbose_name=_("processing register"),
        blank=True,
        help_text=_("Link to this processing in the register of processing activities."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), null=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(verbose_name=_("recorded at"), auto_now_add=True)

    objects = FormPurposeRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("purpose record")
        verbose_name_plural = _("purpose records")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.page_id}: {', '.join(self.purposes)}"

    @property
    def has_legal_basis(self) -> bool:
        return LEGAL_DUTY in self.purposes and bool(self.legal_basis.strip())

    def purpose_labels(self) -> list[str]:
        return [str(PURPOSES[code][0]) for code in self.purposes if code in PURPOSES]


def form_retention_policy(site_policy: RetentionPolicy, record: FormPurposeRecord | None) -> RetentionPolicy:
    """A form's retention: its site's, with what its current purpose record sets itself."""
    if record is None:
        return site_policy
    return resolve_policy(site_policy, record.retention_days, record.retention_action)
