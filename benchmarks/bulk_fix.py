"""Benchmark: the bulk fix of N forms with S old submissions, against Wagtail's
own way of changing those forms (a new revision per page, published).

Builds N form pages of 12 fields, each with an old "Geslacht: Man/Vrouw"
question, in a throw-away SQLite database, and S submissions spread over them.
Three copies of that database are then changed:

- stock: for every page, load it, change the field, ``save_revision()`` and
  ``publish()``: what an editor (or a hand-written script) does;
- fix: ``preview_fixes()`` + ``apply_fixes(publish=True)``, all the command does;
- fix without submissions: the same on a copy that has none.

It reports the time ratio fix/stock, the peak memory of each (tracemalloc) and
the query counts, which must be the same with and without submissions. Run
from the repository root:

    .venv/bin/python benchmarks/bulk_fix.py --pages 1000 --submissions 100000
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.audit import build, setup_django  # noqa: E402 - after the path is set


def use_database(path: str) -> None:
    from django.db import connections

    connections["default"].close()
    connections["default"].settings_dict["NAME"] = path


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
    from wagtail_inclusive_forms.bulk_fix import apply_fixes, preview_fixes

    outcomes = apply_fixes([plan.page_id for plan in preview_fixes()], publish=True)
    return sum(len(outcome.fields) for outcome in outcomes)


def traced(function):
    """(seconds, queries, result, peak bytes). Queries are counted as they run:
    Django's own query log keeps only the last 9,000."""
    from django.db import connection

    count = 0

    def counter(execute, sql, params, many, context):
        nonlocal count
        count += 1
        return execute(sql, params, many, context)

    tracemalloc.start()
    with connection.execute_wrapper(counter):
        start = time.perf_counter()
        result = function()
        elapsed = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return elapsed, count, result, peak


def parse_size(description: str, pages: int, *, least_pages: int = 1, least_submissions: int = 0):
    """--pages and --submissions, checked: the size of a benchmark's site."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--pages", type=int, default=pages, help=f"number of form pages (default {pages})")
    parser.add_argument(
        "--submissions", type=int, default=100000, help="submissions in total (default 100000)"
    )
    arguments = parser.parse_args()
    if (
        not least_pages <= arguments.pages <= 20000
        or not least_submissions <= arguments.submissions <= 2_000_000
    ):
        parser.error(f"--pages must be {least_pages}..20000 and --submissions {least_submissions}..2000000")
    return arguments


def print_run(name: str, run: tuple, counted: str) -> None:
    """One line of a ``traced`` run: time, queries, peak memory and what it did."""
    print(
        f"{name}: {run[0]:.2f} s, {run[1]} queries, peak memory {run[3] / 2**20:.1f} MiB, {counted} {run[2]}"
    )


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
        stock_copy = os.path.join(folder, "stock.sqlite3")
        shutil.copy(base, stock_copy)

        use_database(stock_copy)
        stock = traced(lambda: stock_fix(page_ids))
        use_database(base)
        ours = traced(our_fix)
        use_database(empty)
        without = traced(our_fix)

        print(f"forms: {arguments.pages}, old submissions: {arguments.submissions}")
        for name, run in (
            ("stock Wagtail revisions", stock),
            ("bulk fix", ours),
            ("bulk fix, 0 submissions", without),
        ):
            print_run(name, run, "fields")
        print(f"ratio fix/stock: {ours[0] / stock[0]:.2f}")
        same = "yes" if ours[1] == without[1] else "NO"
        print(f"queries independent of submissions: {same} ({ours[1]} with, {without[1]} without)")


if __name__ == "__main__":
    main()
