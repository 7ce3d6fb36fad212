"""The answers of the inclusive question: stable codes, labels and legacy values.

Plain Python (no models or views), so salutations, audits and exports can share
it. A submission stores an answer as ``{"answer": <code>, "description": <text>}``;
readable text is derived from the code, never stored instead of it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

# Codes of the sex/gender mode. "" means the visitor skipped the question.
MALE = "male"
FEMALE = "female"
SELF_DESCRIBED = "self_described"
UNDISCLOSED = "undisclosed"
UNANSWERED = ""

# The question's modes (``question.MODES`` repeats them with their labels).
GENDER_MODE = "gender"
FORM_OF_ADDRESS_MODE = "form_of_address"

# Codes of the form-of-address mode; distinct from the gender codes so that a
# stored code alone says which question was answered.
ADDRESS_MR = "address_mr"
ADDRESS_MS = "address_ms"
ADDRESS_NAME_ONLY = "address_name_only"
ADDRESS_CUSTOM = "address_custom"

GENDER_CODES = (MALE, FEMALE, SELF_DESCRIBED, UNDISCLOSED)
ADDRESS_CODES = (ADDRESS_MR, ADDRESS_MS, ADDRESS_NAME_ONLY, ADDRESS_CUSTOM)
ALL_CODES = GENDER_CODES + ADDRESS_CODES

# Codes whose answer is completed by the open text field.
OPEN_CODES = (SELF_DESCRIBED, ADDRESS_CUSTOM)

# The two labels an editor may choose for the "undisclosed" option.
PREFER_NOT_TO_SAY = "prefer_not_to_say"
NOT_RELEVANT = "not_relevant"
UNDISCLOSED_LABELS = {
    PREFER_NOT_TO_SAY: _("I'd rather not say"),
    NOT_RELEVANT: _("I don't think that is relevant"),
}

LABELS = {
    MALE: _("Man"),
    FEMALE: _("Woman"),
    SELF_DESCRIBED: _("I identify as"),
    ADDRESS_MR: _("Mr (meneer)"),
    ADDRESS_MS: _("Ms (mevrouw)"),
    ADDRESS_NAME_ONLY: _("Just my name, without Mr or Ms"),
    ADDRESS_CUSTOM: _("Address me as"),
}


def option_label(code: str, undisclosed_label: str = PREFER_NOT_TO_SAY) -> str:
    """The visitor-facing label of an answer code."""
    if code == UNDISCLOSED:
        return str(UNDISCLOSED_LABELS.get(undisclosed_label, UNDISCLOSED_LABELS[PREFER_NOT_TO_SAY]))
    return str(LABELS[code])


def option_labels(undisclosed_label: str = PREFER_NOT_TO_SAY) -> dict[str, str]:
    """Every answer code's label, translated once in the active language: for
    reading many answers at once (an export), where translating each answer's
    label costs more than the rest of reading it."""
    return {code: option_label(code, undisclosed_label) for code in ALL_CODES}


# For labels worked out at import time (block and model choices): translated
# when shown, in the language active then, not in the one active at start-up.
lazy_option_label = lazy(option_label, str)


@dataclass(frozen=True)
class Answer:
    """One stored answer: a stable code plus the visitor's own words, if any."""

    code: str = UNANSWERED
    description: str = ""

    @classmethod
    def from_stored(cls, value: Any, mode: str = GENDER_MODE) -> Answer:
        """Read what a submission holds: the structured dict or a legacy value
        (mapped for the question's ``mode``, see :func:`answer_from_legacy`).

        Unknown structured codes and unreadable values become a description of
        an unknown answer rather than being dropped.
        """
        if isinstance(value, Answer):
            return value
        if isinstance(value, dict):
            if not {"answer", "description"} & value.keys():  # not ours: show it, do not drop it
                return cls(UNANSWERED, json.dumps(value, ensure_ascii=False, default=str))
            code = str(value.get("answer") or "")
            description = str(value.get("description") or "")
            if code in ALL_CODES or code == UNANSWERED:
                return cls(code, description)
            return cls(UNANSWERED, description or code)
        if value is None:
            return cls()
        return answer_from_legacy(str(value), mode)

    def to_json(self) -> dict[str, str]:
        return {"answer": self.code, "description": self.description}

    def readable(
        self, undisclosed_label: str = PREFER_NOT_TO_SAY, labels: Mapping[str, str] | None = None
    ) -> str:
        """Text for listings, exports and e-mails; blank when unanswered.
        ``labels``: :func:`option_labels` of ``undisclosed_label``, when reading many."""
        if self.code == UNANSWERED:
            return self.description
        label = labels[self.code] if labels is not None else option_label(self.code, undisclosed_label)
        if self.code in OPEN_CODES and self.description:
            return f"{label}: {self.description}"
        return label


