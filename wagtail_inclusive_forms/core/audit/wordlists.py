"""The audit's word lists, read from ``data/audit/`` so they are easy to extend.

Plain Python. Entries are lower case; they are matched as whole words or whole
answers, never inside other words ("man" is not in "manager").
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?")


def _lines(filename: str) -> list[str]:
    text = resources.files("wagtail_inclusive_forms").joinpath(f"data/audit/{filename}").read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


@cache
def words(listname: str) -> frozenset[str]:
    """The entries of ``data/audit/<listname>.txt``."""
    return frozenset(line.lower() for line in _lines(f"{listname}.txt"))


@cache
def gendered_terms() -> tuple[tuple[str, str], ...]:
    """(term, neutral suggestion) pairs, longest term first so "vaders en
    moeders" wins over "vader"."""
    pairs = []
    for line in _lines("gendered_language.tsv"):
        term, _tab, suggestion = line.partition("\t")
        pairs.append((term.strip().lower(), suggestion.strip()))
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


@cache
def phrase_pattern(listname: str) -> re.Pattern:
    """One compiled pattern for all entries of a list, as whole words or phrases."""
    entries = sorted(words(listname), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(entry) for entry in entries) + r")(?!\w)")


@cache
def gendered_suggestions() -> dict[str, str]:
    """Term -> neutral suggestion, for looking up what the pattern matched."""
    return dict(gendered_terms())


@cache
def gendered_pattern() -> re.Pattern:
    """All gendered terms in one pattern; at each place the longest term wins."""
    alternatives = "|".join(re.escape(term) for term, _suggestion in gendered_terms())
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


# ASCII bytes that \w does not match, as spaces: splitting a translated text
# gives exactly its runs of word characters, without a regular expression.
_NOT_WORD_TO_SPACE = bytes(
    byte if chr(byte).isascii() and re.fullmatch(r"\w", chr(byte)) else ord(" ") for byte in range(256)
)


@cache
def _first_words_of_gendered_terms() -> frozenset[bytes] | None:
    """Each term's first run of word characters, or None if a term has none."""
    firsts = set()
    for term, _suggestion in gendered_terms():
        run = re.search(r"\w+", term)
        if run is None or not run.group(0).isascii():
            return None
        firsts.add(run.group(0).encode("ascii"))
    return frozenset(firsts)


def may_hold_gendered_term(lowered: str) -> bool:
    """False only when :func:`gendered_pattern` cannot match the lower-case
    ``lowered``: plain ASCII text none of whose words starts a term. A term
    matches as whole words, so its first word is one of the text's words.
    Several times faster than the pattern on the many texts without any."""
    firsts = _first_words_of_gendered_terms()
    if firsts is None or not lowered.isascii():
        return True
    return not firsts.isdisjoint(lowered.encode("ascii").translate(_NOT_WORD_TO_SPACE).split())


def tokens(text: str) -> list[str]:
    """The words of a text, lower case, without punctuation."""
    return _WORD.findall((text or "").lower())


def normalise_answer(text: str) -> str:
    """An answer as compared with the lists: "Anders, namelijk:" -> "anders namelijk"."""
    return " ".join(tokens(text))
