"""The confirmation e-mail's subject and body as editors type them.

Plain Python. Editors write ``{aanhef}`` for the salutation, ``{antwoorden}``
for all answers, ``{formulier}`` for the form's title and a field's stored name
(``{postcode}``) for one answer, ``{wijzigen}`` for the personal link to change or
withdraw the sensitive answers; nothing else, as with salutation templates.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .placeholders import fill_placeholders, parse_placeholders

SALUTATION = "aanhef"
ANSWERS = "antwoorden"
FORM_TITLE = "formulier"
CHANGE_LINK = "wijzigen"
MESSAGE_PLACEHOLDERS = {
    SALUTATION: SALUTATION,
    ANSWERS: ANSWERS,
    FORM_TITLE: FORM_TITLE,
    CHANGE_LINK: CHANGE_LINK,
    "salutation": SALUTATION,
    "answers": ANSWERS,
    "form": FORM_TITLE,
    "change_link": CHANGE_LINK,
}
MAX_SUBJECT_LENGTH = 255
MAX_BODY_LENGTH = 5000


def _allowed(field_names: Iterable[str]) -> dict[str, str]:
    return {**{name: name for name in field_names}, **MESSAGE_PLACEHOLDERS}


class _AnyFieldName(dict):
    """Accepts every plain name: a field removed after the text was written is
    filled with nothing instead of breaking the e-mail."""

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name.isidentifier()

    def __getitem__(self, name: str) -> str:
        return self.get(name, name)


def validate_message(
    template: str, field_names: Iterable[str] | None = None, *, subject: bool = False
) -> None:
    """ValueError naming the problem unless only known placeholders are used.
    With ``field_names`` None, any plain name passes (the fields are not known)."""
    parse_placeholders(
        template,
        _AnyFieldName(MESSAGE_PLACEHOLDERS) if field_names is None else _allowed(field_names),
        one_line=subject,
        max_length=MAX_SUBJECT_LENGTH if subject else MAX_BODY_LENGTH,
    )


def fill_message(template: str, values: Mapping[str, str], *, subject: bool = False) -> str:
    """The text with ``values`` (keyed by canonical placeholder or field name)
    filled in; a subject comes back on one line."""
    max_length = MAX_SUBJECT_LENGTH if subject else MAX_BODY_LENGTH
    text = fill_placeholders(template, _AnyFieldName(MESSAGE_PLACEHOLDERS), values, max_length=max_length)
    return " ".join(text.split()) if subject else text


def uses_placeholder(template: str, canonical: str) -> bool:
    """Whether the text uses the placeholder (by any of its names)."""
    try:
        pieces = parse_placeholders(
            template, _AnyFieldName(MESSAGE_PLACEHOLDERS), one_line=False, max_length=MAX_BODY_LENGTH
        )
    except ValueError:
        return False
    return any(piece.placeholder == canonical for piece in pieces)
