"""Promises in a purpose text that the form's settings do not keep. Plain Python.

A purpose text that says "you can withdraw your answer" or "we keep it 30
days" must be true: the form has to offer the change link, and a retention
period no longer than promised. Vague promises ("no longer than needed") need
some retention period. Dutch and English wording is recognised.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext, ngettext

from ..purpose_texts import FormPromises

_WITHDRAW = re.compile(
    r"\bin\s+te\s+trekken\b|\bintrek\w*|\bingetrokken\b|\btrekt?\b.{0,40}\bin\b|\bwithdr[ae]w\w*", re.I
)
_KEEPING = re.compile(r"\bbewa\w*|\bkeep\w*|\bkept\b|\bretain\w*|\bstore\w*|\bbewaartermijn", re.I)
_PERIOD = re.compile(
    r"\b(\d{1,5})\s*(dagen|dag|days?|weken|week|weeks|maanden|maand|months?|jaren|jaar|years?)\b", re.I
)
_VAGUE = re.compile(
    r"niet\s+langer\s+dan\s+(nodig|noodzakelijk)|no\s+longer\s+than\s+(needed|necessary)", re.I
)
# The longest a unit can mean, in days: "1 maand" is kept by 31 days.
_UNIT_DAYS = {"da": 1, "we": 7, "ma": 31, "mo": 31, "ja": 366, "ye": 366}


def promised_days(text: str) -> int | None:
    """The longest retention a text promises in days (None: it names no period)."""
    if not _KEEPING.search(text):
        return None
    periods = [int(number) * _UNIT_DAYS[unit[:2].lower()] for number, unit in _PERIOD.findall(text)]
    return max(periods) if periods else None


def unkept_promises(text: str, promises: FormPromises) -> list[str]:
    """Each promise in ``text`` the form does not keep, in words."""
    text = text or ""
    unkept = []
    if _WITHDRAW.search(text) and not promises.change_link:
        unkept.append(gettext("that people can withdraw their answer (the form sends no change link)"))
    days = promised_days(text)
    kept = promises.retention_days
    if days is not None and (kept is None or kept > days):
        unkept.append(
            ngettext(
                "a retention of %(promised)d day (the form keeps answers %(actual)s)",
                "a retention of %(promised)d days (the form keeps answers %(actual)s)",
                days,
            )
            % {"promised": days, "actual": _actual(kept)}
        )
    elif days is None and _VAGUE.search(text) and kept is None:
        unkept.append(gettext("that answers are not kept longer than needed (no retention period is set)"))
    return unkept


def _actual(days: int | None) -> str:
    if days is None:
        return gettext("without end")
    return ngettext("%(days)d day", "%(days)d days", days) % {"days": days}
