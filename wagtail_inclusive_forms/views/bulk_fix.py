"""The bulk fix in the admin: a preview of every change, then apply it.

Needs the ``fix_forms`` permission; the preview lists only forms the user may
edit, and each page is changed only if the user may edit it (and published
only if they may publish it). After applying, a new
audit run is stored so the dashboard shows the result at once.
"""

from __future__ import annotations

import re

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from wagtail.permission_policies.pages import PagePermissionPolicy

from ..audit_runs import run_and_store_audit
from ..bulk_fix import DRAFT, PUBLISHED, STATUS_LABELS, apply_fixes, preview_fixes
from ..page_model import is_possible_page_id
from ..question import MODE_LABELS, setting_labels

FIX_PERMISSION = "wagtail_inclusive_forms.fix_forms"
TEMPLATE = "wagtail_inclusive_forms/audit/bulk_fix.html"


def user_may_fix(user) -> bool:
    return user.is_active and user.has_perm(FIX_PERMISSION)


_DIGITS = re.compile(r"[0-9]{1,30}")  # ASCII only: "²".isdigit() is true, int("²") fails


def _page_ids(values) -> list[int]:
    """The selected pages; anything that is not a page id is ignored."""
    numbers = {int(value) for value in values if _DIGITS.fullmatch(str(value))}
    return sorted(number for number in numbers if is_possible_page_id(number))


def bulk_fix(request):
    if not user_may_fix(request.user):
        raise PermissionDenied
    if request.method == "POST":
        page_ids = _page_ids(request.POST.getlist("page"))
        if not page_ids:
            messages.error(request, gettext("Select at least one form to fix."))
        else:
            outcomes = apply_fixes(page_ids, user=request.user, publish=request.POST.get("publish") == "1")
            run_and_store_audit(user=request.user)
            fixed = sum(outcome.status in (PUBLISHED, DRAFT) for outcome in outcomes)
            messages.success(
                request,
                gettext("%(fixed)d of %(total)d forms fixed.") % {"fixed": fixed, "total": len(outcomes)},
            )
            rows = [{"outcome": outcome, "status": STATUS_LABELS[outcome.status]} for outcome in outcomes]
            return TemplateResponse(request, TEMPLATE, {"outcomes": rows})
    selected = _page_ids(request.GET.getlist("page")) or None
    editable = set(
        PagePermissionPolicy()
        .instances_user_has_permission_for(request.user, "change")
        .values_list("pk", flat=True)
    )
    plans = [
        {
            "plan": plan,
            "fields": [{"fix": fix, "mode": MODE_LABELS[fix.mode]} for fix in plan.fields],
            "follows": [{"fix": fix, "settings": setting_labels(fix.settings)} for fix in plan.follows],
        }
        for plan in preview_fixes(page_ids=selected)
        if plan.page_id in editable  # only forms this user may change
    ]
    return TemplateResponse(request, TEMPLATE, {"plans": plans, "selected": selected})
