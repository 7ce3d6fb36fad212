"""Salutation templates as editors type them: checking and filling them in.

A template is data, never code: it is parsed into literal text and known
placeholders, and filled in piece by piece, so ``str.format`` (with its
attribute and index access) never runs on what an editor typed.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from django.utils.translation import gettext, ngettext

from .names import PersonName, tidy

GIVEN_NAME = "voornaam"
INITIALS = "voorletters"
SURNAME = "achternaam"

# What editors may type, with the English aliases, mapped to the name part.
PLACEHOLDERS = {
    GIVEN_NAME: GIVEN_NAME,
    INITIALS: INITIALS,
    SURNAME: SURNAME,
    "given_name": GIVEN_NAME,
    "initials": INITIALS,
    "surname": SURNAME,
}
MAX_TEMPLATE_LENGTH = 200

# A surname prefix is written lower case straight after these ("A. van Dijk").
_LOWERS_PREFIX = (GIVEN_NAME, INITIALS)


@dataclass(frozen=True)
class _Piece:
    text: str = ""
    placeholder: str = ""  # canonical name, "" for literal text


def _known_list(allowed: Mapping[str, str]) -> str:
    return ", ".join("{" + name + "}" for name in allowed)


def parse_placeholders(
    template: str, allowed: Mapping[str, str], *, one_line: bool = True, max_length: int = MAX_TEMPLATE_LENGTH
) -> tuple[_Piece, ...]:
    """Literal text and placeholders (mapped through ``allowed``), or
    ValueError naming the problem in words an editor understands."""
    if not isinstance(template, str) or not template.strip():
        raise ValueError(gettext("This text cannot be empty."))
    if len(template) > max_length:
        raise ValueError(
            ngettext(
                "This text can be at most %(limit)d character long.",
                "This text can be at most %(limit)d characters long.",
                max_length,
            )
            % {"limit": max_length}
        )
    if one_line and ("\n" in template or "\r" in template):
        raise ValueError(gettext("This text is one line: remove the line break."))
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError:
        raise ValueError(
            gettext(
                "The braces { } do not match. Put every name between one opening and one closing "
                "brace, like {achternaam}; write {{ or }} for a brace as text."
            )
        ) from None
    pieces = []
    for literal, field_name, format_spec, conversion in parsed:
        if literal:
            pieces.append(_Piece(text=literal))
        if field_name is None:
            continue
        if not field_name:
            raise ValueError(
                gettext("Empty braces {}: put a name between them, one of %s.") % _known_list(allowed)
            )
        if any(mark in field_name for mark in ".[]") or conversion or format_spec:
            typed = (
                field_name
                + (f"!{conversion}" if conversion else "")
                + (f":{format_spec}" if format_spec else "")
            )
            raise ValueError(
                gettext("“{%(typed)s}” is not allowed: a name stands on its own, without . [ ] ! or :.")
                % {"typed": typed}
            )
        if field_name not in allowed:
            raise ValueError(
                gettext("Unknown name “{%(name)s}”: use one of %(known)s.")
                % {"name": field_name, "known": _known_list(allowed)}
            )
        pieces.append(_Piece(placeholder=allowed[field_name]))
    return tuple(pieces)


def parse_template(template: str) -> tuple[_Piece, ...]:
    """A salutation template's pieces, or ValueError naming the problem."""
    if not isinstance(template, str):  # legacy data of any shape: explained, never a TypeError
        return parse_placeholders(template, PLACEHOLDERS)
    return _parsed_template(template)


@lru_cache(maxsize=512)
def _parsed_template(template: str) -> tuple[_Piece, ...]:
    # Kept per template (a site has a handful): an export fills one per row.
    return parse_placeholders(template, PLACEHOLDERS)


def validate_template(template: str) -> None:
    """Raise ValueError, with a message an editor understands, unless the
    template uses only literal text and the known placeholders."""
    parse_template(template)


def placeholders_in(template: str) -> set[str]:
    """The canonical placeholders a valid template uses."""
    return {piece.placeholder for piece in parse_template(template) if piece.placeholder}


def _surname_follows(pieces: tuple[_Piece, ...], index: int) -> bool:
    """Whether only spaces stand between piece ``index`` and a {achternaam}."""
    for piece in pieces[index + 1 :]:
        if piece.placeholder:
            return piece.placeholder == SURNAME
        if piece.text.strip():
            return False
    return False


def fill_template(template: str, name: PersonName) -> str | None:
    """The salutation, or None when a placeholder has no value for this person.

    {voorletters} directly before {achternaam} may go unfilled: someone without
    given names is addressed by the surname alone ("Geachte In het Zonnetje"),
    as the BRP does."""
    pieces = parse_template(template)
    written: list[str] = []
    previous = ""  # placeholder just before, with only spaces since
    for index, piece in enumerate(pieces):
        if not piece.placeholder:
            written.append(piece.text)
            if piece.text.strip():
                previous = ""
            continue
        if piece.placeholder == SURNAME:
            value = name.surname_with_prefix(capitalise_prefix=previous not in _LOWERS_PREFIX)
        else:
            value = name.given_name if piece.placeholder == GIVEN_NAME else name.initials
        if not value and piece.placeholder == INITIALS and name.surname and _surname_follows(pieces, index):
            continue  # previous stays what it was: the surname is written as at the start
        if not value:
            return None
        written.append(value)
        previous = piece.placeholder
    return tidy("".join(written))


def fill_placeholders(template: str, allowed: Mapping[str, str], values: Mapping[str, str], **options) -> str:
    """A longer text (an e-mail) with its placeholders replaced by ``values``;
    a placeholder without a value is left out."""
    return "".join(
        piece.text if not piece.placeholder else str(values.get(piece.placeholder, ""))
        for piece in parse_placeholders(template, allowed, one_line=False, **options)
    )
