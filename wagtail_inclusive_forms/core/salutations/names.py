"""A person's name as people type it into a form, tidied for a salutation.

Plain Python. The rules are those the Haal Centraal BRP API applies to names in
Dutch government letters (its ``voorletters`` and ``aanhef`` feature files):
one initial per given name, a one-letter given name without a full stop, and a
surname prefix ("van der", Belgian "Van Der") kept as typed except that a
lower-case first letter becomes a capital at the start or after a title word.
The prefix is kept apart from the surname and written only when the salutation
is put together (see ``placeholders``). ``CLASSIC`` keeps the package's older
rules for sites that ask for them: "IJ." and "A.M." initials, prefix lower case
after a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

# Dutch digraph: in the classic rules "IJsbrand" has the initial "IJ."; the BRP writes "I.".
_DIGRAPH = "ij"

BRP = "brp"
CLASSIC = "classic"
NAME_RULES = (BRP, CLASSIC)
# The BRP's standard value for "no given names"; a form treats it as none given.
_NO_GIVEN_NAMES = "."


def tidy(text: str | None) -> str:
    """Surrounding and double spaces removed; the case people typed is kept.

    ``str.split()`` splits on exactly the characters ``\\s`` matches (both use
    ``str.isspace``), and is several times faster than the regular expression:
    an export tidies every name part of every row."""
    return " ".join(text.split()) if text else ""


@cache
def known_prefixes() -> frozenset[str]:
    """The surname prefixes in ``data/surname_prefixes.txt``, lower case."""
    text = resources.files("wagtail_inclusive_forms").joinpath("data/surname_prefixes.txt").read_text("utf-8")
    lines = (tidy(line).lower() for line in text.splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


def split_surname(typed: str) -> tuple[str, str]:
    """("van der", "Berg") from "van der Berg": the longest known prefix that
    still leaves a surname. A surname without a known prefix comes back whole."""
    return _split_tidied(tidy(typed))


def _split_tidied(text: str) -> tuple[str, str]:
    # ``split_surname`` of a tidied text (an export splits a surname per row).
    if " " not in text:
        return "", text
    words = text.split(" ")
    prefixes = known_prefixes()
    for length in range(len(words) - 1, 0, -1):
        candidate = " ".join(words[:length])
        if candidate.lower() in prefixes:
            return candidate, " ".join(words[length:])
    return "", text


def _letters(text: str) -> str:
    # Most names are letters only: checked in one call instead of per character.
    return text if text.isalpha() else "".join(char for char in text if char.isalpha())


def _classic_initial(part: str) -> str:
    letters = _letters(part)
    if letters.lower().startswith(_DIGRAPH) and len(letters) > len(_DIGRAPH):
        return "IJ."
    return letters[0].upper() + "." if letters else ""


def _brp_initials(given_names: list[str]) -> str:
    written = ""
    for name in given_names:
        letters = _letters(name)
        if not letters:
            continue
        if written and not written.endswith("."):
            written += " "  # after a one-letter name: "J P", not "JP"
        written += letters[0].upper() + ("." if len(letters) > 1 else "")
    return written


def initials_from_given_names(given_names: str, rules: str = BRP) -> str:
    """Initials of given names. BRP: one per given name, "Anne-Fleur Belle" ->
    "A.B.", "IJsbrand" -> "I.", "Suzie Q" -> "S.Q", "J P" -> "J P". Classic:
    one per part, "Anne-Marie" -> "A.M.", "IJsbrand" -> "IJ."."""
    return _initials_of_tidied(tidy(given_names), rules)


def _initials_of_tidied(text: str, rules: str) -> str:
    if not text or text == _NO_GIVEN_NAMES:
        return ""
    if rules == CLASSIC:
        return "".join(_classic_initial(part) for part in re.split(r"[\s\-]+", text) if part)
    return _brp_initials(text.split(" "))


def normalise_initials(typed: str) -> str:
    """Typed initials written the Dutch way: "jr", "J R" and "j.r." -> "J.R.";
    a group typed with a dot ("Th.") stays one initial."""
    text = tidy(typed)
    if not text:
        return ""
    groups = [group for group in re.split(r"[\s.]+", text) if group]
    if len(groups) == 1 and "." not in text:
        groups = list(groups[0])  # "jr": every letter is an initial
    written = []
    for group in groups:
        letters = _letters(group)
        if not letters:
            continue
        if letters.lower() == _DIGRAPH:
            written.append("IJ.")
        else:
            written.append(letters[0].upper() + letters[1:].lower() + ".")
    return "".join(written)


# What someone typed after "Spreek mij aan met": a few words of letters, never markup or a template.
TYPED_ADDRESS_MAX_LENGTH = 40
_TYPED_ADDRESS_MARKS = frozenset(" .-'’")


def typed_form_of_address(typed: str | None) -> str:
    """The form of address someone typed ("Mx. Jansen", "dokter Bakker"),
    tidied, or "" when it cannot go into a letter as it is: empty, longer than
    ``TYPED_ADDRESS_MAX_LENGTH``, or holding anything but letters, spaces and
    . - ' (so no digits, braces, links or markup)."""
    text = tidy(typed)
    if not text or len(text) > TYPED_ADDRESS_MAX_LENGTH:
        return ""
    if not any(char.isalpha() for char in text):
        return ""
    if any(not char.isalpha() and char not in _TYPED_ADDRESS_MARKS for char in text):
        return ""
    return text


