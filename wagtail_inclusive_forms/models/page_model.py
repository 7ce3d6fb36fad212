"""The site's base page model, referred to the way Wagtail's own apps do.

Wagtail 8 lets a site swap ``wagtailcore.Page`` for its own model
(``WAGTAIL_PAGE_MODEL``); the swapped-out class then has no table. Everything in
this package that points at or queries pages goes through these two functions,
never through ``wagtail.models.Page`` directly. On Wagtail 7.4 they give
``wagtailcore.Page``.
"""

from __future__ import annotations

from django.apps import apps
from django.conf import settings
from django.db import models


def page_model_name() -> str:
    """``"app_label.ModelName"`` of the base page model (for foreign keys and migrations)."""
    from wagtail.models import Page

    setting = Page._meta.swappable  # "WAGTAIL_PAGE_MODEL" on Wagtail 8, None on 7.4
    if not setting:
        return "wagtailcore.Page"
    return getattr(settings, setting, None) or "wagtailcore.Page"


def get_page_model() -> type[models.Model]:
    """The base page model class: query pages through this."""
    return apps.get_model(page_model_name(), require_ready=False)


def is_possible_page_id(value: int) -> bool:
    """Whether the database's page id column can hold ``value`` at all: a
    larger number typed or sent is a mistake to report, not an OverflowError."""
    from django.db import connection

    _low, high = connection.ops.integer_field_range(get_page_model()._meta.pk.get_internal_type())
    return 1 <= value <= high
