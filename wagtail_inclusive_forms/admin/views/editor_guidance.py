"""The endpoint behind the guidance in the page editor: the editor posts its
form as it stands, and gets the audit's findings on the page as edited.

Built on Wagtail's own preview views, so the page is put together from the
form exactly as the preview panel does it, with the same permission checks
(edit the page; for a new page, add a page under the parent). Nothing is saved.
"""

from __future__ import annotations

from django.http import JsonResponse
from django.utils.translation import gettext

try:  # Wagtail 8 renamed the page preview views
    from wagtail.admin.views.pages.preview import PreviewOnCreateView, PreviewOnEditView
except ImportError:  # Wagtail 7.x
    from wagtail.admin.views.pages.preview import PreviewOnCreate as PreviewOnCreateView
    from wagtail.admin.views.pages.preview import PreviewOnEdit as PreviewOnEditView

from ..editor_guidance import guidance


class EditorGuidanceMixin:
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        form = self.get_form(request.POST)
        if not self.validate_form(form):
            # The editor shows Wagtail's own errors on saving; until then the last findings stay.
            return JsonResponse(
                {
                    "is_valid": False,
                    "summary": gettext(
                        "Not checked: the form has errors. The findings shown are from before."
                    ),
                }
            )
        page = form.save(commit=False)
        return JsonResponse(guidance(page, form, request))


class EditPageGuidanceView(EditorGuidanceMixin, PreviewOnEditView):
    pass


class CreatePageGuidanceView(EditorGuidanceMixin, PreviewOnCreateView):
    pass
