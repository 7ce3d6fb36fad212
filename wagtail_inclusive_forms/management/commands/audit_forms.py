"""``manage.py audit_forms``: report every sex/gender question and gendered wording.

For people and for CI pipelines: ``--format table|json|csv``, ``--site`` to
limit the audit to one site, and ``--fail-on <code or severity>`` to exit with
status 1 when such findings exist (status 2 means the command was misused).
"""

from __future__ import annotations

import csv
import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ...core.audit import FINDING_TYPES, SEVERITIES, AuditReport, audit_forms
from ...core.spreadsheets import safe_cell
from ...services.audit_runs import latest_run, store_report
from ...services.sources import describe_forms

FORMATS = ("table", "json", "csv")
COLUMNS = ("page_id", "title", "version", "where", "code", "severity", "message")


def find_site(value: str):
    """A site by id or hostname; CommandError listing the sites otherwise."""
    from wagtail.models import Site

    sites = list(Site.objects.all())
    for site in sites:
        if value in (str(site.pk), site.hostname, f"{site.hostname}:{site.port}"):
            return site
    known = ", ".join(f"{site.pk} ({site.hostname}:{site.port})" for site in sites) or "-"
    raise CommandError(f"Unknown site {value!r}. Sites: {known}.", returncode=2)


def find_user(username: str):
    """A user by username; CommandError (exit status 2) otherwise."""
    from django.contrib.auth import get_user_model

    try:
        return get_user_model()._default_manager.get_by_natural_key(username)
    except get_user_model().DoesNotExist:
        raise CommandError(f"Unknown user {username!r}.", returncode=2) from None


def report_rows(report: AuditReport) -> list[dict[str, str]]:
    return [
        {
            "page_id": str(row.form.page_id),
            "title": row.form.title,
            "version": row.form.version,
            "where": row.where,
            "code": row.finding.code,
            "severity": row.finding.severity,
            "message": row.finding.message,
        }
        for row in report.rows
    ]


def summary(report: AuditReport) -> dict:
    by_severity = report.counts_by_severity()
    return {
        "forms_scanned": len(report.page_ids),
        "forms_asking_sex_or_gender": len(report.asking_page_ids),
        "drafts_asking_sex_or_gender": len(report.draft_asking_page_ids),
        "findings_by_code": dict(sorted(report.counts_by_code().items())),
        "findings_by_severity": {level: by_severity.get(level, 0) for level in SEVERITIES},
    }


class Command(BaseCommand):
    help = "Audit every form of the site for sex/gender questions and gendered wording."

    def add_arguments(self, parser):
        parser.add_argument("--format", default="table", help=f"Output format: {', '.join(FORMATS)}.")
        parser.add_argument("--site", help="Only the forms of this site (id or hostname).")
        parser.add_argument(
            "--fail-on",
            help="Exit with status 1 when there are findings with this code, or of this severity "
            f"or worse. Codes: {', '.join(FINDING_TYPES)}; severities: {', '.join(SEVERITIES)}.",
        )
        parser.add_argument("--language", help="Language of the messages; default: LANGUAGE_CODE.")
        parser.add_argument(
            "--store", action="store_true", help="Also store the result for the dashboard and the report."
        )
        parser.add_argument(
            "--digest",
            action="store_true",
            help="Store the result and e-mail the findings that are new since the last stored run to the "
            "site's digest recipients (nothing is sent when nothing is new). For a nightly schedule.",
        )

    def handle(self, *args, **options):
        with translation.override(options["language"] or settings.LANGUAGE_CODE):
            self.run(options)

    def run(self, options):
        output_format = options["format"]
        if output_format not in FORMATS:
            raise CommandError(
                f"Unknown format {output_format!r}; use one of {', '.join(FORMATS)}.", returncode=2
            )
        fail_on = options["fail_on"]
        if fail_on and fail_on not in FINDING_TYPES and fail_on not in SEVERITIES:
            raise CommandError(
                f"Unknown --fail-on value {fail_on!r}; use a code ({', '.join(FINDING_TYPES)}) "
                f"or a severity ({', '.join(SEVERITIES)}).",
                returncode=2,
            )
        site = find_site(options["site"]) if options["site"] else None
        report = audit_forms(describe_forms(site))
        if options["digest"]:
            self.send_digest(report, site)
        elif options["store"]:
            store_report(report, site)
        getattr(self, f"write_{output_format}")(report)
        if fail_on:
            failing = (
                report.rows_at_or_above(fail_on)
                if fail_on in SEVERITIES
                else [row for row in report.rows if row.finding.code == fail_on]
            )
            if failing:
                raise CommandError(f"{len(failing)} findings match --fail-on {fail_on}.", returncode=1)

    def send_digest(self, report: AuditReport, site) -> None:
        from ...services.digest import digest_after

        previous = latest_run(site)
        fresh, recipients = digest_after(previous, store_report(report, site), site)
        if recipients:
            self.stderr.write(
                ngettext(
                    "Digest: %(count)d new finding sent to %(to)s.",
                    "Digest: %(count)d new findings sent to %(to)s.",
                    len(fresh),
                )
                % {"count": len(fresh), "to": ", ".join(recipients)}
            )
        else:
            self.stderr.write(_("Digest: nothing new to send."))

    def write_json(self, report: AuditReport) -> None:
        self.stdout.write(json.dumps({"summary": summary(report), "findings": report_rows(report)}, indent=2))

    def write_csv(self, report: AuditReport) -> None:
        writer = csv.DictWriter(self.stdout, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in report_rows(report):
            writer.writerow({key: safe_cell(value) for key, value in row.items()})

    def write_table(self, report: AuditReport) -> None:
        rows = report_rows(report)
        widths = {column: max([len(column)] + [len(row[column]) for row in rows]) for column in COLUMNS[:-1]}
        line = "  ".join(column.ljust(widths[column]) for column in COLUMNS[:-1]) + "  message"
        self.stdout.write(line)
        for row in rows:
            self.stdout.write(
                "  ".join(row[c].ljust(widths[c]) for c in COLUMNS[:-1]) + "  " + row["message"]
            )
        facts = summary(report)
        self.stdout.write("")
        self.stdout.write(
            ngettext(
                "%(asking)d of %(total)d forms asks sex or gender.",
                "%(asking)d of %(total)d forms ask sex or gender.",
                facts["forms_asking_sex_or_gender"],
            )
            % {"asking": facts["forms_asking_sex_or_gender"], "total": facts["forms_scanned"]}
        )
        for code, count in facts["findings_by_code"].items():
            self.stdout.write(f"  {code}: {count}")
