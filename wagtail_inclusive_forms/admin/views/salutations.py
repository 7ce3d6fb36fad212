"""The live preview of a salutation scheme, for the site settings form."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST

from ...models.settings import CUSTOM_TEMPLATE_FIELDS, InclusiveFormsSettings
from ..panels import preview_context


@require_POST
def salutation_preview(request):
    """The preview table for the scheme in the POSTed settings form. Nothing is
    saved; only users who may change the settings of some site may ask."""
    if not InclusiveFormsSettings.get_permission_policy().user_has_permission(request.user, "change"):
        raise PermissionDenied
    fields = ["salutation_scheme", *CUSTOM_TEMPLATE_FIELDS.values()]
    draft = InclusiveFormsSettings(
        **{name: request.POST.get(name, "")[:5000] for name in fields},
        salutation_use_typed_address=bool(request.POST.get("salutation_use_typed_address")),
    )
    return TemplateResponse(
        request,
        "wagtail_inclusive_forms/includes/salutation_preview_table.html",
        preview_context(draft.get_salutation_scheme_as_entered),
    )
