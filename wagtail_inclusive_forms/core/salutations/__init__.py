"""Salutations (aanhef) from the answers of the inclusive question.

Plain Python, no models: ``PersonName`` tidies names as people type them,
templates are checked with ``validate_template`` and filled in by the Dutch
rules, and a ``SalutationScheme`` picks the template for each answer. Presets
("den_haag", "utrecht", "neutral") live in a registry (``register_preset``).
"""

from .matching import NAME_ROLES, match_name_fields
from .messages import fill_message, validate_message
from .names import PersonName, typed_form_of_address
from .placeholders import PLACEHOLDERS, fill_template, placeholders_in, validate_template
from .schemes import (
    ANSWER_LABELS,
    SCHEME_ANSWERS,
    SalutationScheme,
    SchemeError,
    get_preset,
    preset_choices,
    preset_keys,
    preview_rows,
    register_preset,
    sample_names,
    template_list_error,
)

__all__ = [
    "ANSWER_LABELS",
    "NAME_ROLES",
    "PLACEHOLDERS",
    "SCHEME_ANSWERS",
    "PersonName",
    "SalutationScheme",
    "SchemeError",
    "fill_message",
    "fill_template",
    "get_preset",
    "match_name_fields",
    "placeholders_in",
    "preset_choices",
    "preset_keys",
    "register_preset",
    "preview_rows",
    "sample_names",
    "template_list_error",
    "typed_form_of_address",
    "validate_message",
    "validate_template",
]
