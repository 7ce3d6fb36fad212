"""The package's settings, each with one documented default, read when used.

Settings are read when first used (never at import time) and then remembered:
reading a setting that a project leaves out costs Django an exception, and the
audit asks for some once per question. Django's ``setting_changed`` signal
(sent by ``override_settings`` and pytest-django's ``settings``) makes the
package read them again. Every setting is listed in ``docs/reference/settings.md``.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.signals import setting_changed
from django.utils.translation import gettext

PREFIX = "WAGTAIL_INCLUSIVE_FORMS_"

DEFAULTS = {
    # Longest self-description ("Ik identificeer me als ...") a visitor may type.
    "SELF_DESCRIPTION_MAX_LENGTH": 100,
    # Purpose text prefilled on a new question; None means the package's own text.
    "DEFAULT_PURPOSE_TEXT": None,
    # Salutation preset of a site that has not chosen a scheme yet.
    "SALUTATION_PRESET": "den_haag",
    # At most this many confirmation e-mails per (recipient address, hour) and per
    # (client address, hour); None sends without a limit.
    "CONFIRMATION_EMAIL_RATE_LIMIT": (5, 3600),
    # Days a link to change or withdraw answers works on a form without a retention period.
    "CHANGE_LINK_DAYS": 365,
    # Add a BRP/StUF geslachtsaanduiding column (M/V/O) per sex question to listings and exports.
    "REGISTRATION_CODE_COLUMNS": False,
    # How names are written in salutations: "brp" (the BRP's rules) or "classic".
    "NAME_RULES": "brp",
}


_read: dict[str, Any] = {}


def get_setting(name: str):
    """Return ``WAGTAIL_INCLUSIVE_FORMS_<name>`` or its documented default."""
    try:
        return _read[name]
    except KeyError:
        if name not in DEFAULTS:
            raise KeyError(f"Unknown wagtail-inclusive-forms setting: {name}") from None
    value = _read[name] = getattr(settings, PREFIX + name, DEFAULTS[name])
    return value


def _forget_settings(*, setting: str, **kwargs) -> None:
    if setting.startswith(PREFIX):
        _read.clear()


setting_changed.connect(_forget_settings)


def self_description_max_length() -> int:
    return get_setting("SELF_DESCRIPTION_MAX_LENGTH")


def default_purpose_text() -> str:
    """The purpose text a new question starts with, in the active language."""
    configured = get_setting("DEFAULT_PURPOSE_TEXT")
    if configured is not None:
        return str(configured)
    # What it promises about keeping and withdrawing is added per form, from that
    # form's settings (purpose_texts.compose_purpose).
    return gettext(
        "We ask this so that we can address you the way you prefer. Your answer "
        "does not have to match your passport, and we use it only for this purpose."
    )


def salutation_preset() -> str:
    return get_setting("SALUTATION_PRESET")


def confirmation_email_rate_limit() -> tuple[int, int] | None:
    """(messages, seconds) or None."""
    return get_setting("CONFIRMATION_EMAIL_RATE_LIMIT")


def change_link_days() -> int:
    return get_setting("CHANGE_LINK_DAYS")


def registration_code_columns() -> bool:
    return bool(get_setting("REGISTRATION_CODE_COLUMNS"))


def name_rules() -> str:
    return get_setting("NAME_RULES")
