"""Wagtail hooks: wiring only."""

from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html, json_script
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin import urls
from .admin.content_checks import add_to_userbar
from .admin.log_formatters import OldQuestionsReplaced, StandardQuestionChanged
from .admin.views.audit import user_may_see_audit
from .admin.views.change_answers import CHANGED_ACTION, WITHDRAWN_ACTION
from .admin.views.publish_policy import CONFIRMED_ACTION, hold_publication
from .core.question import FOLLOW_SHARED, FORM_OF_ADDRESS_MODE, INCLUSIVE_FIELD_TYPE, MODE_CODES
from .forms.offered_answers import SHOWN_SUFFIX
from .models.settings import STANDARD_QUESTION_CHANGED, InclusiveFormsSettings, log_standard_question
from .services.bulk_fix import FIX_ACTION
from .services.retention_runs import RETENTION_ACTION

hooks.register("before_publish_page", hold_publication)
hooks.register("construct_wagtail_userbar", add_to_userbar)


@hooks.register("insert_editor_js")
def editor_js():
    # The codes the form builder's script works with, from the core: defined once.
    codes = {
        "inclusiveType": INCLUSIVE_FIELD_TYPE,
        "modeCodes": {mode: list(codes) for mode, codes in MODE_CODES.items()},
        "formOfAddressMode": FORM_OF_ADDRESS_MODE,
        "followCode": FOLLOW_SHARED,
        "shownSuffix": SHOWN_SUFFIX,
    }
    return format_html(
        '{}<script src="{}"></script><script src="{}"></script>',
        json_script(codes, "wif-form-builder-codes"),
        static("wagtail_inclusive_forms/admin/form-builder.js"),
        static("wagtail_inclusive_forms/admin/editor-guidance.js"),
    )


@hooks.register("register_admin_urls")
def admin_urls():
    return [path("inclusive-forms/", include(urls, namespace="wagtail_inclusive_forms"))]


class AuditMenuItem(MenuItem):
    def is_shown(self, request):
        return user_may_see_audit(request.user)


@hooks.register("register_admin_menu_item")
def audit_menu_item():
    return AuditMenuItem(
        _("Inclusive forms"),
        reverse("wagtail_inclusive_forms:audit_dashboard"),
        name="inclusive-forms",
        icon_name="form",
        order=710,
    )


@hooks.register("register_permissions")
def audit_permission():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(
        content_type__app_label="wagtail_inclusive_forms", codename__in=["view_audit", "fix_forms"]
    )


@hooks.register("construct_homepage_panels")
def audit_homepage_panel(request, panels):
    if user_may_see_audit(request.user):
        from .admin.views.audit import AuditHomePanel

        panels.append(AuditHomePanel())


@hooks.register("register_log_actions")
def log_actions(actions):
    actions.register_action(
        "wagtail_inclusive_forms.record_purpose",
        _("Record why the form asks sex or gender"),
        _("Recorded why the form asks sex or gender"),
    )
    actions.register_action(STANDARD_QUESTION_CHANGED)(StandardQuestionChanged)
    actions.register_action(
        RETENTION_ACTION,
        _("Apply the retention period"),
        _("Anonymised or deleted submissions after the retention period"),
    )
    actions.register_action(
        CHANGED_ACTION,
        _("Change sensitive answers"),
        _("The person who sent a submission changed their sensitive answers"),
    )
    actions.register_action(
        WITHDRAWN_ACTION,
        _("Withdraw sensitive answers"),
        _("The person who sent a submission withdrew their sensitive answers"),
    )
    actions.register_action(
        CONFIRMED_ACTION,
        _("Publish despite the publish policy's warning"),
        _("Published a form that asks sex or gender without a legal basis, after the warning"),
    )
    actions.register_action(FIX_ACTION)(OldQuestionsReplaced)


@hooks.register("before_edit_setting")
def remember_standard_question(request, instance):
    if isinstance(instance, InclusiveFormsSettings):
        request._wif_standard_before = instance.get_shared_question()


@hooks.register("after_edit_setting")
def log_standard_question_change(request, instance):
    before = getattr(request, "_wif_standard_before", None)
    if isinstance(instance, InclusiveFormsSettings) and before is not None:
        log_standard_question(instance, before, request.user)
