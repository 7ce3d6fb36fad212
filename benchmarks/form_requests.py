"""Benchmark: what a visitor's GET and POST of a form cost, against the same form in stock Wagtail.

Builds, in a throw-away SQLite database, a stock Wagtail form page
(``StockFormPage``: Wagtail's ``FormMixin`` and ``EmailFormMixin`` only) and
the package's form page with the same 12 fields, one of them the sex question
(a "Man/Vrouw" radio on the stock page, the inclusive question on ours), both
mailing staff to Django's in-memory mail backend. Ours is measured twice: with
the question's own purpose text, and with salutation and confirmation e-mail.

Last, an editor opens each page in Wagtail's page editor: the stock page, and
ours (the package adds the audit notice, the salutation and confirmation panels
and, on each form field, the inclusive question's settings). Then the same page
of ours twice, with its own panels and with the panels stock Wagtail gives the
same fields: that ratio is the package's own cost in the editor.

Requests go through Django's test client (the whole middleware stack, no
network; templates render as on a real site, without the test environment's
per-template instrumentation). A and B alternate request by request, so both see the same machine
state, and take turns going first; the first request of each page is reported
separately (cold: that page's caches empty, after one request to the home page
warmed Django itself), the rest as the median CPU time (warm). Queries are counted with
an execute wrapper. Run from the repository root:

    .venv/bin/python benchmarks/form_requests.py --repeat 300
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.audit import FIELDS, setup_django  # noqa: E402 - after the path is set
from benchmarks.measure import measure  # noqa: E402

DATA = {
    "veld_0": "Anna",
    "veld_1": "Berg",
    "veld_2": "anna@example.org",
    "veld_3": "0612345678",
    "veld_4": "Dorpsstraat 1",
    "veld_5": "1234 AB",
    "veld_6": "Voorbeeldstad",
    "veld_7": "Afval",
    "veld_8": "Wanneer wordt het grofvuil opgehaald?",
    "veld_9": "2026-12-03",
    "veld_10": "",
}


def build() -> dict[str, str]:
    from wagtail.models import Site

    from tests.testapp.models import FormField, FormPage, StockFormField, StockFormPage

    home = Site.objects.get(is_default_site=True).root_page
    stock = home.add_child(instance=StockFormPage(title="Stock", slug="stock", to_address="team@example.org"))
    pages = {"stock": stock}
    for slug, options in (
        ("ours", {}),
        ("ours-confirmation", {"confirmation_email_enabled": True}),
    ):
        pages[slug] = home.add_child(
            instance=FormPage(title=slug, slug=slug, to_address="team@example.org", **options)
        )
    for order, (label, field_type, choices) in enumerate(FIELDS):
        name = f"veld_{order}"
        if label == "Geslacht":
            StockFormField.objects.create(
                page=stock,
                label=label,
                clean_name=name,
                field_type="radio",
                choices="Man\nVrouw",
                sort_order=order,
            )
            for slug in ("ours", "ours-confirmation"):
                FormField.objects.create(
                    page=pages[slug],
                    label=label,
                    clean_name=name,
                    field_type="inclusive_gender",
                    inclusive_purpose="We vragen dit om u goed aan te spreken.",
                    sort_order=order,
                )
            continue
        for slug in pages:
            model = StockFormField if slug == "stock" else FormField
            model.objects.create(
                page=pages[slug],
                label=label,
                clean_name=name,
                field_type=field_type,
                choices=choices,
                sort_order=order,
            )
    return {slug: page.url for slug, page in pages.items()}


def measure_request(client, method: str, url: str, data: dict | None) -> tuple[float, int]:
    """(CPU seconds, queries) of one request."""
    run = measure(lambda: client.post(url, data) if method == "post" else client.get(url))
    if run.result.status_code != 200:
        sys.exit(f"{method.upper()} {url} answered {run.result.status_code}")
    return run.cpu, run.queries


def compare(
    client,
    name: str,
    method: str,
    a: tuple[str, dict | None],
    b: tuple[str, dict | None],
    repeat: int,
    before: dict[str, Callable[[], None]] | None = None,
):
    """``before``: per side ("a", "b"), what to do (unmeasured) before each of its requests."""
    from django.core import mail

    runs: dict[str, list[tuple[float, int]]] = {"a": [], "b": []}
    for index in range(repeat):
        order = (("a", a), ("b", b)) if index % 2 else (("b", b), ("a", a))  # neither always first
        for key, (url, data) in order:
            if before:
                before[key]()
            runs[key].append(measure_request(client, method, url, data))
        mail.outbox.clear()
    cold = runs["b"][0][0] / runs["a"][0][0]
    warm_a = statistics.median(seconds for seconds, _queries in runs["a"][1:])
    warm_b = statistics.median(seconds for seconds, _queries in runs["b"][1:])
    print(
        f"{name}: warm {warm_b * 1000:.2f} ms vs stock {warm_a * 1000:.2f} ms, ratio {warm_b / warm_a:.2f}; "
        f"cold ratio {cold:.2f}; queries {runs['b'][-1][1]} vs {runs['a'][-1][1]}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=300, help="requests per page and case (default 300)")
    arguments = parser.parse_args()
    if not 3 <= arguments.repeat <= 100000:
        parser.error("--repeat must be 3..100000")
    with tempfile.TemporaryDirectory() as folder:
        setup_django(str(Path(folder) / "form_requests.sqlite3"))
        from django.conf import settings
        from django.contrib.auth import get_user_model
        from django.core import mail
        from django.test import Client
        from django.urls import reverse
        from wagtail.models import Page

        # The test settings send mail to Django's in-memory backend. Not Django's
        # setup_test_environment(): it makes every template render send a signal
        # that the test client answers by copying the template's context, a cost
        # per template (so per panel and widget) that no real request pays.
        mail.outbox = []
        settings.WAGTAIL_INCLUSIVE_FORMS_CONFIRMATION_EMAIL_RATE_LIMIT = None
        urls = build()
        client = Client()
        client.get("/")  # Django's own first-request costs, outside both measurements
        stock_post = {**DATA, "veld_11": "Vrouw"}
        our_post = {**DATA, "veld_11": "female"}
        print(f"{len(FIELDS)} fields, {arguments.repeat} requests each, interleaved; CPU time")
        compare(client, "GET", "get", (urls["stock"], None), (urls["ours"], None), arguments.repeat)
        compare(
            client, "POST", "post", (urls["stock"], stock_post), (urls["ours"], our_post), arguments.repeat
        )
        compare(
            client,
            "POST with confirmation e-mail",
            "post",
            (urls["stock"], stock_post),
            (urls["ours-confirmation"], our_post),
            arguments.repeat,
        )
        editor = Client()
        editor.force_login(get_user_model().objects.create_superuser("redacteur", "r@example.org", "x"))
        edit = {
            slug: reverse("wagtailadmin_pages:edit", args=(Page.objects.get(slug=slug).pk,)) for slug in urls
        }
        editor.get(edit["stock"])  # the admin's own first-request costs, outside both sides
        compare(
            editor, "editor GET (admin)", "get", (edit["stock"], None), (edit["ours"], None), arguments.repeat
        )
        # The same page and rows, once with the page's panels as stock Wagtail would show them.
        with_package, without_package = editor_panels()
        compare(
            editor,
            "editor GET, same page with and without the package's panels",
            "get",
            (edit["ours"], None),
            (edit["ours"], None),
            arguments.repeat,
            before={"a": without_package, "b": with_package},
        )


def editor_panels() -> tuple[Callable[[], None], Callable[[], None]]:
    """Two switches of the test form page's editor: its own panels (the package's
    included), and the panels stock Wagtail gives the same fields: no audit
    notice, salutation or confirmation panels, Wagtail's own form field panels."""
    from wagtail.admin.forms import WagtailAdminPageForm
    from wagtail.admin.panels import FieldPanel, InlinePanel, ObjectList, TabbedInterface
    from wagtail.admin.panels.page_utils import _get_page_edit_handler
    from wagtail.contrib.forms.models import AbstractFormField
    from wagtail.contrib.forms.panels import FormSubmissionsPanel
    from wagtail.models import Page

    from tests.testapp.models import FormPage

    content = [
        *Page.content_panels,
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", panels=AbstractFormField.panels),
        FieldPanel("thank_you_text"),
        FieldPanel("to_address"),
        FieldPanel("from_address"),
        FieldPanel("subject"),
    ]
    tabs = [
        ObjectList(content, heading="Content"),
        ObjectList(Page.promote_panels, heading="Promote"),
        ObjectList(Page.settings_panels, heading="Settings"),
    ]
    stock = TabbedInterface(tabs, base_form_class=WagtailAdminPageForm).bind_to_model(FormPage)
    ours = FormPage.get_edit_handler()

    def use(handler):
        # Wagtail keeps each page model's edit handler in this per-class cache.
        return lambda: _get_page_edit_handler.__setitem__(FormPage, lambda: handler)

    return use(ours), use(stock)


if __name__ == "__main__":
    main()
