"""The progress page of a long admin action (the full audit, the bulk fix),
and its progress as JSON for the page's script.

Only the person who started the action (or a superuser) sees it, and only
while they still have the permission the action needs.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ...models.actions import AUDIT, AdminAction
from ...services.admin_actions import audit_summary, count_label
from ...services.audit_runs import latest_run, waiting_for_publication
from ...services.bulk_fix import STATUS_LABELS
from .audit import user_may_see_audit
from .base import AddonTemplateView
from .bulk_fix import user_may_fix


def user_may_follow(user, action: AdminAction) -> bool:
    may_do = user_may_see_audit(user) if action.kind == AUDIT else user_may_fix(user)
    return may_do and (user.is_superuser or action.started_by_id == user.pk)


class AdminActionView(AddonTemplateView):
    template_name = "wagtail_inclusive_forms/audit/action_progress.html"
    page_title = _("Progress")

    def dispatch(self, request, *args, **kwargs):
        self.action = get_object_or_404(
            AdminAction.objects.select_related("started_by"), pk=kwargs["action_id"]
        )
        if not user_may_follow(request.user, self.action):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.action.kind_label

    def get(self, request, *args, **kwargs):
        if request.GET.get("format") == "json":
            action = self.action
            return JsonResponse(
                {
                    "status": action.status,
                    "status_label": action.status_label,
                    "done": action.done,
                    "total": action.total,
                    "finished": action.finished,
                    "count_label": count_label(action),
                }
            )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        action = self.action
        context["action"] = action
        context["status_url"] = (
            reverse("wagtail_inclusive_forms:admin_action", args=[action.pk]) + "?format=json"
        )
        context["outcomes"] = [
            {"outcome": outcome, "status": STATUS_LABELS.get(outcome["status"], outcome["status"])}
            for outcome in action.result.get("outcomes", [])
        ]
        context["run_summary"] = audit_summary(action)
        context["waiting"] = waiting_for_publication(latest_run()) if action.finished else []
        return context
