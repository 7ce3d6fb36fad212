"""The bulk fix in a Wagtail site: preview it, and apply it page by page.

A thin layer around ``audit.fixes``: it reads the forms, finds each page's
site standard question and legal basis, and writes each fix as a new revision
(published or kept as a draft). Every page gets its own transaction; locks,
workflows and page permissions are respected, and submissions are never
touched: old answers are read through the new question's legacy mapping.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.models import FormMixin
from wagtail.log_actions import log
from wagtail.models import Site

from ..core.audit.fixes import FieldFix, FollowFix, FormFix, TextFix, latest_versions, plan_form_fix, reword
from ..core.question import INHERITABLE_SETTINGS
from ..forms.blocks import InclusiveQuestionBlock, is_question_block
from ..forms.form_builder import INCLUSIVE_FIELD_TYPE
from ..models import site_context
from ..models.audit import FormPurposeRecord
from ..models.page_model import get_page_model
from ..models.question import InclusiveFormFieldMixin
from ..models.stream_forms import StreamFormMixin
from .sources import (
    describe_form_pages,
    describe_page,
    form_field_relations,
    page_text_fields,
)

logger = logging.getLogger(__name__)

FIX_ACTION = "wagtail_inclusive_forms.fix_questions"

# Outcomes of one page
PUBLISHED, DRAFT, SKIPPED, FAILED, UNCHANGED = "published", "draft", "skipped", "failed", "unchanged"
STATUS_LABELS = {
    PUBLISHED: _("fixed and published"),
    DRAFT: _("fixed, saved as a draft"),
    SKIPPED: _("skipped"),
    FAILED: _("failed, left as it was"),
    UNCHANGED: _("nothing to fix"),
}


@dataclass
class PageOutcome:
    """What the fix did to one page, and why."""

    page_id: int
    title: str
    status: str
    reason: str = ""
    fields: tuple[FieldFix, ...] = field(default_factory=tuple)
    texts: tuple[TextFix, ...] = field(default_factory=tuple)
    follows: tuple[FollowFix, ...] = field(default_factory=tuple)

    def as_stored(self) -> dict:
        """Plain data for the admin action's outcome: what its result table shows."""
        return {
            "page_id": self.page_id,
            "title": self.title,
            "status": self.status,
            "reason": str(self.reason),
            "fields": [fix.label for fix in self.fields],
            "texts": [text.where for text in self.texts],
            "follows": [follow.label for follow in self.follows],
        }


def preview_fixes(site: Site | None = None, page_ids: Iterable[int] | None = None) -> list[FormFix]:
    """The plan for every form page (of ``site``, or only ``page_ids``) with
    something to fix, from its latest version. Queries do not grow with the
    number of pages or submissions; with ``page_ids`` only those pages are
    read, so a one-page preview costs the same on any size of site."""
    forms = latest_versions(describe_form_pages(site, page_ids))
    records = FormPurposeRecord.objects.latest_per_page(forms)
    sites = site_context.AllSites()
    rows = get_page_model().objects.filter(pk__in=forms).values_list("pk", "url_path", "content_type")
    pages = {pk: (path, ct) for pk, path, ct in rows}
    plans = []
    for page_id, form in forms.items():
        url_path, content_type = pages.get(page_id, ("", None))
        shared = sites.for_path(url_path).shared_question()
        model = ContentType.objects.get_for_id(content_type).model_class() if content_type else None
        record = records.get(page_id)
        plan = plan_form_fix(
            form,
            shared,
            bool(record and record.has_legal_basis),
            labels_fixable=not _is_stream_form(model),
        )
        if plan:
            plans.append(plan)
    return sorted(plans, key=lambda plan: plan.title.lower())


def apply_fixes(page_ids: Iterable[int], *, user=None, publish: bool = False) -> list[PageOutcome]:
    """Fix each page in its own transaction; one page failing leaves the others fixed."""
    return [fix_page(page_id, user=user, publish=publish) for page_id in page_ids]


def fix_page(page_id: int, *, user=None, publish: bool = False) -> PageOutcome:
    page = get_page_model().objects.filter(pk=page_id).first()
    if page is None:
        return PageOutcome(page_id, "", SKIPPED, gettext("The page no longer exists."))
    page = page.specific
    outcome = PageOutcome(page.pk, page.title, SKIPPED)
    if reason := _blocked(page, user):
        outcome.reason = reason
        return outcome
    latest = page.get_latest_revision_as_object()
    shared = site_context.for_page(page).shared_question()
    record = FormPurposeRecord.objects.latest_per_page([page.pk]).get(page.pk)
    plan = plan_form_fix(
        describe_page(latest, shared=shared),
        shared,
        bool(record and record.has_legal_basis),
        labels_fixable=not _is_stream_form(type(page)),
    )
    if not plan:
        outcome.status = UNCHANGED
        outcome.reason = gettext("Nothing to fix (any more).")
        return outcome
    outcome.fields, outcome.texts, outcome.follows = plan.fields, plan.texts, plan.follows
    may_publish, why_not = _may_publish(page, user) if publish else (False, "")
    try:
        with transaction.atomic():
            _replace_fields(latest, plan)
            revision = latest.save_revision(user=user, log_action=False)
            log(
                instance=latest,
                action=FIX_ACTION,
                user=user,
                revision=revision,
                data={
                    "fields": [fix.as_log_data() for fix in plan.fields],
                    "follows": [fix.as_log_data() for fix in plan.follows],
                    "published": may_publish,
                },
            )
            if may_publish:
                revision.publish(user=user)
    except Exception as error:  # noqa: BLE001 - any failure is reported for this page only
        logger.exception("Bulk fix of page %s failed", page.pk)
        outcome.status = FAILED
        outcome.reason = _error_text(error)
        return outcome
    outcome.status = PUBLISHED if may_publish else DRAFT
    outcome.reason = why_not
    return outcome


