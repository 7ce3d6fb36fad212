"""The audit of a site's forms: which fields ask sex or gender, and what to fix.

Plain Python, no models: ``inspect_field`` judges one form field (label, type,
answers, help text together), ``inspect_text`` finds gendered wording. Sources
that read forms out of a Wagtail site live in ``wagtail_inclusive_forms.services.sources``.
"""

from .detector import inspect_field, inspect_text
from .findings import (
    BINARY_OPTIONS,
    DRAFT,
    FINDING_LABELS,
    FINDING_TYPES,
    GENDERED_LANGUAGE,
    LIVE,
    NO_PURPOSE,
    REQUIRED,
    SALUTATION_FROM_SEX,
    SEVERITIES,
    STIGMATISING_LABEL,
    UNKEPT_PROMISE,
    VERSION_LABELS,
    AuditFinding,
    Inspection,
)
from .report import AuditReport, FieldDescription, FindingRow, FormDescription, audit_forms

__all__ = [
    "DRAFT",
    "LIVE",
    "AuditReport",
    "FieldDescription",
    "FindingRow",
    "FormDescription",
    "audit_forms",
    "BINARY_OPTIONS",
    "FINDING_LABELS",
    "FINDING_TYPES",
    "GENDERED_LANGUAGE",
    "NO_PURPOSE",
    "REQUIRED",
    "SALUTATION_FROM_SEX",
    "SEVERITIES",
    "STIGMATISING_LABEL",
    "UNKEPT_PROMISE",
    "VERSION_LABELS",
    "AuditFinding",
    "Inspection",
    "inspect_field",
    "inspect_text",
]
