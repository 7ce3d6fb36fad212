"""The bulk fix in the admin: a preview of every change, then apply it.

Needs the ``fix_forms`` permission; the preview lists only forms the user may
edit, and each page is changed only if the user may edit it (and published
only if they may publish it). Applying is a task (``admin_actions``) that
ends with a new audit run, so the dashboard shows the result at once; the
progress page follows it and then shows what happened to each form.
"""

from __future__ import annotations

import re

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail.permission_policies.pages import PagePermissionPolicy

from ...core.question import MODE_LABELS, setting_labels
from ...forms.form_builder import field_type_label
from ...models.page_model import is_possible_page_id
from ...services.admin_actions import start_bulk_fix
from ...services.audit_runs import latest_run, waiting_for_publication
from ...services.bulk_fix import DRAFT, PUBLISHED, preview_fixes
from .base import AddonTemplateView

FIX_PERMISSION = "wagtail_inclusive_forms.fix_forms"
TEMPLATE = "wagtail_inclusive_forms/audit/bulk_fix.html"


def user_may_fix(user) -> bool:
    return user.is_active and user.has_perm(FIX_PERMISSION)


_DIGITS = re.compile(r"[0-9]{1,30}")  # ASCII only: "²".isdigit() is true, int("²") fails


def _page_ids(values) -> list[int]:
    """The selected pages; anything that is not a page id is ignored."""
    numbers = {int(value) for value in values if _DIGITS.fullmatch(str(value))}
    return sorted(number for number in numbers if is_possible_page_id(number))


class BulkFixView(AddonTemplateView):
    """GET: the preview of every change (or of ``?page=`` ids); POST: apply it."""

    template_name = TEMPLATE
    page_title = _("Fix old sex questions")

    def dispatch(self, request, *args, **kwargs):
        if not user_may_fix(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        page_ids = _page_ids(request.POST.getlist("page"))
        if not page_ids:
            messages.error(request, gettext("Select at least one form to fix."))
            return self.get(request, *args, **kwargs)
        # A task: with a worker it runs there, and the progress page follows it.
        action = start_bulk_fix(page_ids, request.user, publish=request.POST.get("publish") == "1")
        outcomes = action.result.get("outcomes", [])
        if action.finished and outcomes:
            fixed = sum(outcome["status"] in (PUBLISHED, DRAFT) for outcome in outcomes)
            messages.success(
                request,
                ngettext(
                    "%(fixed)d of %(total)d form fixed.", "%(fixed)d of %(total)d forms fixed.", len(outcomes)
                )
                % {"fixed": fixed, "total": len(outcomes)},
            )
        return redirect("wagtail_inclusive_forms:admin_action", action.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        selected = _page_ids(self.request.GET.getlist("page")) or None
        context.update(plans=self.plans(selected), selected=selected)
        context["waiting"] = waiting_for_publication(latest_run())
        return context

    def plans(self, selected: list[int] | None) -> list[dict]:
        editable = set(
            PagePermissionPolicy()
            .instances_user_has_permission_for(self.request.user, "change")
            .values_list("pk", flat=True)
        )
        return [
            {
                "plan": plan,
                "fields": [
                    {"fix": fix, "mode": MODE_LABELS[fix.mode], "type": field_type_label(fix.old_type)}
                    for fix in plan.fields
                ],
                "follows": [{"fix": fix, "settings": setting_labels(fix.settings)} for fix in plan.follows],
            }
            for plan in preview_fixes(page_ids=selected)
            if plan.page_id in editable  # only forms this user may change
        ]
