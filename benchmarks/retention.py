"""Benchmark: the retention run over S submissions on N forms, against doing it
with stock Django/Wagtail (load each due submission, remove the answers, save).

Builds N form pages (benchmarks.audit.build: two in three have an inclusive
question, which is sensitive) in a throw-away SQLite database, and S
submissions of which half are older than the 30-day retention period. Copies
are then anonymised:

- stock: per form, every due submission loaded, its sensitive answers removed
  in Python and saved (``Model.save``), as a site without the package would;
- retention run: ``run_retention(apply=True)``, all the command does;
- retention run on a copy with a hundredth of the submissions.

Stock and run go on fresh copies of the same database, interleaved over
``--rounds`` rounds and taking turns going first (``benchmarks/measure.py``).
It reports the CPU time ratio run/stock (median, and the first round), peak
memory in a separate pass, and query counts, which must be equal for both
sizes: one count and one UPDATE per form. Run from the repository root:

    .venv/bin/python benchmarks/retention.py --pages 100 --submissions 100000 --rounds 3
"""

from __future__ import annotations

import datetime
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.audit import build, setup_django  # noqa: E402 - after the path is set
from benchmarks.bulk_fix import parse_size  # noqa: E402
from benchmarks.measure import compare, measure, on_copy, report, use_database  # noqa: E402

RETENTION_DAYS = 30


def add_submissions(total: int) -> None:
    from django.utils import timezone
    from wagtail.contrib.forms.models import FormSubmission

    from tests.testapp.models import FormPage

    page_ids = list(FormPage.objects.order_by("pk").values_list("pk", flat=True))
    old = timezone.now() - datetime.timedelta(days=RETENTION_DAYS + 10)
    batch = []
    for index in range(total):
        data = {
            "veld_0": f"Naam {index}",
            "veld_8": "Mijn vraag gaat over de container in de straat. " * 3,
            "veld_11": {"answer": "self_described", "description": "non-binair"},
        }
        submission = FormSubmission(page_id=page_ids[index % len(page_ids)], form_data=data)
        batch.append(submission)
        if len(batch) == 5000:
            _save(batch, old)
            batch = []
    _save(batch, old)


def _save(batch, old) -> None:
    from wagtail.contrib.forms.models import FormSubmission

    created = FormSubmission.objects.bulk_create(batch)
    # Half of them are due: submit_time is set on creation, so move it afterwards.
    FormSubmission.objects.filter(pk__in=[item.pk for item in created[::2]]).update(submit_time=old)


def set_site_retention() -> None:
    from wagtail.models import Site

    from wagtail_inclusive_forms.models import InclusiveFormsSettings

    row = InclusiveFormsSettings.for_site(Site.objects.get(is_default_site=True))
    row.retention_days = RETENTION_DAYS
    row.save()


def stock_anonymise() -> int:
    from django.utils import timezone

    from tests.testapp.models import FormPage

    cutoff = timezone.now() - datetime.timedelta(days=RETENTION_DAYS)
    changed = 0
    for page in FormPage.objects.order_by("pk"):
        names = page.get_sensitive_field_names()
        if not names:
            continue
        due = page.get_submission_class().objects.filter(page=page, submit_time__lt=cutoff)
        for submission in due.iterator(chunk_size=2000):
            if names & submission.form_data.keys():
                for name in names:
                    submission.form_data.pop(name, None)
                submission.save(update_fields=["form_data"])
                changed += 1
    return changed


def our_anonymise() -> int:
    from wagtail_inclusive_forms.services.retention_runs import run_retention

    return sum(outcome.count for outcome in run_retention(apply=True))


def main() -> None:
    arguments = parse_size(__doc__.splitlines()[0], 100, least_pages=3, least_submissions=100)

    with tempfile.TemporaryDirectory() as folder:
        base = os.path.join(folder, "base.sqlite3")
        setup_django(base)
        print(f"building {arguments.pages} forms and {arguments.submissions} submissions ...", flush=True)
        build(arguments.pages)
        set_site_retention()
        small = os.path.join(folder, "small.sqlite3")
        use_database(base)
        shutil.copy(base, small)
        add_submissions(arguments.submissions)
        use_database(small)
        add_submissions(arguments.submissions // 100)
        use_database(base)

        comparison = compare(base, folder, stock_anonymise, our_anonymise, arguments.rounds)
        fewer = on_copy(small, folder, "fewer", lambda: measure(our_anonymise))

        print(f"forms: {arguments.pages}, submissions: {arguments.submissions}, due: half")
        report(comparison, "stock: load, change, save each", "retention run", "anonymised")
        queries = comparison.ours[0].queries
        same = "yes" if queries == fewer.queries else "NO"
        print(
            f"queries independent of submissions: {same} ({queries} with, {fewer.queries} with a hundredth)"
        )
        if comparison.stock[0].result != comparison.ours[0].result:
            sys.exit(
                f"the runs disagree: stock anonymised {comparison.stock[0].result}, "
                f"the retention run {comparison.ours[0].result}"
            )


if __name__ == "__main__":
    main()
