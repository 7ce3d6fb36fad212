"""Registers the purpose records and the last audit's findings as a ModelAdmin
group. Read-only: purpose records are versions (add a new one through the
purpose view), and findings come from the audit."""

from django.utils.translation import gettext_lazy as _
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register

from ...admin.views.audit import user_may_see_audit
from ...models import FormPurposeRecord, StoredFinding
from ...services.audit_runs import latest_run


class AuditReadOnlyPermissionHelper(PermissionHelper):
    """Listing and inspecting need the package's ``view_audit`` permission;
    nothing is created, edited or deleted here."""

    def user_can_list(self, user):
        return user_may_see_audit(user)

    def user_can_inspect_obj(self, user, obj):
        return user_may_see_audit(user)

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


class PurposeRecordAdmin(ModelAdmin):
    model = FormPurposeRecord
    menu_label = _("Purpose records")
    menu_icon = "doc-full"
    permission_helper_class = AuditReadOnlyPermissionHelper
    inspect_view_enabled = True
    list_display = ("page", "legal_basis", "decision", "created_by", "created_at")
    list_filter = ("decision",)
    search_fields = ("legal_basis", "notes")


class FindingAdmin(ModelAdmin):
    model = StoredFinding
    menu_label = _("Findings")
    menu_icon = "warning"
    permission_helper_class = AuditReadOnlyPermissionHelper
    inspect_view_enabled = True
    list_display = ("page_title", "version", "where", "code", "severity")
    list_filter = ("code", "severity", "version")
    search_fields = ("page_title", "where")

    def get_queryset(self, request):
        run = latest_run()
        return super().get_queryset(request).filter(run=run) if run else StoredFinding.objects.none()


class InclusiveFormsGroup(ModelAdminGroup):
    menu_label = _("Inclusive forms (ModelAdmin)")
    menu_icon = "form"
    menu_order = 720
    items = (PurposeRecordAdmin, FindingAdmin)


modeladmin_register(InclusiveFormsGroup)
