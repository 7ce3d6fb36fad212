"""Benchmark: the audit of a realistic site against a floor that makes the same reads.

Builds, in a throw-away SQLite database, ``--sites`` sites with ``--pages`` form
pages between them, as a municipality's site looks after some years:

- form-builder pages (12 fields; one in three with an old man/vrouw question,
  the rest with the inclusive one; four labels differ on every page) and one
  in five a StreamField form; rich-text intro and thank-you text on each;
- every page published with two revisions, one in ten with a newer unpublished
  draft (a changed label and intro), and half as many content pages with rich
  text and StreamField text, one in fifty hiding an HTML form with a sex question.

It then measures, interleaved round by round and taking turns going first:

- floor: the same reads without the rules: the form pages of each type with
  their fields and latest revision, each draft loaded from its revision's JSON
  (as the audit does), every field and text touched, and the content pages'
  rich text and blocks read as plain rows;
- audit: ``describe_forms()`` + ``audit_forms()``, everything the command does
  except printing.

Reported: the ratio of median CPU times (warm: after one round), the cold
ratio (each side once in a fresh Python process), query counts (execute
wrapper; the audit's must not grow with pages or drafts, see the tests) and
peak memory in a separate pass. Wagtail's own draft rebuild
(``with_content_json``, a query per foreign key) is shown for comparison.
Run from the repository root:

    .venv/bin/python benchmarks/audit.py --pages 5000
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.measure import measure, peak_memory  # noqa: E402 - after the path is set


def setup_django(database: str, migrate: bool = True) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.settings"
    os.environ.pop("WIF_TEST_DATABASE", None)
    import django
    from django.conf import settings

    django.setup()
    settings.DATABASES["default"]["NAME"] = database
    if migrate:
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
        fields.extend(page_fields(page, index))
    FormField.objects.bulk_create(fields, batch_size=2000)


def page_fields(page, index: int) -> list:
    """The 12 fields of form ``index``: one in three with the old man/vrouw
    question, the others with the inclusive one."""
    from tests.testapp.models import FormField

    fields = []
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
    return fields


RICH_TEXT = (
    "<h2>Waarvoor is dit formulier?</h2><p>Met dit formulier vraagt u {what} aan. Vul alle velden "
    "in die u kent; wij nemen binnen <b>vijf werkdagen</b> contact met u op.</p>"
    '<ul><li>Houd uw DigiD bij de hand.</li><li>Zie ook <a href="/veelgestelde-vragen/">veelgestelde '
    "vragen</a>.</li></ul><p>Heeft u hulp nodig? Bel 14 0{index}.</p>"
)


def _publish_with_revisions(pages, draft_every: int) -> int:
    """Two revisions per page, the newest live; one page in ``draft_every``
    gets a newer draft. Written in bulk: Wagtail's own publish costs far more
    than the audit being measured."""
    from django.utils import timezone
    from wagtail.models import Revision

    now = timezone.now()
    own: dict[int, list] = {}  # page id -> its revisions, oldest first
    for index, page in enumerate(pages):
        content = page.serializable_data()
        contents = [content, content]  # an older revision and the live one
        if index % draft_every == 0:
            draft = dict(content, intro=RICH_TEXT.format(what="iets nieuws", index=index))
            if "form_fields" in draft:
                draft["form_fields"] = [
                    dict(field, label=f"{field['label']} (nieuw)") for field in draft["form_fields"]
                ]
            contents.append(draft)
        own[page.pk] = [
            Revision(
                content_object=page,
                base_content_type=page.get_content_type(),
                object_str=page.title,
                content=stored,
                created_at=now,
            )
            for stored in contents
        ]
    Revision.objects.bulk_create([revision for group in own.values() for revision in group], batch_size=1000)
    for page in pages:
        page.live_revision, page.latest_revision = own[page.pk][1], own[page.pk][-1]
        page.has_unpublished_changes = len(own[page.pk]) == 3
    type(pages[0]).objects.bulk_update(
        pages, ["live_revision", "latest_revision", "has_unpublished_changes"], batch_size=1000
    )
    return sum(len(group) == 3 for group in own.values())


def build_realistic(pages: int, sites: int) -> dict[str, int]:
    """The site described at the top; returns what it holds."""
    from wagtail.models import Page, Site

    from tests.testapp.models import ContentPage, FormField, FormPage, StreamFormPage

    root = Page.get_first_root_node()
    homes = [Site.objects.get(is_default_site=True).root_page]
    for number in range(1, sites):
        home = root.add_child(instance=Page(title=f"Gemeente {number}", slug=f"gemeente-{number}"))
        Site.objects.create(hostname=f"gemeente{number}.example", port=80, root_page=home)
        homes.append(home)
    builder, stream, content = [], [], []
    fields = []
    for index in range(pages):
        home = homes[index % sites]
        texts = {
            "intro": RICH_TEXT.format(what=f"dienst {index}", index=index),
        }
        if index % 5 == 4:
            body = [
                ("name", f"Naam (formulier {index})"),
                ("name", "E-mailadres"),
                ("gender", {"label": "Geslacht", "mode": "gender", "purpose": "", "required": False}),
            ]
            page = home.add_child(
                instance=StreamFormPage(title=f"Formulier {index}", slug=f"formulier-{index}", body=body)
            )
            stream.append(page)
            continue
        page = home.add_child(
            instance=FormPage(
                title=f"Formulier {index}",
                slug=f"formulier-{index}",
                thank_you_text="<p>Bedankt! U ontvangt een bevestiging per e-mail.</p>",
                **texts,
            )
        )
        builder.append(page)
        fields.extend(page_fields(page, index))
    FormField.objects.bulk_create(fields, batch_size=2000)
    for index in range(pages // 2):
        form = (
            "<form><label>Geslacht <select><option>Man</option><option>Vrouw</option></select></label></form>"
        )
        body = [("text", RICH_TEXT.format(what=f"informatie {index}", index=index))]
        if index % 50 == 0:
            body.append(("html", form))
        content.append(
            homes[index % sites].add_child(
                instance=ContentPage(
                    title=f"Informatie {index}",
                    slug=f"informatie-{index}",
                    intro=RICH_TEXT.format(what=f"uitleg {index}", index=index),
                    body=body,
                )
            )
        )
    drafts = sum(_publish_with_revisions(group, 10) for group in (builder, stream, content) if group)
    return {
        "form pages": len(builder) + len(stream),
        "stream forms": len(stream),
        "content pages": len(content),
        "drafts": drafts,
        "sites": sites,
    }


def floor():
    """The audit's reads without its rules (see the top)."""
    from wagtail.models import Site

    from wagtail_inclusive_forms.services.sources import (
        draft_for_reading,
        form_field_relations,
        form_page_models,
        html_content_fields,
        html_form_page_models,
        one_at_a_time,
        page_text_fields,
    )

    touched = 0
    roots = list(Site.objects.values_list("pk", "root_page__url_path"))
    for model in form_page_models():
        relations = form_field_relations(model)
        pages = model.objects.select_related("latest_revision").order_by("path")
        if relations:
            pages = pages.prefetch_related(*relations)
        text_fields = page_text_fields(model)
        for page in one_at_a_time(pages):
            versions = [page] if page.live else []
            if page.has_unpublished_changes and page.latest_revision is not None:
                versions.append(draft_for_reading(page, page.latest_revision.content))
            for version in versions:
                if hasattr(version, "iter_question_blocks"):
                    touched += sum(1 for _ in version.iter_question_blocks())
                else:
                    touched += sum(len(field.label) for field in version.get_form_fields())
                touched += sum(len(getattr(version, field.attname) or "") for field in text_fields)
    for model in html_form_page_models():
        names = [field.attname for field in html_content_fields(model)]
        for row in model.objects.live().order_by("path").values("pk", "title", "url_path", *names):
            for name in names:  # StreamFields as their stored blocks, as the audit reads them
                value = row[name]
                touched += len(list(value.raw_data) if hasattr(value, "raw_data") else value or "")
    return touched + len(roots)


