"""Benchmark: the audit of N form pages against loading them with Wagtail's ORM alone.

Builds N form pages with 12 fields each (a realistic mix: one in three with an
old man/vrouw question, four fields labelled differently on every page) in a
throw-away SQLite database, then times

- stock: loading the same pages and their fields through Wagtail's ORM, and
- audit: ``describe_forms()`` + ``audit_forms()``, everything the command does
  except printing,

and reports the ratio audit/stock (target: at most 2) and the query counts
(which must not grow with N). Run from the repository root:

    .venv/bin/python benchmarks/audit.py --pages 5000
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup_django(database: str) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.settings"
    os.environ.pop("WIF_TEST_DATABASE", None)
    import django
    from django.conf import settings

    django.setup()
    settings.DATABASES["default"]["NAME"] = database
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


FIELDS = [
    ("Voornaam", "singleline", ""),
    ("Achternaam", "singleline", ""),
    ("E-mailadres", "email", ""),
    ("Telefoonnummer", "singleline", ""),
    ("Straat en huisnummer", "singleline", ""),
    ("Postcode", "singleline", ""),
    ("Woonplaats", "singleline", ""),
    ("Onderwerp", "dropdown", "Afval\nParkeren\nBelastingen"),
    ("Uw vraag", "multiline", ""),
    ("Gewenste datum", "date", ""),
    ("Naam van de vader of moeder", "singleline", ""),
    ("Geslacht", "dropdown", "Man\nVrouw"),
]


# Fields whose label differs on every page, so the audit cannot reuse earlier
# verdicts for them (sites built from one template repeat the others).
UNIQUE_PER_PAGE = {0, 7, 8, 10}


def build(pages: int) -> None:
    from wagtail.models import Site

    from tests.testapp.models import FormField, FormPage

    home = Site.objects.get(is_default_site=True).root_page  # made by Wagtail's migrations
    fields = []
    for index in range(pages):
        page = home.add_child(instance=FormPage(title=f"Formulier {index}", slug=f"formulier-{index}"))
        for order, (label, field_type, choices) in enumerate(FIELDS):
            if field_type == "dropdown" and label == "Geslacht" and index % 3:
                field_type, choices = "inclusive_gender", ""
            if order in UNIQUE_PER_PAGE:
                label = f"{label} (formulier {index})"  # no two pages alike here
            fields.append(
                FormField(
                    page=page,
                    sort_order=order,
                    label=label,
                    field_type=field_type,
                    choices=choices,
                    clean_name=f"veld_{order}",
                )
            )
    FormField.objects.bulk_create(fields, batch_size=2000)


def measure(function) -> tuple[float, int, object]:
    from django.db import connection, reset_queries

    connection.force_debug_cursor = True
    reset_queries()
    start = time.perf_counter()
    result = function()
    elapsed = time.perf_counter() - start
    queries = len(connection.queries)
    connection.force_debug_cursor = False
    return elapsed, queries, result


def stock_load():
    from tests.testapp.models import FormPage

    pages = (
        FormPage.objects.select_related("latest_revision").prefetch_related("form_fields").order_by("path")
    )
    return sum(len(list(page.get_form_fields())) for page in pages)


def audit():
    from wagtail_inclusive_forms.audit import audit_forms
    from wagtail_inclusive_forms.sources import describe_forms

    return audit_forms(describe_forms())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=500, help="number of form pages (default 500, try 5000)")
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs (default 3)")
    arguments = parser.parse_args()
    if not 1 <= arguments.pages <= 20000:
        parser.error("--pages must be between 1 and 20000")

    with tempfile.TemporaryDirectory() as folder:
        setup_django(os.path.join(folder, "benchmark.sqlite3"))
        print(f"building {arguments.pages} form pages with {len(FIELDS)} fields each ...", flush=True)
        build(arguments.pages)
        stock = min((measure(stock_load) for _ in range(arguments.repeat)), key=lambda run: run[0])
        ours = min((measure(audit) for _ in range(arguments.repeat)), key=lambda run: run[0])
        report = ours[2]
        print(f"pages: {arguments.pages}, fields: {stock[2]}")
        print(f"stock Wagtail ORM load: {stock[0]:.3f} s, {stock[1]} queries")
        print(f"audit (sources + rules): {ours[0]:.3f} s, {ours[1]} queries")
        print(f"forms asking sex or gender: {len(report.asking_page_ids)}, findings: {len(report.rows)}")
        ratio = ours[0] / stock[0]
        print(f"ratio audit/stock: {ratio:.2f} (target <= 2)")


if __name__ == "__main__":
    main()
