"""The audit's rules: does a form field ask sex or gender, and what is wrong with it.

Plain Python. Label, name, help text and answers are read together: a sex word
in the label, or answers that are man and woman, make a sex question, unless
the context says otherwise (a dog's sex, a body characteristic in a health
survey, "Geslachtsnaam", "M" among clothing sizes).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import cache

from .. import answers
from ..question import FORM_OF_ADDRESS_MODE, INCLUSIVE_FIELD_TYPE, QuestionConfig
from .findings import (
    BINARY_OPTIONS,
    GENDERED_LANGUAGE,
    NO_PURPOSE,
    REQUIRED,
    SALUTATION_FROM_SEX,
    STIGMATISING_LABEL,
    AuditFinding,
    Inspection,
)
from .wordlists import (
    gendered_pattern,
    gendered_suggestions,
    may_hold_gendered_term,
    normalise_answer,
    phrase_pattern,
    tokens,
    words,
)

_CHOICE_TYPES = {"dropdown", "radio", "checkboxes", "multiselect"}
_NOTHING_FOUND = Inspection()


def inspect_text(text: str, *, subject: str | None = None) -> Inspection:
    """Gendered wording in a text (a label, an answer, page text), each with a
    neutral suggestion. The longest term wins where terms overlap."""
    lowered = (text or "").lower()
    if not may_hold_gendered_term(lowered):
        return _NOTHING_FOUND
    suggestions = gendered_suggestions()
    findings = [
        AuditFinding(
            GENDERED_LANGUAGE,
            subject=text if subject is None else subject,
            term=text[match.start() : match.end()],
            suggestion=suggestions[match.group(0)],
        )
        for match in gendered_pattern().finditer(lowered)
    ]
    return Inspection(findings=tuple(findings))


def _wording(text: str) -> tuple[AuditFinding, ...]:
    return inspect_text(text).findings


class _Lists:
    """The word lists as sets, read once (the audit runs over thousands of fields)."""

    def __init__(self) -> None:
        self.sex, self.not_sex = words("sex_question_words"), words("not_sex_words")
        self.male, self.female = words("male_answers"), words("female_answers")
        self.long_male = {word for word in self.male if len(word) > 1}
        self.long_female = {word for word in self.female if len(word) > 1}
        self.gendered_address, self.declined = words("gendered_address_answers"), words("undisclosed_answers")
        self.animals, self.sizes = words("animal_words"), words("clothing_size_answers")
        self.stigmatising = words("stigmatising_answers")
        self.professional = words("professional_titles")
        # A gender written in brackets after a title: "Dr. (m)", "Ir. (vrouw)".
        self.gender_marks = self.long_male | self.long_female | {"m", "v", "f", "w"}


_BRACKETS = re.compile(r"\(([^()]*)\)")
GENDERED, NEUTRAL, NOT_A_FORM_OF_ADDRESS = "gendered", "neutral", "none"


def address_option_kind(answer: str) -> str | None:
    """What a title answer offers: ``GENDERED`` ("Dhr.", "Mevrouw (dr.)", "Dr.
    (m)"), ``NEUTRAL`` ("Mx", "Geen aanhef"), ``NOT_A_FORM_OF_ADDRESS`` for a
    professional title, an opt-out or "anders" (none lets everyone be addressed
    without a sex), or None when the answer is no title at all."""
    lists = _lists()
    inside = [normalise_answer(part) for part in _BRACKETS.findall(answer or "")]
    main = normalise_answer(_BRACKETS.sub(" ", answer or ""))
    parts = [part for part in [main, *inside] if part]
    if any(phrase_pattern("gendered_address_answers").search(part) for part in parts):
        return GENDERED
    marked = any(part in lists.gender_marks for part in inside)
    if marked and main and set(main.split()) <= lists.professional:
        return GENDERED
    if any(phrase_pattern("neutral_address_answers").search(part) for part in parts):
        return NEUTRAL
    if parts and all(set(part.split()) <= lists.professional for part in parts):
        return NOT_A_FORM_OF_ADDRESS
    if parts and " ".join(parts) in lists.declined | lists.stigmatising:
        return NOT_A_FORM_OF_ADDRESS
    return None


def _title_list_kind(choices: Sequence[str]) -> str | None:
    """A list of title answers, with or without a label: "gendered_address"
    unless it offers a neutral form of address; None when it is no title list."""
    kinds = set()
    for choice in choices:  # most lists stop at their first answer: "Ja" is no title
        kind = address_option_kind(choice)
        if kind is None:
            return None
        kinds.add(kind)
    if GENDERED not in kinds:
        return None
    return "neutral_address" if NEUTRAL in kinds else "gendered_address"


@cache
def _lists() -> _Lists:
    return _Lists()


def _has_sex_word(words: set[str], text: str) -> bool:
    """Whether ``words`` (of ``text``) hold a sex word: "geslacht", "gender",
    "geslachtsaanduiding", ..., but not "geslachtsnaam"."""
    lists = _lists()
    candidates = words - lists.not_sex
    if not candidates.isdisjoint(lists.sex):
        return True
    return "geslacht" in text and any(word.startswith("geslacht") for word in candidates)


def _mentions(text: str, listname: str) -> bool:
    """Whether ``text`` (already lower-case words) has an entry of the list."""
    return phrase_pattern(listname).search(text) is not None


def _has_purpose(text: str) -> bool:
    return _mentions(" ".join(tokens(text)), "purpose_words")


def _classify(label: str, context: str, options: list[str], title_list: str | None = None) -> str:
    lists = _lists()
    label_words, option_set = tokens(label), set(options)
    label_set = set(label_words)
    label_text, context_text = " ".join(label_words), " ".join(tokens(context))
    if option_set & lists.animals or _mentions(context_text, "animal_words"):
        return "animal"
    if _mentions(context_text, "body_words"):
        return "body"
    sex_label = _has_sex_word(label_set, label_text)
    if not sex_label and label_set & lists.not_sex:
        return "surname"
    if title_list == "gendered_address" or (title_list and not sex_label):
        return title_list  # a neutral title list labelled "Geslacht" still asks sex
    if options and _mentions(label_text, "address_question_words"):
        return "neutral_address"
    if len(option_set & lists.sizes) >= 2:
        return "other"  # "M" between S and L is medium
    if sex_label or (label_set & lists.long_male and label_set & lists.long_female):
        return "sex_or_gender"
    if option_set & lists.male and option_set & lists.female:
        return "sex_or_gender"
    return "other"


def _inclusive_inspection(config: QuestionConfig, subject: str) -> Inspection:
    """An inclusive question is judged on its configuration, not its labels."""
    offered = set(config.offered_codes)
    if config.mode == FORM_OF_ADDRESS_MODE:
        if offered <= {answers.ADDRESS_MR, answers.ADDRESS_MS}:
            found = [AuditFinding(SALUTATION_FROM_SEX, subject)]
            found += [AuditFinding(REQUIRED, subject)] if config.required else []
            return Inspection(tuple(found), asks_sex_or_gender=True, kind="gendered_address")
        return Inspection(kind="neutral_address")
    found = []
    if offered <= {answers.MALE, answers.FEMALE, answers.UNDISCLOSED}:
        found.append(AuditFinding(BINARY_OPTIONS, subject))
    if config.required:
        found.append(AuditFinding(REQUIRED, subject))
    if not config.purpose.strip():
        found.append(AuditFinding(NO_PURPOSE, subject))
    return Inspection(tuple(found), asks_sex_or_gender=True, kind="sex_or_gender")


def inspect_field(
    label: str,
    field_type: str = "singleline",
    choices: Sequence[str] | str = (),
    help_text: str = "",
    name: str = "",
    required: bool = False,
    *,
    question: QuestionConfig | None = None,
    wording_of: Callable[[str], tuple[AuditFinding, ...]] | None = None,
) -> Inspection:
    """Whether a form field asks sex or gender, and its findings.

    ``field_type`` takes Wagtail's form field type names; ``choices`` the
    answers (a list, or Wagtail's newline-separated text). An inclusive
    question (``field_type="inclusive_gender"``) is judged on ``question``.
    ``wording_of(text)`` gives the wording findings of a text (default:
    ``inspect_text``); a whole-site audit passes one that remembers them.
    """
    if isinstance(choices, str):
        choices = [line for line in re.split(r"[\r\n]+", choices) if line.strip()]
    wording_of = wording_of or _wording
    wording = [finding for text in (label, help_text, *choices) for finding in wording_of(text)]
    if field_type == INCLUSIVE_FIELD_TYPE:
        config = question or QuestionConfig(required=required, purpose=help_text)
        verdict = _inclusive_inspection(config, label)
        return Inspection(verdict.findings + tuple(wording), verdict.asks_sex_or_gender, verdict.kind)

    label_and_name = f"{label} {name.replace('_', ' ')}"
    options = [normalise_answer(choice) for choice in choices] if field_type in _CHOICE_TYPES else []
    options = [option for option in options if option]
    title_list = _title_list_kind(choices) if options else None
    kind = _classify(label_and_name, f"{label_and_name} {help_text}", options, title_list)
    if kind not in ("sex_or_gender", "gendered_address"):
        return Inspection(tuple(wording), False, kind)

    found = []
    if kind == "gendered_address":
        found.append(AuditFinding(SALUTATION_FROM_SEX, label))
    elif options and _only_binary(options):
        found.append(AuditFinding(BINARY_OPTIONS, label))
    if kind == "sex_or_gender" and set(options) & _lists().stigmatising:
        found.append(AuditFinding(STIGMATISING_LABEL, label))
    if required:
        found.append(AuditFinding(REQUIRED, label))
    if not _has_purpose(help_text):
        found.append(AuditFinding(NO_PURPOSE, label))
    return Inspection(tuple(found) + tuple(wording), True, kind)


def _only_binary(options: Iterable[str]) -> bool:
    lists, options = _lists(), set(options)
    male, female = options & lists.male, options & lists.female
    rest = options - male - female - lists.declined
    return bool(male and female and not rest)
