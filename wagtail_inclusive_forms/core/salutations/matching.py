"""Which form fields hold the name parts and the e-mail address, by their labels.

Plain Python. Editors can pick the fields per form; until they do, a field is
matched by the earliest name word in its label ("Uw voornaam" is the given
name, "Achternaam (met tussenvoegsel)" the surname, "Geslachtsnaam" too).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

GIVEN_NAME = "given_name"
INITIALS = "initials"
SURNAME_PREFIX = "surname_prefix"
SURNAME = "surname"
FULL_NAME = "full_name"
EMAIL = "email"
NAME_ROLES = (GIVEN_NAME, INITIALS, SURNAME_PREFIX, SURNAME, FULL_NAME, EMAIL)

_ROLE_WORDS = {
    GIVEN_NAME: r"voorna(?:am|men)|roepnaam|first[ _-]?name|given[ _-]?names?|forenames?",
    INITIALS: r"voorletters?|initialen|initials",
    SURNAME_PREFIX: r"tussenvoegsels?|voorvoegsels?|(?:surname[ _-]?)?prefix",
    SURNAME: r"achternaam|geslachtsnaam|familienaam|surname|last[ _-]?name|family[ _-]?name",
    EMAIL: r"e-?mail(?:adres|[ _-]?address)?",
}
_PATTERNS = {role: re.compile(rf"(?<![a-z])(?:{words})(?![a-z])") for role, words in _ROLE_WORDS.items()}
# A single field for the whole name: "Naam", "Uw naam", "Volledige naam", "Name".
_FULL_NAME = re.compile(r"^(?:uw |je |your )?(?:volledige |full )?(?:naam|name)$")


def role_of(label: str, field_type: str = "") -> str | None:
    """The name role a field's label (or type) points to, or None."""
    if field_type == "email":
        return EMAIL
    text = " ".join(label.lower().replace("*", " ").split()).strip(" :")
    found = [(match.start(), role) for role, pattern in _PATTERNS.items() if (match := pattern.search(text))]
    if found:
        return min(found)[1]
    return FULL_NAME if _FULL_NAME.match(text) else None


def match_name_fields(fields: Iterable[tuple[str, str, str]]) -> dict[str, str]:
    """Role -> field name for (name, label, field_type) triples; the first
    field wins each role. A full-name field is used only when the form has
    no separate surname field."""
    matched: dict[str, str] = {}
    for name, label, field_type in fields:
        role = role_of(label or name, field_type)
        if role and role not in matched:
            matched[role] = name
    if SURNAME in matched:
        matched.pop(FULL_NAME, None)
    return matched
