"""Text that is safe in a spreadsheet and in a database, and stored
submissions of any shape made readable. Plain Python.

Every CSV and XLSX the package writes passes its cells through :func:`safe_cell`:
a cell that starts with ``= + - @``, a tab or a carriage return would run as a
formula when opened ("formula injection"), so it gets a leading apostrophe;
control characters, which XLSX cannot hold, become a visible replacement
character instead of failing the whole export. Empty cells stay empty.
"""

from __future__ import annotations

import json
import re
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
REPLACEMENT = "\N{REPLACEMENT CHARACTER}"
# C0 control characters except tab, line feed and carriage return: XLSX refuses
# them and PostgreSQL refuses NUL. Typed text never needs them.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def has_control_characters(text: str) -> bool:
    return bool(CONTROL_CHARACTERS.search(text))


def safe_cell(value: Any) -> Any:
    """A cell value to write: text made safe, anything else (numbers, dates, None) as it is."""
    if not isinstance(value, str) or not value:
        return value
    if not (value.isascii() and value.isprintable()):  # most cells skip the search (and all of C0)
        value = CONTROL_CHARACTERS.sub(REPLACEMENT, value)
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def tolerant_form_data(form_data: Any, first_field: str = "form_data") -> dict[str, Any]:
    """A submission's stored ``form_data`` as a dict that listings and exports
    can show, whatever JSON an old site or a script left in it. Nothing is
    hidden: data of another shape is shown as JSON under ``first_field``, and
    lists hold text only (Wagtail joins them with commas)."""
    if isinstance(form_data, dict):
        if not any(type(value) is list for value in form_data.values()):
            return form_data  # the usual row (JSON's keys are text): nothing to change, nothing copied
        return {str(name): _shown(value) for name, value in form_data.items()}
    if form_data in (None, "", [], {}):
        return {}
    return {first_field: form_data if isinstance(form_data, str) else _as_json(form_data)}


def _as_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def _shown(value: Any) -> Any:
    if isinstance(value, list):
        return [item if isinstance(item, str) else _as_json(item) for item in value]
    return value
