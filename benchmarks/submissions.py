"""Benchmark: the submissions listing and its CSV and XLSX exports, against stock Wagtail.

Builds, in a throw-away SQLite database, Wagtail's own form page
(``StockFormPage``) and the package's form page with the same 12 fields (a
"Man/Vrouw" radio on the stock page, the inclusive question on ours, whose
listing adds readable answers and a salutation column), each with the same
number of submissions, for every size in ``--sizes``. An administrator then
asks for each page's listing (first page), CSV export and XLSX export through
Django's test client, reading streamed responses to the end.

Stock and ours alternate request by request and take turns going first;
reported are the median CPU time ratio (ours/stock), queries per request
(execute wrapper) and, in a separate pass, the peak Python memory of one
request per size: flat from 10,000 to 100,000 means the export streams.
Run from the repository root:

    .venv/bin/python benchmarks/submissions.py --sizes 10000,100000
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.audit import setup_django  # noqa: E402 - after the path is set
from benchmarks.form_requests import DATA, build  # noqa: E402
from benchmarks.measure import measure, peak_memory  # noqa: E402

CASES = {"listing": "", "csv": "?export=csv", "xlsx": "?export=xlsx"}


def add_submissions(page_ids: dict[str, int], count: int) -> None:
    """``count`` more submissions on each page, the same answers on both."""
    from django.utils import timezone
    from wagtail.contrib.forms.models import FormSubmission

    answers = {"stock": ("Man", "Vrouw"), "ours": ({"answer": "male"}, {"answer": "female"})}
    now = timezone.now()
    for side, page_id in page_ids.items():
        FormSubmission.objects.bulk_create(
            (
                FormSubmission(
                    page_id=page_id,
                    submit_time=now,
                    form_data={**DATA, "veld_0": f"Persoon {index}", "veld_11": answers[side][index % 2]},
                )
                for index in range(count)
            ),
            batch_size=5000,
        )


def fetch(client, url: str) -> int:
    """One request, its response read to the end (a streamed export included)."""
    response = client.get(url)
    if response.status_code != 200:
        sys.exit(f"GET {url} answered {response.status_code}")
    # Counted, not kept: the response's own memory is what is measured.
    size = (
        sum(len(chunk) for chunk in response.streaming_content)
        if response.streaming
        else len(response.content)
    )
    response.close()
    return size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000", help="submissions per form, comma-separated")
    parser.add_argument("--repeat", type=int, default=5, help="requests per case and size (default 5)")
    parser.add_argument("--cases", default=",".join(CASES), help="of listing,csv,xlsx (default all)")
    arguments = parser.parse_args()
    try:
        sizes = sorted({int(size) for size in arguments.sizes.split(",")})
    except ValueError:
        parser.error("--sizes takes whole numbers separated by commas, such as 10000,100000")
    if not sizes or sizes[0] < 1 or sizes[-1] > 1_000_000 or not 2 <= arguments.repeat <= 1000:
        parser.error("--sizes must lie in 1..1000000 and --repeat in 2..1000")
    cases = arguments.cases.split(",")
    if not cases or set(cases) - set(CASES):
        parser.error(f"--cases takes some of {', '.join(CASES)}")

    with tempfile.TemporaryDirectory() as folder:
        setup_django(str(Path(folder) / "submissions.sqlite3"))
        from django.contrib.auth import get_user_model
        from django.test import Client
        from django.urls import reverse
        from wagtail.models import Page

        build()
        page_ids = {
            side: Page.objects.get(slug=slug).pk for side, slug in (("stock", "stock"), ("ours", "ours"))
        }
        user = get_user_model().objects.create_superuser("beheer", "beheer@example.org", "x")
        client = Client()
        client.force_login(user)
        urls = {side: reverse("wagtailforms:list_submissions", args=(pk,)) for side, pk in page_ids.items()}
        client.get(urls["stock"])  # Django's and the admin's first-request costs, outside both sides
        print(f"12 fields; {arguments.repeat} requests per case, interleaved; CPU time")
        held = 0
        for size in sizes:
            add_submissions(page_ids, size - held)
            held = size
            for case, query in ((case, CASES[case]) for case in cases):
                runs: dict[str, list] = {"stock": [], "ours": []}
                for index in range(arguments.repeat):
                    for side in ("stock", "ours") if index % 2 else ("ours", "stock"):
                        runs[side].append(measure(lambda url=urls[side] + query: fetch(client, url)))
                memory = {
                    side: peak_memory(lambda url=urls[side] + query: fetch(client, url)) for side in runs
                }
                cpu = {
                    side: statistics.median(run.cpu for run in side_runs) for side, side_runs in runs.items()
                }
                print(
                    f"{size} submissions, {case}: ours {cpu['ours'] * 1000:.0f} ms vs stock "
                    f"{cpu['stock'] * 1000:.0f} ms, ratio {cpu['ours'] / cpu['stock']:.2f}; queries "
                    f"{runs['ours'][-1].queries} vs {runs['stock'][-1].queries}; peak memory "
                    f"{memory['ours'] / 2**20:.1f} MiB vs {memory['stock'] / 2**20:.1f} MiB"
                )


if __name__ == "__main__":
    main()
