"""Gendered wording in a page's text, reported by Wagtail's own content
checker (the userbar's "Checks" and the page editor's checks panel, both run
by axe-core in the browser) as one more rule, from the audit's word list.

The ``construct_wagtail_userbar`` hook adds the rule to whichever content
checker item the site uses (Wagtail's, or its own subclass): the rule, its
check and its message go into the item's axe configuration, and a script
registers the check's test with the userbar (``registerCheck``), since a
configuration cannot carry code.
"""

from __future__ import annotations

from django.forms import Media
from django.utils.translation import gettext_lazy as _
from wagtail.admin.userbar import BaseItem, ContentCheckerItem

from ..core.audit.wordlists import gendered_terms

RULE = "inclusive-forms-gendered-wording"
# Also the rule's tag, for sites whose checker runs rules by tag.
TAG = "inclusive-forms"
# Where text is read: each term is reported on the innermost of these that holds it.
TEXT_ELEMENTS = (
    "p, li, h1, h2, h3, h4, h5, h6, td, th, dt, dd, blockquote, figcaption, caption, "
    "label, legend, option, summary, button"
)
AXE_TAG_PREFIXES = ("wcag", "best-practice", "cat.", "section508", "ACT", "EN-", "TT", "experimental", "RGAA")

MESSAGE = {
    "error_name": _("Gendered wording"),
    "help_text": _(
        "Write so the text speaks to everyone: “ouder” for “vader/moeder”, “u” for “heer/mevrouw”."
    ),
}


def wording_rule() -> dict:
    return {
        "id": RULE,
        "impact": "minor",
        "selector": TEXT_ELEMENTS,
        "tags": ["best-practice", TAG],
        "any": [RULE],
        "enabled": True,
    }


def wording_check() -> dict:
    """The check's options: the audit's terms, Dutch and English, matched as
    whole words or phrases, like the audit matches them on the server."""
    return {
        "id": RULE,
        "options": {"terms": [term for term, _suggestion in gendered_terms()], "selector": TEXT_ELEMENTS},
    }


def with_wording_rule(run_only):
    """``run_only`` (Wagtail's: rule ids, or tags) so that it also runs the rule."""
    if not run_only:  # every rule runs, this one too
        return run_only
    runs_tags = any(str(entry).startswith(AXE_TAG_PREFIXES) for entry in run_only)
    return [*run_only, TAG if runs_tags else RULE]


def add_wording_rule(item: ContentCheckerItem) -> None:
    """Add the rule to one content checker item, keeping what the site configured."""
    run_only, rules, checks, messages = (
        item.get_axe_run_only,
        item.get_axe_custom_rules,
        item.get_axe_custom_checks,
        item.get_axe_messages,
    )
    item.get_axe_run_only = lambda request: with_wording_rule(run_only(request))
    item.get_axe_custom_rules = lambda request: [*rules(request), wording_rule()]
    item.get_axe_custom_checks = lambda request: [*checks(request), wording_check()]
    item.get_axe_messages = lambda request: {**messages(request), RULE: MESSAGE}


class WordingCheckScript(BaseItem):
    """Renders nothing; brings the script with the check's test into the userbar."""

    def render_html(self, parent_context=None):
        return ""

    @property
    def media(self):
        return Media(js=["wagtail_inclusive_forms/admin/wording-check.js"])


def add_to_userbar(request, items, page=None) -> None:
    """The ``construct_wagtail_userbar`` hook."""
    checkers = [item for item in items if isinstance(item, ContentCheckerItem)]
    for item in checkers:
        add_wording_rule(item)
    if checkers:
        items.append(WordingCheckScript())
