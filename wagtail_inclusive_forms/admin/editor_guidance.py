"""Guidance in the page editor: the audit's findings on a form page as it is
being edited (not saved), each placed on the form field it is about, with the
change that fixes it in one click.

The editor posts its form as it stands; ``views.editor_guidance`` builds the
page from it the way Wagtail's preview does and hands it here. The findings
and the fixes are the audit's and the bulk fix's own (``audit.fixes``): the
editor is offered exactly what the bulk fix would do.
"""

from __future__ import annotations

from django.utils.translation import gettext, ngettext

from ..core.audit import audit_forms
from ..core.audit.fixes import plan_form_fix
from ..core.question import FORM_OF_ADDRESS_MODE
from ..services.audit_runs import PageInMemory, describe_page_in_memory
from ..services.sources import form_field_relations


def field_prefixes(page, form_fields: list, form) -> list[str | None]:
    """The editor's form prefix ("form_fields-2") of each of ``page``'s
    ``form_fields`` (as the audit read them); None for a field the editor form
    does not show, and for every question of a StreamField form."""
    relation = next(iter(form_field_relations(type(page))), None)
    formset = form.formsets.get(relation) if relation else None
    if formset is None:
        return []
    # A posted form's page holds the formset's own rows; a loaded editor's page
    # holds its own copies of the saved rows, found by their ids.
    prefix_of = {id(child.instance): child.prefix for child in formset.forms}
    saved = {child.instance.pk: child.prefix for child in formset.forms if child.instance.pk}
    return [prefix_of.get(id(field)) or saved.get(field.pk) for field in form_fields]


def guidance(page, form, request) -> dict:
    """What the editor shows for ``page`` as built from the editor's ``form``:
    every finding (with the prefix of its field, where it is about one) and
    the one-click fixes, as JSON-ready data. Plain values only: the script
    puts them in the page as text."""
    return guidance_on(describe_page_in_memory(page, request), page, form)


def guidance_on(in_memory: PageInMemory, page, form) -> dict:
    """:func:`guidance` for ``page`` already described (the editor's panel
    describes the page once for its notice and for the script)."""
    described, record = in_memory.described, in_memory.record
    report = audit_forms([described])
    prefixes = field_prefixes(page, in_memory.form_fields, form)
    by_label = {}
    for position, field in enumerate(described.fields):
        if position < len(prefixes) and prefixes[position]:
            by_label.setdefault(field.label, prefixes[position])
    plan = plan_form_fix(
        described, in_memory.shared, bool(record and record.has_legal_basis), labels_fixable=bool(prefixes)
    )
    fixes = [
        {
            "field": prefixes[fix.position],
            "kind": "replace",
            "mode": fix.own_mode,
            "required": fix.required,
            "action": gettext("Replace with the inclusive question"),
            "description": replacement_description(fix.mode, fix.required),
        }
        for fix in plan.fields
        if fix.position < len(prefixes) and prefixes[fix.position]
    ]
    fixes += [
        {
            "field": by_label[text.where],
            "kind": "label",
            "label": text.new,
            "action": gettext("Use “%(label)s”") % {"label": text.new},
            "description": "",
        }
        for text in plan.texts
        if text.where in by_label and text.old == text.where
    ]
    findings = [
        {
            "where": row.where,
            "field": by_label.get(row.where),
            "label": row.finding.label,
            "message": row.finding.message,
            "advice": row.finding.advice,
            "severity": row.finding.severity,
            "severity_label": row.finding.severity_label,
        }
        for row in report.rows
    ]
    return {"is_valid": True, "summary": summary(len(findings)), "findings": findings, "fixes": fixes}


def replacement_description(mode: str, required: bool) -> str:
    """What the one-click replacement makes of a field, in the editor's words."""
    asks = gettext("the form of address") if mode == FORM_OF_ADDRESS_MODE else gettext("sex or gender")
    if required:
        text = gettext(
            "Becomes the inclusive question asking %(asks)s; it stays required (legal basis recorded)."
        )
    else:
        text = gettext(
            "Becomes the inclusive question asking %(asks)s, optional, following the site's standard."
        )
    return text % {"asks": asks}


def summary(count: int) -> str:
    if not count:
        return gettext("The audit finds nothing to improve on this form as it is being edited.")
    return ngettext(
        "The audit finds one point on this form as it is being edited:",
        "The audit finds %(count)s points on this form as it is being edited:",
        count,
    ) % {"count": count}