class StoredAnswer(dict):
    """The cleaned value of the question: a plain dict for JSON storage whose
    ``str()`` is the readable answer (so Wagtail's staff e-mail reads well)."""

    def __init__(self, answer: Answer | None = None, undisclosed_label: str = PREFER_NOT_TO_SAY):
        super().__init__((answer or Answer()).to_json())
        self.undisclosed_label = undisclosed_label

    @property
    def answer(self) -> Answer:
        return Answer.from_stored(self)

    def __str__(self) -> str:
        return self.answer.readable(self.undisclosed_label)


def holds_an_answer(value: Any) -> bool:
    """Whether a stored value says anything: not empty, and not a skipped
    inclusive question (``{"answer": "", "description": ""}``)."""
    if isinstance(value, dict):
        return any(item not in (None, "") for item in value.values())
    return value not in (None, "", [])


# "Geslachtsaanduiding" as the BRP and StUF register it: man, vrouw, onbekend.
# Self-descriptions and "rather not say" are "O"; the BRP has no other value.
REGISTRATION_SEX_CODES = {MALE: "M", FEMALE: "V", SELF_DESCRIBED: "O", UNDISCLOSED: "O"}


def registration_sex_code(value: Any, mode: str = GENDER_MODE) -> str:
    """The BRP/StUF geslachtsaanduiding ("M", "V" or "O") of a stored answer, legacy
    values included; "" when the question was skipped or asked the form of address,
    which says how to address someone, not their sex."""
    if mode != GENDER_MODE:
        return ""
    return REGISTRATION_SEX_CODES.get(Answer.from_stored(value, mode).code, "")


def readable_answer(
    value: Any,
    undisclosed_label: str = PREFER_NOT_TO_SAY,
    mode: str = GENDER_MODE,
    labels: Mapping[str, str] | None = None,
) -> str:
    """Readable text for whatever a submission holds for the question
    (``labels``: see :meth:`Answer.readable`)."""
    return Answer.from_stored(value, mode).readable(undisclosed_label, labels)


# Values that forms asked before the inclusive question, normalised by
# _normalise(): lower case, no dots, single spaces.
_LEGACY_GENDER = {
    MALE: {"m", "man", "male", "mannelijk", "jongen", "heer", "de heer", "dhr", "mr", "meneer"},
    FEMALE: {"v", "f", "vrouw", "female", "vrouwelijk", "meisje", "mevrouw", "mevr", "mw", "mrs", "ms"},
    UNDISCLOSED: {
        "zeg ik liever niet",
        "dat zeg ik liever niet",
        "wil ik niet zeggen",
        "prefer not to say",
        "onbekend",
        "niet relevant",
        "dat vind ik niet relevant",
    },
}
_LEGACY_SELF_DESCRIBED = {"x", "anders", "overig", "other", "anders namelijk", "non-binair", "nonbinair"}


def _normalise(value: str) -> str:
    return re.sub(r"\s+", " ", value.replace(".", " ").replace(",", " ")).strip().lower()


# In a form-of-address question, old answers mean a way to be addressed.
_AS_ADDRESS = {
    MALE: ADDRESS_MR,
    FEMALE: ADDRESS_MS,
    UNDISCLOSED: ADDRESS_NAME_ONLY,
    SELF_DESCRIBED: ADDRESS_CUSTOM,
}
_LEGACY_NAME_ONLY = {"geen aanhef", "alleen mijn naam", "alleen naam", "geen titel", "no title", "name only"}


def answer_from_legacy(value: str, mode: str = GENDER_MODE) -> Answer:
    """Map an old free value ("M", "Dhr.", "male", "Anders") to an answer.

    In the form-of-address mode the same words mean a form of address ("Dhr."
    is "meneer", "Geen aanhef" is the name only, "Mx" is kept as typed). A
    value we do not recognise is kept as the person's own words, never dropped.
    """
    answer = _gender_answer_from_legacy(value)
    if mode != FORM_OF_ADDRESS_MODE or answer.code not in _AS_ADDRESS:
        return answer
    if _normalise(value) in _LEGACY_NAME_ONLY:
        return Answer(ADDRESS_NAME_ONLY)
    return Answer(_AS_ADDRESS[answer.code], answer.description)


def _gender_answer_from_legacy(value: str) -> Answer:
    text = value.strip()
    if not text:
        return Answer()
    if text in ALL_CODES:
        return Answer(text)
    key = _normalise(text)
    for code, words in _LEGACY_GENDER.items():
        if key in words:
            return Answer(code)
    if key in _LEGACY_SELF_DESCRIBED:
        return Answer(SELF_DESCRIBED, "" if key in {"anders", "overig", "other", "anders namelijk"} else text)
    return Answer(SELF_DESCRIBED, text)
