"""Wagtail hooks: wiring only."""

from django.templatetags.static import static
from django.urls import include, path
from django.utils.html import format_html
from wagtail import hooks

from . import urls


@hooks.register("insert_editor_js")
def form_builder_js():
    return format_html('<script src="{}"></script>', static("wagtail_inclusive_forms/admin/form-builder.js"))


@hooks.register("register_admin_urls")
def admin_urls():
    return [path("inclusive-forms/", include(urls, namespace="wagtail_inclusive_forms"))]
