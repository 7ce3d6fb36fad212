"""``manage.py fix_gender_questions``: replace old sex questions by the standard question.

A dry run (the default) prints the plan per form. ``--apply`` saves each fixed
form as a new revision (a draft, or published with ``--publish``), page by page
in its own transaction, and ends with a summary. ``--page`` and ``--site``
select forms; ``--user`` attributes the revisions and checks that user's page
permissions. Exit status 1: a page failed; 2: the command was misused.
"""

from __future__ import annotations

from collections import Counter

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ...core.question import MODE_LABELS, setting_labels
from ...forms.form_builder import field_type_label
from ...services.audit_runs import latest_run, run_and_store_audit, waiting_for_publication
from ...services.bulk_fix import FAILED, STATUS_LABELS, apply_fixes, preview_fixes
from .audit_forms import find_site, find_user


class Command(BaseCommand):
    help = "Replace old sex/gender and Dhr./Mevr. questions by the site's standard inclusive question."

    def add_arguments(self, parser):
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument("--dry-run", action="store_true", help="Only show what would change (the default).")
        mode.add_argument("--apply", action="store_true", help="Change the forms: a new revision per page.")
        parser.add_argument(
            "--publish",
            action="store_true",
            help="With --apply: publish the new revisions (default: drafts).",
        )
        parser.add_argument(
            "--page", type=int, action="append", default=[], help="Only this page id (repeatable)."
        )
        parser.add_argument("--site", help="Only the forms of this site (id or hostname).")
        parser.add_argument(
            "--user", help="Username the revisions are saved as; their page permissions apply."
        )
        parser.add_argument("--language", help="Language of the output; default: LANGUAGE_CODE.")

    def handle(self, *args, **options):
        with translation.override(options["language"] or settings.LANGUAGE_CODE):
            self.run(options)

    def run(self, options):
        if options["publish"] and not options["apply"]:
            raise CommandError("--publish only works with --apply.", returncode=2)
        user = find_user(options["user"]) if options["user"] else None
        site = find_site(options["site"]) if options["site"] else None
        self.check_pages(options["page"])
        plans = preview_fixes(site, options["page"] or None)
        for plan in plans:
            self.write_plan(plan)
        if not options["apply"]:
            self.stdout.write(
                ngettext(
                    "Dry run: %(count)d form would change. Run again with --apply to change it.",
                    "Dry run: %(count)d forms would change. Run again with --apply to change them.",
                    len(plans),
                )
                % {"count": len(plans)}
            )
            self.write_waiting(site)
            return
        outcomes = apply_fixes([plan.page_id for plan in plans], user=user, publish=options["publish"])
        for outcome in outcomes:
            line = f"{outcome.page_id}  {outcome.title}: {STATUS_LABELS[outcome.status]}"
            self.stdout.write(line + (f" ({outcome.reason})" if outcome.reason else ""))
        if outcomes:
            run_and_store_audit(site, user)
        counts = Counter(outcome.status for outcome in outcomes)
        self.stdout.write(
            _("Summary: %(summary)s.")
            % {
                "summary": ", ".join(
                    f"{count} {STATUS_LABELS[status]}" for status, count in sorted(counts.items())
                )
                or "-"
            }
        )
        self.write_waiting(site)
        if counts[FAILED]:
            raise CommandError(f"{counts[FAILED]} pages could not be fixed.", returncode=1)

    def write_waiting(self, site) -> None:
        """Forms already cleaned up in a draft are not planned again, but visitors
        still see the old version: say so, or "nothing left to fix" misleads."""
        waiting = waiting_for_publication(latest_run(site))
        if waiting:
            self.stdout.write(
                ngettext(
                    "Waiting for publication (cleaned up in a draft): %(forms)s.",
                    "Waiting for publication (cleaned up in drafts): %(forms)s.",
                    len(waiting),
                )
                % {"forms": ", ".join(f"{form['title']} ({form['page_id']})" for form in waiting)}
            )

    def check_pages(self, page_ids: list[int]) -> None:
        """Every --page must be a form page: a typo should not look like "nothing to fix"."""
        from ...models.page_model import get_page_model, is_possible_page_id
        from ...services.sources import form_page_models

        if wrong := [str(page_id) for page_id in page_ids if not is_possible_page_id(page_id)]:
            raise CommandError(f"Not a page id: {', '.join(wrong)}.", returncode=2)
        forms = set(
            get_page_model()
            .objects.filter(pk__in=page_ids, content_type__in=self.form_content_types(form_page_models()))
            .values_list("pk", flat=True)
        )
        if wrong := [str(page_id) for page_id in page_ids if page_id not in forms]:
            raise CommandError(f"Not a form page: {', '.join(wrong)}.", returncode=2)

    @staticmethod
    def form_content_types(models):
        from django.contrib.contenttypes.models import ContentType

        return list(ContentType.objects.get_for_models(*models).values())

    def write_plan(self, plan) -> None:
        self.stdout.write(f"{plan.page_id}  {plan.title}")
        for fix in plan.fields:
            choices = f" ({' / '.join(fix.old_choices)})" if fix.old_choices else ""
            old = field_type_label(fix.old_type) + choices
            new = str(MODE_LABELS[fix.mode]) + ("" if fix.own_mode else f" [{_('as the standard question')}]")
            required = _("required") if fix.required else _("optional")
            self.stdout.write(f"  - {fix.label} [{fix.name}]: {old} -> {new}, {required}")
        for text in plan.texts:
            for change in text.changes:
                self.stdout.write(f"  - {text.where}: “{change.before}” -> “{change.after}”")
        for follow in plan.follows:
            settings = setting_labels(follow.settings)
            self.stdout.write(
                f"  - {follow.label} [{follow.name}]: {_('follows the standard question')} ({settings})"
            )
