"""The publish policy of a site: may a form that asks sex or gender in a way
the audit faults be published without a recorded legal basis? Plain Python.

``OFF`` publishes as Wagtail always does; ``WARN`` shows the findings and asks
the editor to confirm; ``BLOCK`` refuses, with the reason and the ways out:
record the legal basis, remove the question, or use the inclusive question
(optional, with its purpose), which the audit does not fault.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext_lazy as _

from .findings import GENDERED_LANGUAGE

OFF, WARN, BLOCK = "off", "warn", "block"
POLICY_LABELS = {
    OFF: _("Off: publish as usual"),
    WARN: _("Warn: show the findings and ask to confirm"),
    BLOCK: _("Block: refuse to publish"),
}


def publish_decision(
    policy: str, asks_sex_or_gender: bool, has_legal_basis: bool, finding_codes: Iterable[str] = ()
) -> str:
    """What publishing a form does under ``policy``: ``OFF`` (go ahead), ``WARN`` or ``BLOCK``.

    Held is a form that asks sex or gender, has no recorded legal basis, and
    whose question the audit faults (``finding_codes`` of the form: only man
    or woman, required, no purpose, a salutation by sex, ...). Wording alone
    does not hold a form; the inclusive question with its purpose passes.
    """
    faulted = set(finding_codes) - {GENDERED_LANGUAGE}
    if policy not in (WARN, BLOCK) or not asks_sex_or_gender or has_legal_basis or not faulted:
        return OFF
    return policy