def _blocked(page, user) -> str:
    """Why this page may not be changed now, or ""."""
    if not isinstance(page, FormMixin):
        return gettext("This page is not a form.")
    if page.alias_of_id:
        return gettext("This page is an alias; fix the original page.")
    if page.workflow_in_progress:
        return gettext("The page is in moderation; it is left to the moderator.")
    lock = page.get_lock()
    if lock is not None and (user is None or lock.for_user(user)):
        return gettext("The page is locked.")
    if user is not None and not page.permissions_for_user(user).can_edit():
        return gettext("You may not edit this page.")
    return ""


def _may_publish(page, user) -> tuple[bool, str]:
    if user is not None and not page.permissions_for_user(user).can_publish():
        return False, gettext("Saved as a draft: you may not publish this page.")
    if not page.live:
        return False, gettext("Saved as a draft: the page was not published before.")
    if page.has_unpublished_changes:
        return False, gettext("Saved as a draft: the page had unpublished changes of someone else.")
    return True, ""


def _is_stream_form(model) -> bool:
    return isinstance(model, type) and issubclass(model, StreamFormMixin)


def _replace_fields(page, plan: FormFix) -> None:
    if _is_stream_form(type(page)):
        _replace_blocks(page, plan)
    else:
        _replace_builder_fields(page, plan)
    for text_field in page_text_fields(type(page)):
        value = getattr(page, text_field.attname)
        if value:
            setattr(page, text_field.attname, reword(value))


def _replace_builder_fields(page, plan: FormFix) -> None:
    relation = next(iter(form_field_relations(type(page))), None)
    if relation is None:
        raise ValueError(gettext("This page type keeps its form fields in a way the fix does not know."))
    # Work on the fields in memory, so save_revision() stores them in the revision.
    children = list(getattr(page, relation).all())
    setattr(page, relation, children)
    fields = {field.clean_name: field for field in children}
    if plan.fields and not all(isinstance(child, InclusiveFormFieldMixin) for child in children):
        raise ValueError(
            gettext(
                "The form fields of this page type cannot hold the inclusive question: "
                "add InclusiveFormFieldMixin to its form field model."
            )
        )
    for child in children:  # the clean_name stays, so a new label loses no answers
        child.label = reword(child.label)
    for fix in plan.fields:
        field = fields[fix.name]
        # The row keeps its id, position and clean_name: submissions stay linked.
        field.field_type = INCLUSIVE_FIELD_TYPE
        field.required = fix.required
        field.choices = ""
        field.default_value = ""
        field.question.follow_standard(INHERITABLE_SETTINGS)
        field.inclusive_mode = fix.own_mode
    for follow in plan.follows:
        fields[follow.name].question.follow_standard(follow.settings)


def _replace_blocks(page, plan: FormFix) -> None:
    if not (plan.fields or plan.follows):  # only page text to reword
        return
    stream = getattr(page, page.form_stream_field)
    block_name = next(
        (
            name
            for name, block in stream.stream_block.child_blocks.items()
            if isinstance(block, InclusiveQuestionBlock)
        ),
        None,
    )
    if block_name is None:
        raise ValueError(gettext("This page type has no block for the inclusive question."))
    block = stream.stream_block.child_blocks[block_name]
    positions = [index for index, child in enumerate(stream) if is_question_block(child.block)]
    for fix in plan.fields:
        index = positions[fix.position]
        question = block.question(
            block.to_python({"label": fix.label, "help_text": "", "required": fix.required})
        )
        question.follow_standard(INHERITABLE_SETTINGS)
        value = question.value
        value["mode"] = fix.own_mode
        if block.get_field_name(value) != fix.name:
            raise ValueError(gettext("The new question would store its answers under another name."))
        stream[index] = (block_name, value)
    for follow in plan.follows:
        child = stream[positions[follow.position]]
        question = child.block.question(child.value)
        question.follow_standard(follow.settings)
        stream[positions[follow.position]] = (child.block_type, question.value)


def _error_text(error: Exception) -> str:
    messages = getattr(error, "messages", None)
    return "; ".join(str(message) for message in messages) if messages else str(error) or type(error).__name__
