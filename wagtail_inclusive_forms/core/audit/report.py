"""A whole site's audit: forms in, findings and totals out.

Plain Python. Sources (``wagtail_inclusive_forms.services.sources``) describe each form
as a :class:`FormDescription`; :func:`audit_forms` inspects every field and
text and gathers the numbers the command and the dashboard show.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from ..purpose_texts import FormPromises
from ..question import QuestionConfig
from .detector import inspect_field, inspect_text
from .findings import DRAFT, LIVE, SEVERITIES, UNKEPT_PROMISE, AuditFinding, Inspection
from .promises import unkept_promises


@dataclass(frozen=True, slots=True)
class FieldDescription:
    """One question of a form, as the audit needs it."""

    name: str
    label: str
    field_type: str = "singleline"
    choices: tuple[str, ...] = ()
    help_text: str = ""
    required: bool = False
    question: QuestionConfig | None = None
    # For an inclusive question: the settings it overrides on the site's
    # standard question (empty: it follows the standard entirely).
    overrides: tuple[str, ...] = ()

    def inspect(self, wording_of=None) -> Inspection:
        return inspect_field(
            self.label,
            self.field_type,
            self.choices,
            self.help_text,
            self.name,
            self.required,
            question=self.question,
            wording_of=wording_of,
        )


@dataclass(frozen=True, slots=True)
class FormDescription:
    """One version (live or latest draft) of one form page."""

    page_id: int
    title: str
    version: str = LIVE
    page_type: str = ""
    url_path: str = ""
    fields: tuple[FieldDescription, ...] = ()
    # (where, text) pairs of the page's own text: intro, thank-you text, ...
    texts: tuple[tuple[str, str], ...] = ()
    # The same texts as stored (rich text as HTML), where they differ: what a fix rewrites.
    stored_texts: tuple[tuple[str, str], ...] = ()
    # What the form really does with answers (None: not known, e.g. an HTML form).
    promises: FormPromises | None = None


@dataclass(frozen=True, slots=True)
class FindingRow:
    """One line of the report: a finding on one field or text of one form."""

    form: FormDescription
    where: str  # the field's label, or the name of the page text
    finding: AuditFinding


@dataclass
class AuditReport:
    forms: list[FormDescription] = field(default_factory=list)
    rows: list[FindingRow] = field(default_factory=list)
    # page ids of forms whose live (or, if never published, draft) version asks sex or gender
    asking_page_ids: set[int] = field(default_factory=set)
    # page ids of published forms whose unpublished draft asks sex or gender: not counted
    # above, since visitors do not see it (yet)
    draft_asking_page_ids: set[int] = field(default_factory=set)
    # page ids of published forms whose unpublished draft has fewer findings than the
    # live version: a fix (by hand or the bulk fix) waiting for publication
    improved_draft_page_ids: set[int] = field(default_factory=set)
    # page id -> settings its inclusive questions override (empty: follows the standard)
    question_overrides: dict[int, set[str]] = field(default_factory=dict)

    @property
    def page_ids(self) -> set[int]:
        return {form.page_id for form in self.forms}

    def counts_by_code(self) -> Counter:
        return Counter(row.finding.code for row in self.rows)

    def counts_by_severity(self) -> Counter:
        return Counter(row.finding.severity for row in self.rows)

    def rows_at_or_above(self, severity: str) -> list[FindingRow]:
        worst = SEVERITIES.index(severity)
        return [row for row in self.rows if SEVERITIES.index(row.finding.severity) <= worst]


class _WordingMemo(dict):
    """text -> its wording findings, each text inspected once."""

    def __missing__(self, text: str) -> tuple[AuditFinding, ...]:
        findings = self[text] = inspect_text(text).findings
        return findings


def audit_forms(forms: Iterable[FormDescription]) -> AuditReport:
    """Inspect every field and page text of every form version."""
    report = AuditReport()
    live_pages, asking_versions = set(), set()
    findings_per_version: Counter = Counter()
    drafts: set[int] = set()
    # Sites built from templates repeat the same fields and texts on many forms,
    # and the rules are pure: each distinct one is judged once per run. The
    # cache ends with the run, so it never outgrows one site nor outlives a
    # change of the word lists. Equal fields of different forms then share one
    # object in the report: fewer objects for Python's garbage collector to walk.
    inspected: dict[FieldDescription, tuple[FieldDescription, Inspection]] = {}
    # The same, by identity, for the objects kept above (so their ids stay theirs):
    # sources hand over one object for equal fields, cheaper to find than to hash.
    inspected_objects: dict[int, tuple[FieldDescription, Inspection]] = {}
    text_findings = _WordingMemo()  # page texts, labels, help texts and answers alike
    for form in forms:
        judged = []
        copied = False  # a field equal to one seen before, as another object
        for description in form.fields:
            seen = inspected_objects.get(id(description))
            if seen is None:
                seen = inspected.get(description)
                if seen is None:
                    seen = (description, description.inspect(text_findings.__getitem__))
                    inspected[description] = inspected_objects[id(description)] = seen
                else:
                    copied = True
            judged.append(seen)
        if copied:
            form = replace(form, fields=tuple(first for first, _inspection in judged))
        report.forms.append(form)
        rows_before = len(report.rows)
        if form.version == LIVE:
            live_pages.add(form.page_id)
        for description, inspection in judged:
            if description.question is not None:
                report.question_overrides.setdefault(form.page_id, set()).update(description.overrides)
            if inspection.asks_sex_or_gender:
                asking_versions.add((form.page_id, form.version))
            if inspection.findings:
                report.rows.extend(
                    FindingRow(form, description.label, finding) for finding in inspection.findings
                )
            if inspection.asks_sex_or_gender and form.promises is not None:
                purpose = description.question.purpose if description.question else description.help_text
                report.rows.extend(
                    FindingRow(form, description.label, AuditFinding(UNKEPT_PROMISE, description.label, term))
                    for term in unkept_promises(purpose, form.promises)
                )
        for where, text in form.texts:
            found = text_findings[text]
            if found:
                report.rows.extend(FindingRow(form, where, finding) for finding in found)
        findings_per_version[form.page_id, form.version] += len(report.rows) - rows_before
        if form.version == DRAFT:
            drafts.add(form.page_id)
    # What visitors see counts: the live version, or the draft of a page never published.
    for page_id, version in asking_versions:
        if version == LIVE or page_id not in live_pages:
            report.asking_page_ids.add(page_id)
        else:
            report.draft_asking_page_ids.add(page_id)
    report.draft_asking_page_ids -= report.asking_page_ids
    report.improved_draft_page_ids = {
        page_id
        for page_id in drafts & live_pages
        if findings_per_version[page_id, DRAFT] < findings_per_version[page_id, LIVE]
    }
    return report
