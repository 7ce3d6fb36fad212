"""Form questions written as HTML (in rich text or raw HTML blocks), read with
BeautifulSoup into the same field descriptions as form-builder fields.

Plain Python. Finds ``<select>`` lists, radio and checkbox groups, and text
inputs, with their labels (``<label for>``, a wrapping ``<label>``, a
``<legend>``, ``aria-label`` or the field name).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from html import unescape

from bs4 import BeautifulSoup, Tag

from .report import FieldDescription

# Tags (quoted attribute values may hold ">"), and what a reader never sees.
_TAG = re.compile(r"""<(?:"[^"]*"|'[^']*'|[^'">])*>""")
_UNSEEN = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL)


def plain_text(html: str) -> str:
    """The words a reader sees in ``html``, spaces collapsed. Stored rich text
    is written by the editor, so no parser is needed (one would cost the audit
    more than all its rules together)."""
    if "<" not in html:
        return html
    return " ".join(unescape(_TAG.sub(" ", _UNSEEN.sub(" ", html))).split())


# Quick test before parsing: most rich text holds no form at all.
_MARKERS = ("<select", "<input", "<form")


def might_hold_a_form(html: str) -> bool:
    lowered = html.lower()
    return any(marker in lowered for marker in _MARKERS)


def _label_for(soup: BeautifulSoup, element: Tag) -> str:
    element_id = element.get("id")
    if element_id:
        label = soup.find("label", attrs={"for": element_id})
        if label:
            return label.get_text(" ", strip=True)
    wrapping = element.find_parent("label")
    if wrapping:
        return wrapping.get_text(" ", strip=True)
    return str(element.get("aria-label") or element.get("title") or "")


def _group_label(soup: BeautifulSoup, inputs: list[Tag]) -> str:
    fieldset = inputs[0].find_parent("fieldset")
    if fieldset and fieldset.find("legend"):
        return fieldset.find("legend").get_text(" ", strip=True)
    return str(inputs[0].get("aria-label") or inputs[0].get("name") or "")


def fields_in_html(html: str) -> list[FieldDescription]:
    """The questions of every form-like element in a piece of HTML."""
    if not html or not might_hold_a_form(html):
        return []
    soup = BeautifulSoup(html, "html.parser")
    fields = []
    for select in soup.find_all("select"):
        choices = tuple(option.get_text(" ", strip=True) for option in select.find_all("option"))
        fields.append(
            FieldDescription(
                name=str(select.get("name") or ""),
                label=_label_for(soup, select) or str(select.get("name") or ""),
                field_type="dropdown",
                choices=tuple(choice for choice in choices if choice),
                required=select.has_attr("required"),
            )
        )
    groups: dict[tuple[str, str], list[Tag]] = {}
    for element in soup.find_all("input"):
        kind = str(element.get("type") or "text").lower()
        if kind in ("radio", "checkbox"):
            groups.setdefault((kind, str(element.get("name") or "")), []).append(element)
        elif kind == "text":
            fields.append(
                FieldDescription(
                    name=str(element.get("name") or ""),
                    label=_label_for(soup, element) or str(element.get("name") or ""),
                    required=element.has_attr("required"),
                )
            )
    for (kind, name), inputs in groups.items():
        fields.append(
            FieldDescription(
                name=name,
                label=_group_label(soup, inputs),
                field_type="radio" if kind == "radio" else "checkboxes",
                choices=tuple(
                    _label_for(soup, element) or str(element.get("value") or "") for element in inputs
                ),
                required=any(element.has_attr("required") for element in inputs),
            )
        )
    return fields


def html_strings(value: object) -> Iterator[str]:
    """Every string inside a StreamField's raw data that might hold a form."""
    if isinstance(value, str):
        if might_hold_a_form(value):
            yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from html_strings(item)
    elif isinstance(value, Iterable):
        for item in value:
            yield from html_strings(item)