@dataclass(frozen=True)
class PersonName:
    """The name parts a form collected, tidied on creation.

    ``surname`` may be typed with its prefix when the form has no separate
    prefix field: ``PersonName(surname="van der Berg")`` has the prefix
    "van der" and the surname "Berg". ``initials`` are derived from the given
    names when none were typed. The case people typed is kept; ``rules``
    (``BRP`` or ``CLASSIC``) decides initials and the prefix's case.
    """

    given_name: str = ""
    initials: str = ""
    surname_prefix: str = ""
    surname: str = ""
    rules: str = BRP

    def __post_init__(self) -> None:
        if self.rules not in NAME_RULES:
            raise ValueError(f"Unknown name rules {self.rules!r}; use one of {', '.join(NAME_RULES)}.")
        prefix, surname = tidy(self.surname_prefix), tidy(self.surname)
        if not prefix:
            prefix, surname = _split_tidied(surname)
        given_name = tidy(self.given_name)
        if given_name == _NO_GIVEN_NAMES:
            given_name = ""
        initials = normalise_initials(self.initials) or _initials_of_tidied(given_name, self.rules)
        object.__setattr__(self, "given_name", given_name)
        object.__setattr__(self, "initials", initials)
        object.__setattr__(self, "surname_prefix", prefix.lower() if self.rules == CLASSIC else prefix)
        object.__setattr__(self, "surname", surname)

    @classmethod
    def from_full_name(cls, typed: str, rules: str = BRP) -> PersonName:
        """Split one "name" field: the first word is the given name, the rest
        the surname with its prefix. One word is taken as the surname."""
        words = tidy(typed).split(" ")
        if len(words) < 2:
            return cls(surname=words[0] if words else "", rules=rules)
        return cls(given_name=words[0], surname=" ".join(words[1:]), rules=rules)

    def surname_with_prefix(self, *, capitalise_prefix: bool) -> str:
        """The surname with its prefix: "In het Zonnetje" at the start or after
        a title, "in het Zonnetje" after a given name or initials; a prefix typed
        with capitals ("Op Den") keeps them, one such as "'t" its lower case."""
        if not self.surname:
            return ""
        prefix = self.surname_prefix
        if prefix and capitalise_prefix:
            prefix = prefix[0].upper() + prefix[1:]
        return f"{prefix} {self.surname}" if prefix else self.surname
