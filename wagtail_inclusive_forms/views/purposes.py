"""Record why a form asks sex or gender (purposes, legal basis, decision).

Anyone who may edit the form page may record it; every save adds a version
with its author and date, and is written to Wagtail's audit log.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from wagtail.log_actions import log

from ..forms import PurposeRecordForm
from ..models.audit import FormPurposeRecord
from ..page_model import get_page_model

LOG_ACTION = "wagtail_inclusive_forms.record_purpose"


def purpose_record(request, page_id: int):
    page = get_object_or_404(get_page_model(), pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    history = FormPurposeRecord.objects.filter(page=page).select_related("created_by")
    current = history.first()
    if request.method == "POST":
        form = PurposeRecordForm(request.POST)
        if form.is_valid():
            record = form.save(commit=False)
            record.page, record.created_by = page, request.user
            record.save()
            log(instance=page, action=LOG_ACTION, user=request.user, data={"record_id": record.pk})
            messages.success(
                request, gettext("The purpose of “%(title)s” is recorded.") % {"title": page.title}
            )
            return redirect("wagtail_inclusive_forms:purpose_record", page.pk)
    else:
        initial = (
            {field: getattr(current, field) for field in PurposeRecordForm.Meta.fields} if current else {}
        )
        form = PurposeRecordForm(initial=initial)
    from ..retention_runs import policy_for_page

    context = {"page": page, "form": form, "history": history, "current": current}
    context["retention"] = policy_for_page(page).describe()
    return TemplateResponse(request, "wagtail_inclusive_forms/audit/purpose_record.html", context)
