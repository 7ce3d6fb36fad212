"""A person's name as people type it into a form, tidied for a salutation.

Plain Python. Dutch surnames may carry a prefix ("van der Berg") whose case
depends on what precedes it, so the prefix is kept apart from the surname and
written only when the salutation is put together (see ``placeholders``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

_SPACES = re.compile(r"\s+")
# Dutch digraph: "IJsbrand" has the initial "IJ.", not "I.".
_DIGRAPH = "ij"


def tidy(text: str | None) -> str:
    """Surrounding and double spaces removed; the case people typed is kept."""
    return _SPACES.sub(" ", text or "").strip()


@cache
def known_prefixes() -> frozenset[str]:
    """The surname prefixes in ``data/surname_prefixes.txt``, lower case."""
    text = resources.files("wagtail_inclusive_forms").joinpath("data/surname_prefixes.txt").read_text("utf-8")
    lines = (tidy(line).lower() for line in text.splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


def split_surname(typed: str) -> tuple[str, str]:
    """("van der", "Berg") from "van der Berg": the longest known prefix that
    still leaves a surname. A surname without a known prefix comes back whole."""
    words = tidy(typed).split(" ")
    prefixes = known_prefixes()
    for length in range(len(words) - 1, 0, -1):
        candidate = " ".join(words[:length])
        if candidate.lower() in prefixes:
            return candidate, " ".join(words[length:])
    return "", tidy(typed)


def _initial(part: str) -> str:
    letters = "".join(char for char in part if char.isalpha())
    if letters.lower().startswith(_DIGRAPH) and len(letters) > len(_DIGRAPH):
        return "IJ."
    return letters[0].upper() + "." if letters else ""


def initials_from_given_names(given_names: str) -> str:
    """Initials of given names: "Jo Rene" -> "J.R.", "Anne-Marie" -> "A.M.", "IJsbrand" -> "IJ."."""
    return "".join(_initial(part) for part in re.split(r"[\s\-]+", tidy(given_names)) if part)


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
        letters = "".join(char for char in group if char.isalpha())
        if not letters:
            continue
        if letters.lower() == _DIGRAPH:
            written.append("IJ.")
        else:
            written.append(letters[0].upper() + letters[1:].lower() + ".")
    return "".join(written)


@dataclass(frozen=True)
class PersonName:
    """The name parts a form collected, tidied on creation.

    ``surname`` may be typed with its prefix when the form has no separate
    prefix field: ``PersonName(surname="van der Berg")`` has the prefix
    "van der" and the surname "Berg". ``initials`` are derived from the given
    names when none were typed. The case people typed is kept, except that the
    prefix is written in lower case or with a capital by the Dutch rule.
    """

    given_name: str = ""
    initials: str = ""
    surname_prefix: str = ""
    surname: str = ""

    def __post_init__(self) -> None:
        prefix, surname = tidy(self.surname_prefix), tidy(self.surname)
        if not prefix:
            prefix, surname = split_surname(surname)
        initials = normalise_initials(self.initials) or initials_from_given_names(self.given_name)
        object.__setattr__(self, "given_name", tidy(self.given_name))
        object.__setattr__(self, "initials", initials)
        object.__setattr__(self, "surname_prefix", prefix.lower())
        object.__setattr__(self, "surname", surname)

    @classmethod
    def from_full_name(cls, typed: str) -> PersonName:
        """Split one "name" field: the first word is the given name, the rest
        the surname with its prefix. One word is taken as the surname."""
        words = tidy(typed).split(" ")
        if len(words) < 2:
            return cls(surname=words[0] if words else "")
        return cls(given_name=words[0], surname=" ".join(words[1:]))

    def surname_with_prefix(self, *, capitalise_prefix: bool) -> str:
        """The surname with its prefix: "Van der Berg" at the start or after a
        title, "van der Berg" after a given name or initials. A prefix such as
        "'t" keeps its lower case."""
        if not self.surname:
            return ""
        prefix = self.surname_prefix
        if prefix and capitalise_prefix:
            prefix = prefix[0].upper() + prefix[1:]
        return f"{prefix} {self.surname}" if prefix else self.surname
