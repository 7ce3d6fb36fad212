"""Record why a form asks sex or gender (purposes, legal basis, decision).

Anyone who may edit the form page may record it; every save adds a version
with its author and date, and is written to Wagtail's audit log.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from ...models.audit import FormPurposeRecord
from ...models.page_model import get_page_model
from ...services.retention_runs import policy_for_page
from ..forms import PurposeRecordForm
from .base import AddonTemplateView

LOG_ACTION = "wagtail_inclusive_forms.record_purpose"


class PurposeRecordView(AddonTemplateView):
    template_name = "wagtail_inclusive_forms/audit/purpose_record.html"
    page_title = _("Why this form asks sex or gender")

    def dispatch(self, request, *args, page_id: int, **kwargs):
        self.page = get_object_or_404(get_page_model(), pk=page_id).specific
        if not self.page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        self.history = FormPurposeRecord.objects.filter(page=self.page).select_related("created_by")
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def post(self, request, *args, **kwargs):
        form = PurposeRecordForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        record = form.save(commit=False)
        record.page, record.created_by = self.page, request.user
        record.save()
        log(instance=self.page, action=LOG_ACTION, user=request.user, data={"record_id": record.pk})
        recorded = gettext("The purpose of “%(title)s” is recorded.") % {"title": self.page.title}
        messages.success(request, recorded)
        return redirect("wagtail_inclusive_forms:purpose_record", self.page.pk)

    def get_context_data(self, **kwargs):
        current = self.history.first()
        if "form" not in kwargs:
            fields = PurposeRecordForm.Meta.fields
            initial = {field: getattr(current, field) for field in fields} if current else {}
            kwargs["form"] = PurposeRecordForm(initial=initial)
        context = super().get_context_data(**kwargs)
        context.update(page=self.page, history=self.history, current=current)
        context["retention"] = policy_for_page(self.page).describe()
        return context