def wagtail_drafts():
    """Every draft rebuilt the way Wagtail's revision API does it (for comparison)."""
    from wagtail_inclusive_forms.services.sources import form_page_models

    rebuilt = 0
    for model in form_page_models():
        for page in model.objects.select_related("latest_revision").filter(has_unpublished_changes=True):
            rebuilt += bool(page.with_content_json(page.latest_revision.content).title)
    return rebuilt


def audit() -> int:
    from wagtail_inclusive_forms.core.audit import audit_forms
    from wagtail_inclusive_forms.services.sources import describe_forms

    return len(audit_forms(describe_forms()).rows)


SIDES = {"floor": floor, "audit": audit}


def cold(database: str, rounds: int) -> dict[str, float]:
    """Each side in fresh Python processes, taking turns going first (median):
    imports, caches and the first database reads included."""
    times: dict[str, list[float]] = {side: [] for side in SIDES}
    for number in range(max(rounds, 2)):
        for side in list(SIDES) if number % 2 == 0 else reversed(SIDES):
            output = subprocess.run(
                [sys.executable, __file__, "--cold-run", side, "--database", database],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            times[side].append(json.loads(output.splitlines()[-1])["cpu"])
    return {side: statistics.median(values) for side, values in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=500, help="number of form pages (default 500, try 5000)")
    parser.add_argument("--sites", type=int, default=3, help="sites the pages are spread over (default 3)")
    parser.add_argument(
        "--rounds", type=int, default=3, help="interleaved rounds after a warm-up (default 3)"
    )
    parser.add_argument("--cold-run", choices=SIDES, help=argparse.SUPPRESS)
    parser.add_argument("--database", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.cold_run:
        setup_django(arguments.database, migrate=False)
        import wagtail_inclusive_forms.core.audit  # noqa: F401 - imports are not part of a run
        import wagtail_inclusive_forms.services.sources  # noqa: F401

        print(json.dumps({"cpu": measure(SIDES[arguments.cold_run]).cpu}))
        return
    if not 1 <= arguments.pages <= 20000 or not 1 <= arguments.sites <= 50:
        parser.error("--pages must be between 1 and 20000, --sites between 1 and 50")
    if arguments.rounds < 1:
        parser.error("--rounds must be at least 1")

    with tempfile.TemporaryDirectory() as folder:
        database = os.path.join(folder, "benchmark.sqlite3")
        setup_django(database)
        print(f"building {arguments.pages} form pages on {arguments.sites} sites ...", flush=True)
        print(
            ", ".join(
                f"{count} {name}" for name, count in build_realistic(arguments.pages, arguments.sites).items()
            )
        )
        from django.db import connections

        connections.close_all()  # the cold runs open the file themselves
        started_cold = cold(database, arguments.rounds)
        runs = {side: [] for side in SIDES}
        for side in SIDES:  # warm-up, not reported
            measure(SIDES[side])
        for number in range(arguments.rounds):
            for side in ("floor", "audit") if number % 2 == 0 else ("audit", "floor"):
                runs[side].append(measure(SIDES[side]))
        memory = {side: peak_memory(SIDES[side]) for side in SIDES}
        stock = measure(wagtail_drafts)
        for side in SIDES:
            cpu = statistics.median(run.cpu for run in runs[side])
            print(
                f"{side}: median CPU {cpu:.3f} s warm, {started_cold[side]:.3f} s cold, "
                f"{runs[side][0].queries} queries, peak memory {memory[side] / 2**20:.1f} MiB (separate pass)"
            )
        warm = statistics.median(r.cpu for r in runs["audit"]) / statistics.median(
            r.cpu for r in runs["floor"]
        )
        print(f"findings: {runs['audit'][0].result}")
        print(
            f"ratio audit/floor (CPU): warm {warm:.2f} (median of {arguments.rounds} interleaved rounds), "
            f"cold {started_cold['audit'] / started_cold['floor']:.2f}; target <= 1.5"
        )
        print(
            f"for comparison, Wagtail's with_content_json for the {stock.result} drafts alone: "
            f"{stock.cpu:.3f} s CPU, {stock.queries} queries"
        )


if __name__ == "__main__":
    main()
