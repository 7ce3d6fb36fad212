"""The site's publish policy in the page editor, through Wagtail's
``before_publish_page`` hook (the editor has saved the draft by then, so
nothing typed is lost when publishing is held).

Warn: the editor goes to a page with the findings and publishes from there
(needs publish permission on the page; logged). Block: back to the editor with
the reason and the ways out. Workflows are not held: a moderator who approves
decides, and submitting for moderation is not publishing.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.contrib.forms.models import FormMixin
from wagtail.log_actions import log

from ...core.audit.policy import BLOCK, OFF, WARN, publish_decision
from ...models import site_context
from ...models.audit import FormPurposeRecord
from ...models.page_model import get_page_model
from ...services.audit_runs import audit_page
from .base import AddonTemplateView
from .bulk_fix import user_may_fix

CONFIRMED_ACTION = "wagtail_inclusive_forms.publish_despite_warning"


def _decision(page, request) -> str:
    report, _retention = audit_page(page, request)
    record = FormPurposeRecord.objects.latest_per_page([page.pk]).get(page.pk)
    policy = site_context.for_page(page, request).publish_policy()
    asks = page.pk in report.asking_page_ids
    codes = {row.finding.code for row in report.rows}
    return publish_decision(policy, asks, bool(record and record.has_legal_basis), codes)


def _ways_out(page, user) -> list:
    buttons = [
        messages.button(
            reverse("wagtail_inclusive_forms:purpose_record", args=(page.pk,)), _("Record the legal basis")
        )
    ]
    if user_may_fix(user):
        url = reverse("wagtail_inclusive_forms:bulk_fix") + f"?page={page.pk}"
        buttons.append(messages.button(url, _("Use the inclusive question")))
    return buttons


def keep_as_draft(page) -> None:
    """Wagtail's create view stores a new page as live before this hook runs;
    held, it must stay a draft. A page published before keeps its live version."""
    if page.live and page.live_revision_id is None:
        page.live, page.has_unpublished_changes = False, True
        type(page).objects.filter(pk=page.pk).update(live=False, has_unpublished_changes=True)


def hold_publication(request, page):
    """``before_publish_page``: None lets Wagtail publish; a response holds it."""
    if not isinstance(page, FormMixin) or site_context.for_page(page, request).publish_policy() == OFF:
        return None
    decision = _decision(page, request)
    if decision != OFF:
        keep_as_draft(page)
    if decision == BLOCK:
        messages.error(
            request,
            gettext(
                "“%(title)s” is saved as a draft but not published: it asks sex or gender and no legal "
                "basis is recorded. Record the law that requires the answer, or remove the question or "
                "make it inclusive and optional."
            )
            % {"title": page.get_admin_display_title()},
            buttons=_ways_out(page, request.user),
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    if decision == WARN:
        return redirect("wagtail_inclusive_forms:confirm_publish", page.pk, page.latest_revision_id)
    return None


class ConfirmPublishView(AddonTemplateView):
    """The findings of a held draft, and publishing it after all."""

    template_name = "wagtail_inclusive_forms/audit/confirm_publish.html"
    page_title = _("Publish a form that asks sex or gender?")
    under_dashboard = False

    def dispatch(self, request, *args, page_id: int, revision_id: int, **kwargs):
        self.page = get_object_or_404(get_page_model(), pk=page_id).specific
        if not self.page.permissions_for_user(request.user).can_publish():
            raise PermissionDenied
        self.revision = get_object_or_404(self.page.revisions, pk=revision_id)
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def is_latest(self) -> bool:
        return self.page.latest_revision_id == self.revision.pk

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        draft = self.revision.as_object()
        report, _retention = audit_page(draft, self.request)
        context.update(page=self.page, rows=report.rows, latest=self.is_latest())
        context["ways_out"] = _ways_out(self.page, self.request.user)
        return context

    def post(self, request, *args, **kwargs):
        if not self.is_latest():
            messages.error(request, gettext("The form has changed since: open it again to publish it."))
            return redirect("wagtailadmin_pages:edit", self.page.pk)
        self.revision.publish(user=request.user)
        log(
            instance=self.page,
            action=CONFIRMED_ACTION,
            user=request.user,
            data={"revision": self.revision.pk},
        )
        messages.success(
            request,
            gettext("“%(title)s” is published.") % {"title": self.page.get_admin_display_title()},
        )
        return redirect("wagtailadmin_pages:edit", self.page.pk)
