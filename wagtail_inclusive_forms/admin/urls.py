"""Admin URLs of the package, mounted under Wagtail's admin by wagtail_hooks."""

from django.urls import path

from .views.admin_actions import AdminActionView
from .views.audit import AuditDashboardView, AuditReportView
from .views.bulk_fix import BulkFixView
from .views.editor_guidance import CreatePageGuidanceView, EditPageGuidanceView
from .views.publish_policy import ConfirmPublishView
from .views.purpose_records import PurposeRecordsView
from .views.purposes import PurposeRecordView
from .views.salutations import salutation_preview

app_name = "wagtail_inclusive_forms"
urlpatterns = [
    path("salutation-preview/", salutation_preview, name="salutation_preview"),
    path("audit/", AuditDashboardView.as_view(), name="audit_dashboard"),
    path("audit/findings/", AuditReportView.as_view(), name="audit_report"),
    path("audit/purpose/<int:page_id>/", PurposeRecordView.as_view(), name="purpose_record"),
    path("audit/fix/", BulkFixView.as_view(), name="bulk_fix"),
    path("actions/<int:action_id>/", AdminActionView.as_view(), name="admin_action"),
    path("publish/<int:page_id>/<int:revision_id>/", ConfirmPublishView.as_view(), name="confirm_publish"),
    path("audit/purposes/", PurposeRecordsView.as_view(), name="purpose_records"),
    path(
        "audit/purposes/results/",
        PurposeRecordsView.as_view(results_only=True),
        name="purpose_records_results",
    ),
    path("audit/findings/results/", AuditReportView.as_view(results_only=True), name="audit_report_results"),
    path("editor-guidance/<int:page_id>/", EditPageGuidanceView.as_view(), name="editor_guidance"),
    path(
        "editor-guidance/new/<slug:content_type_app_name>/<slug:content_type_model_name>/<int:parent_page_id>/",
        CreatePageGuidanceView.as_view(),
        name="editor_guidance_new",
    ),
]
