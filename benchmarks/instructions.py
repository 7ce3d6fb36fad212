"""Benchmark by instruction count: the audit against its floor, an export or the
page editor against stock Wagtail's.

CPU time on a shared machine swings by 20-40% from run to run; the number of
instructions a run executes (Valgrind's cachegrind) is the same every time, so
a change of a few percent shows. It is not time: cache misses, memory and the
garbage collector's pauses weigh differently, so read it beside the CPU-time
benchmarks (``audit.py``, ``submissions.py``), never instead of them.

Each side runs in its own process under cachegrind, on a copy of one database built
first: a baseline that loads Django, the data and warms up (one run of every
side), and one process per side that does the same and then the measured work.
A side's count is its process's count minus the baseline's. Needs valgrind
(Debian: ``apt-get install valgrind``). Run from the repository root:

    .venv/bin/python benchmarks/instructions.py audit --pages 500
    .venv/bin/python benchmarks/instructions.py export --submissions 3000 --format csv
    .venv/bin/python benchmarks/instructions.py editor
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# What each benchmark compares: (stock or floor side, our side).
SIDES = {"audit": ("floor", "audit"), "export": ("stock", "ours"), "editor": ("stock", "ours")}


def build(kind: str, database: str, size: int) -> None:
    from benchmarks.audit import build_realistic, setup_django

    setup_django(database)
    if kind == "audit":
        print(build_realistic(size, 3))
        return
    from django.contrib.auth import get_user_model
    from wagtail.models import Page

    from benchmarks.form_requests import build as build_forms
    from benchmarks.submissions import add_submissions

    build_forms()
    get_user_model().objects.create_superuser("benchmark", "benchmark@example.org", "benchmark")
    if kind == "editor":
        return
    add_submissions({slug: Page.objects.get(slug=slug).pk for slug in ("stock", "ours")}, size)


def run(kind: str, database: str, side: str, export_format: str) -> None:
    """One process's work: the warm-up, then ``side`` unless it is the baseline."""
    from benchmarks.audit import setup_django

    setup_django(database, migrate=False)
    if kind == "audit":
        from benchmarks import audit

        work = {"floor": audit.floor, "audit": audit.audit}
    else:
        from django.contrib.auth import get_user_model
        from django.test import Client
        from django.urls import reverse
        from wagtail.models import Page

        from benchmarks.submissions import fetch

        client = Client()
        client.force_login(get_user_model().objects.get(username="benchmark"))

        def export(slug: str):
            url = reverse("wagtailforms:list_submissions", args=(Page.objects.get(slug=slug).pk,))
            return lambda: fetch(client, f"{url}?export={export_format}")

        def edit(slug: str):
            # The same request as form_requests.py's "editor GET (admin)".
            url = reverse("wagtailadmin_pages:edit", args=(Page.objects.get(slug=slug).pk,))
            return lambda: client.get(url)

        work_of = edit if kind == "editor" else export
        work = {"stock": work_of("stock"), "ours": work_of("ours")}
    for function in work.values():
        function()
    if side != "baseline":
        work[side]()


def count_instructions(arguments: list[str]) -> int:
    """Instructions one child process executes, as cachegrind reports them."""
    completed = subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]
        + [sys.executable, __file__, *arguments],
        capture_output=True,
        text=True,
        # Random string hashing changes how dicts and sets grow and iterate: fixed, runs repeat.
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    if completed.returncode:
        raise RuntimeError(f"a measured process failed:\n{completed.stderr[-2000:]}")
    found = re.search(r"I\s+refs:\s+([\d,]+)", completed.stderr)
    if not found:
        raise RuntimeError(f"cachegrind reported no instruction count:\n{completed.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "kind",
        choices=SIDES,
        help="audit: the audit against its floor; export: a submissions export; editor: the page editor",
    )
    parser.add_argument("--pages", type=int, default=500, help="audit: form pages (default 500)")
    parser.add_argument(
        "--submissions", type=int, default=3000, help="export: submissions per form (default 3000)"
    )
    parser.add_argument("--format", dest="export_format", choices=("csv", "xlsx"), default="csv")
    parser.add_argument("--child", nargs=2, metavar=("DATABASE", "SIDE"), help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child:
        run(arguments.kind, *arguments.child, arguments.export_format)
        return
    if not shutil.which("valgrind"):
        sys.exit("valgrind not found: install it to count instructions (Debian: apt-get install valgrind)")
    size = {"audit": arguments.pages, "export": arguments.submissions}.get(arguments.kind, 1)
    if not 1 <= size <= 200000:
        parser.error("--pages and --submissions must be between 1 and 200000")

    with tempfile.TemporaryDirectory() as folder:
        database = str(Path(folder) / "benchmark.sqlite3")
        build(arguments.kind, database, size)
        sides = ("baseline", *SIDES[arguments.kind])
        for side in sides:  # a copy each: logging in writes a session
            shutil.copyfile(database, f"{database}.{side}")

        def count(side: str) -> int:
            return count_instructions(
                ["--format", arguments.export_format, arguments.kind, "--child", f"{database}.{side}", side]
            )

        with ThreadPoolExecutor(max_workers=len(sides)) as pool:
            counts = dict(zip(sides, pool.map(count, sides), strict=True))
    reference, ours = SIDES[arguments.kind]
    work = {side: counts[side] - counts["baseline"] for side in (reference, ours)}
    from benchmarks.form_requests import FIELDS

    unit = {
        "audit": f"{size} pages",
        "export": f"{size} submissions, {arguments.export_format}",
        "editor": f"GET of a form page of {len(FIELDS)} fields",
    }[arguments.kind]
    print(
        f"{arguments.kind} ({unit}): {ours} {work[ours]:,} instructions vs {reference} "
        f"{work[reference]:,}, ratio {work[ours] / work[reference]:.3f}"
    )


if __name__ == "__main__":
    main()
