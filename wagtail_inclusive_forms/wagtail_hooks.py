"""Wagtail hooks: wiring only."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_editor_js")
def form_builder_js():
    return format_html('<script src="{}"></script>', static("wagtail_inclusive_forms/admin/form-builder.js"))
