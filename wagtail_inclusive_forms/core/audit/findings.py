"""What the audit reports: finding codes, their severity, message and advice.

Plain Python. The reasoning behind each code is documented in
``docs/reference/audit.md``; messages and advice are translated.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

HIGH, MEDIUM, LOW = "high", "medium", "low"
# The version of a form a finding is about: the published one or the latest draft.
LIVE, DRAFT = "live", "draft"
SEVERITIES = (HIGH, MEDIUM, LOW)
SEVERITY_LABELS = {HIGH: _("high"), MEDIUM: _("medium"), LOW: _("low")}

BINARY_OPTIONS = "binary-options"
REQUIRED = "required"
STIGMATISING_LABEL = "stigmatising-label"
NO_PURPOSE = "no-purpose"
SALUTATION_FROM_SEX = "salutation-from-sex"
GENDERED_LANGUAGE = "gendered-language"
UNKEPT_PROMISE = "unkept-promise"

# code -> (severity, message, advice)
FINDING_TYPES = {
    BINARY_OPTIONS: (
        HIGH,
        _("Only man and woman can be chosen."),
        _(
            "People who are neither, or both, cannot answer truthfully. Use the inclusive question: "
            "it adds “I identify as” with an open field and “I'd rather not say”."
        ),
    ),
    REQUIRED: (
        HIGH,
        _("Sex or gender must be answered."),
        _(
            "Make the question optional unless a law requires the answer, and record that legal basis. "
            "Most forms do not need it at all: remove the question if you can."
        ),
    ),
    STIGMATISING_LABEL: (
        MEDIUM,
        _("An answer is labelled like “other”."),
        _("“Other” sets people apart as the rest. Offer “I identify as” with an open field instead."),
    ),
    NO_PURPOSE: (
        MEDIUM,
        _("The form does not say why sex or gender is asked."),
        _(
            "Say why you ask, how you use the answer and how long you keep it, that it need not match "
            "the passport, and that it can be changed or withdrawn (a GDPR duty to inform)."
        ),
    ),
    SALUTATION_FROM_SEX: (
        MEDIUM,
        _("The form of address offers only forms for men and women."),
        _(
            "Choosing “Mr” or “Ms” registers sex. Add a neutral option, such as addressing people by "
            "name only, or use the inclusive question in its form-of-address mode."
        ),
    ),
    UNKEPT_PROMISE: (
        MEDIUM,
        _("The purpose text promises %(term)s."),
        _(
            "Make the promise true: set a retention period (site settings or the form's purpose record), "
            "or put {wijzigen} in the confirmation e-mail so people get a link to change or withdraw their "
            "answer. Otherwise change the text, or use the default text, which says only what the form does."
        ),
    ),
    GENDERED_LANGUAGE: (
        LOW,
        _("Gendered wording: “%(term)s”."),
        _("Write “%(suggestion)s” instead, so the text speaks to everyone."),
    ),
}


# code -> a short name for the kind of finding, for headings, filters and exports
FINDING_LABELS = {
    BINARY_OPTIONS: _("Only man or woman"),
    REQUIRED: _("Required answer"),
    STIGMATISING_LABEL: _("Answer labelled “other”"),
    NO_PURPOSE: _("No purpose given"),
    SALUTATION_FROM_SEX: _("Form of address by sex"),
    UNKEPT_PROMISE: _("Unkept promise"),
    GENDERED_LANGUAGE: _("Gendered wording"),
}
VERSION_LABELS = {LIVE: _("published"), DRAFT: _("draft")}


@dataclass(frozen=True, slots=True)
class AuditFinding:
    """One problem found: its code, where (``subject``: the text it is about)
    and, for wording, the neutral ``suggestion``."""

    code: str
    subject: str = ""
    term: str = ""
    suggestion: str = ""

    @property
    def severity(self) -> str:
        return FINDING_TYPES[self.code][0]

    @property
    def severity_label(self) -> str:
        return str(SEVERITY_LABELS[self.severity])

    @property
    def label(self) -> str:
        return str(FINDING_LABELS[self.code])

    @property
    def message(self) -> str:
        return str(FINDING_TYPES[self.code][1]) % {"term": self.term}

    @property
    def advice(self) -> str:
        return str(FINDING_TYPES[self.code][2]) % {"suggestion": self.suggestion}


@dataclass(frozen=True, slots=True)
class Inspection:
    """The audit's verdict on one field or text."""

    findings: tuple[AuditFinding, ...] = ()
    asks_sex_or_gender: bool = False
    # Why a field was or was not taken as a sex question: "sex_or_gender",
    # "gendered_address", "neutral_address", "animal", "body", "surname", "other".
    kind: str = "other"

    @property
    def codes(self) -> set[str]:
        return {finding.code for finding in self.findings}
