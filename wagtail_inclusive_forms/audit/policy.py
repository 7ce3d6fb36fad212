"""The publish policy of a site: may a form that asks sex or gender be
published without a recorded legal basis? Plain Python.

``OFF`` publishes as Wagtail always does; ``WARN`` shows the findings and asks
the editor to confirm; ``BLOCK`` refuses, with the reason and the way out
(record the legal basis, or use the inclusive question and drop the duty).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

OFF, WARN, BLOCK = "off", "warn", "block"
POLICY_LABELS = {
    OFF: _("Off: publish as usual"),
    WARN: _("Warn: show the findings and ask to confirm"),
    BLOCK: _("Block: refuse to publish"),
}


def publish_decision(policy: str, asks_sex_or_gender: bool, has_legal_basis: bool) -> str:
    """What publishing a form does under ``policy``: ``OFF`` (go ahead), ``WARN`` or ``BLOCK``.
    Only a form that asks sex or gender without a recorded legal basis is held."""
    if policy not in (WARN, BLOCK) or not asks_sex_or_gender or has_legal_basis:
        return OFF
    return policy
