"""``manage.py apply_retention``: anonymise or delete form submissions whose
retention period (bewaartermijn) is over. A dry run unless ``--apply``.

Exit status: 0 done, 1 a page failed, 2 misuse (unknown site, user or page).
"""

from __future__ import annotations

from collections import Counter

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ...services.retention_runs import APPLIED, DUE, FAILED, STATUS_LABELS, run_retention
from .audit_forms import find_site, find_user


class Command(BaseCommand):
    help = "Anonymise or delete form submissions whose retention period is over."

    def add_arguments(self, parser):
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument("--dry-run", action="store_true", help="Only count what is due (the default).")
        mode.add_argument("--apply", action="store_true", help="Anonymise or delete what is due.")
        parser.add_argument("--site", help="Only the forms of this site (id or hostname).")
        parser.add_argument("--page", type=int, action="append", default=[], help="Only this page id.")
        parser.add_argument(
            "--user", help="Act as this user: only forms whose submissions they may manage in Wagtail."
        )
        parser.add_argument("--language", help="Language of the output; default: LANGUAGE_CODE.")

    def handle(self, *args, **options):
        with translation.override(options["language"] or settings.LANGUAGE_CODE):
            self.run(options)

    def run(self, options):
        from ...models.page_model import is_possible_page_id

        site = find_site(options["site"]) if options["site"] else None
        user = find_user(options["user"]) if options["user"] else None
        if wrong := [str(page) for page in options["page"] if not is_possible_page_id(page)]:
            raise CommandError(f"Not a page id: {', '.join(wrong)}.", returncode=2)
        outcomes = run_retention(site, options["page"] or None, apply=options["apply"], user=user)
        if options["page"] and not outcomes:
            raise CommandError(f"Not a form page: {', '.join(map(str, options['page']))}.", returncode=2)
        for outcome in outcomes:
            status = STATUS_LABELS[outcome.status]
            line = f"{outcome.page_id}  {outcome.title}: {outcome.policy.describe()} {status}"
            if outcome.status in (DUE, APPLIED):
                line += f" ({outcome.count})"
            self.stdout.write(line + (f" ({outcome.reason})" if outcome.reason else ""))
        counts = Counter()
        for outcome in outcomes:
            counts[outcome.status] += outcome.count if outcome.status in (DUE, APPLIED) else 1
        done, failed, due = counts[APPLIED], counts[FAILED], counts[DUE]
        if options["apply"]:
            summary = _("Summary: %(done)s, %(failed)s.") % {
                "done": ngettext(
                    "%(count)d submission anonymised or deleted",
                    "%(count)d submissions anonymised or deleted",
                    done,
                )
                % {"count": done},
                "failed": ngettext("%(count)d form failed", "%(count)d forms failed", failed)
                % {"count": failed},
            }
        else:
            summary = ngettext(
                "Dry run: %(due)d submission is due. Run again with --apply to act on it.",
                "Dry run: %(due)d submissions are due. Run again with --apply to act on them.",
                due,
            ) % {"due": due}
        self.stdout.write(summary)
        if counts[FAILED]:
            raise CommandError(f"{counts[FAILED]} forms could not be processed.", returncode=1)
