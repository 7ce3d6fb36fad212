"""Benchmark: the bulk fix of N forms with S old submissions, against Wagtail's
own way of changing those forms (a new revision per page, published).

Builds N form pages of 12 fields, each with an old "Geslacht: Man/Vrouw"
question, in a throw-away SQLite database, and S submissions spread over them.
Copies of that database are then changed:

- stock: for every page, load it, change the field, ``save_revision()`` and
  ``publish()``: what an editor (or a hand-written script) does;
- fix: ``preview_fixes()`` + ``apply_fixes(publish=True)``, all the command does;
- fix without submissions: the same on a copy that has none.

Stock and fix run on fresh copies of the same database, interleaved over
``--rounds`` rounds and taking turns going first (``benchmarks/measure.py``).
It reports the CPU time ratio fix/stock (median, and the first round), the
peak memory of each in a separate pass and the query counts, which must be the
same with and without submissions. Run from the repository root:

    .venv/bin/python benchmarks/bulk_fix.py --pages 1000 --submissions 100000 --rounds 3
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.audit import build, setup_django  # noqa: E402 - after the path is set
from benchmarks.measure import compare, measure, on_copy, report, use_database  # noqa: E402


def make_all_old() -> list[int]:
    from tests.testapp.models import FormField, FormPage

    FormField.objects.filter(field_type="inclusive_gender").update(
        field_type="dropdown", choices="Man\nVrouw"
    )
    return list(FormPage.objects.order_by("pk").values_list("pk", flat=True))


def add_submissions(page_ids: list[int], total: int) -> None:
    from wagtail.contrib.forms.models import FormSubmission

    answers = ["Man", "Vrouw", "M", "V", "man", ""]
    batch = []
    for index in range(total):
        data = {"veld_0": f"Naam {index}", "veld_11": answers[index % len(answers)]}
        batch.append(FormSubmission(page_id=page_ids[index % len(page_ids)], form_data=data))
        if len(batch) == 5000:
            FormSubmission.objects.bulk_create(batch)
            batch = []
    FormSubmission.objects.bulk_create(batch)


def stock_fix(page_ids: list[int]) -> int:
    from tests.testapp.models import FormPage

    changed = 0
    for page_id in page_ids:
        page = FormPage.objects.get(pk=page_id)
        fields = list(page.form_fields.all())
        for field in fields:
            if field.field_type == "dropdown" and field.label == "Geslacht":
                field.field_type, field.choices, field.required = "inclusive_gender", "", False
                changed += 1
        page.form_fields = fields
        page.save_revision().publish()
    return changed


def our_fix() -> int:
    from wagtail_inclusive_forms.services.bulk_fix import apply_fixes, preview_fixes

    outcomes = apply_fixes([plan.page_id for plan in preview_fixes()], publish=True)
    return sum(len(outcome.fields) for outcome in outcomes)


def parse_size(description: str, pages: int, *, least_pages: int = 1, least_submissions: int = 0):
    """--pages and --submissions, checked: the size of a benchmark's site."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--pages", type=int, default=pages, help=f"number of form pages (default {pages})")
    parser.add_argument(
        "--submissions", type=int, default=100000, help="submissions in total (default 100000)"
    )
    parser.add_argument("--rounds", type=int, default=3, help="interleaved A/B rounds (default 3)")
    arguments = parser.parse_args()
    if (
        not least_pages <= arguments.pages <= 20000
        or not least_submissions <= arguments.submissions <= 2_000_000
        or not 1 <= arguments.rounds <= 50
    ):
        parser.error(
            f"--pages must be {least_pages}..20000, --submissions {least_submissions}..2000000 "
            "and --rounds 1..50"
        )
    return arguments


def main() -> None:
    arguments = parse_size(__doc__.splitlines()[0], 1000)

    with tempfile.TemporaryDirectory() as folder:
        base = os.path.join(folder, "base.sqlite3")
        setup_django(base)
        print(f"building {arguments.pages} forms and {arguments.submissions} submissions ...", flush=True)
        build(arguments.pages)
        page_ids = make_all_old()
        empty = os.path.join(folder, "empty.sqlite3")
        use_database(base)
        shutil.copy(base, empty)
        add_submissions(page_ids, arguments.submissions)
        use_database(base)

        comparison = compare(base, folder, lambda: stock_fix(page_ids), our_fix, arguments.rounds)
        without = on_copy(empty, folder, "without", lambda: measure(our_fix))

        print(f"forms: {arguments.pages}, old submissions: {arguments.submissions}")
        report(comparison, "stock Wagtail revisions", "bulk fix", "fields")
        queries = comparison.ours[0].queries
        same = "yes" if queries == without.queries else "NO"
        print(f"queries independent of submissions: {same} ({queries} with, {without.queries} without)")


if __name__ == "__main__":
    main()
