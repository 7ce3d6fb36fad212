"""How long form answers are kept (bewaartermijn), and what happens after. Plain Python.

A site sets a default in its settings; a form's purpose record may set its
own. After the period a submission is either anonymised (its sensitive
answers removed, the rest kept) or deleted whole. No period: kept until
someone decides. ``wagtail_inclusive_forms.services.retention_runs`` applies it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

ANONYMISE, DELETE = "anonymise", "delete"
ACTIONS = {
    ANONYMISE: _("remove the sensitive answers, keep the rest"),
    DELETE: _("delete the whole submission"),
}
MAX_DAYS = 36500  # a hundred years: anything longer is a typo


@dataclass(frozen=True)
class RetentionPolicy:
    """``days`` None keeps submissions; otherwise ``action`` after that many days."""

    days: int | None = None
    action: str = ANONYMISE

    def cutoff(self, now: datetime.datetime) -> datetime.datetime | None:
        """Submissions sent before this moment are due."""
        return None if self.days is None else now - datetime.timedelta(days=self.days)

    def describe(self) -> str:
        """In words, for the form editor, the purpose record and the command."""
        if self.days is None:
            return str(_("No retention period: answers are kept until someone removes them."))
        period = ngettext("%(days)d day", "%(days)d days", self.days) % {"days": self.days}
        action = ACTIONS[self.action]
        return str(_("Kept %(period)s, then: %(action)s.") % {"period": period, "action": action})


def resolve_policy(site: RetentionPolicy, days: int | None = None, action: str = "") -> RetentionPolicy:
    """A form's policy: its own period and action where it sets them, else the site's."""
    return RetentionPolicy(
        days=site.days if days is None else days,
        action=action if action in ACTIONS else site.action,
    )
