"""Every public form of the demo site has no axe-core violations (WCAG 2.2 A and AA).

The demo runs in its own server (its own settings and database, loaded with
``load_demo``); axe-core from npm (scripts/setup installs it in tests/browser/)
is injected into Debian's Chromium by Playwright. Each form is checked as it
loads, with the open field of "Ik identificeer me als" shown, and in the error
state. Skips when Chromium or axe-core is missing, fails instead in CI.
"""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.test_browser import CHROMIUM, browser, page_in  # noqa: F401 (fixtures)
from tests.test_example_site import EXAMPLE, manage

AXE = Path(__file__).resolve().parent / "browser" / "node_modules" / "axe-core" / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
RUN_AXE = """async (tags) => {
    const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
    return result.violations.map(v => ({
        rule: v.id, impact: v.impact, where: v.nodes.slice(0, 3).map(n => n.target.join(" ")),
    }));
}"""
FORM_URLS = """
import json
from wagtail.models import Page
from voorbeeldstad.models import FormPage, StreamFormPage
print(json.dumps([page.url for page in Page.objects.live().type(FormPage, StreamFormPage).specific()]))
"""

# A personal link to change the sensitive answers of the first demo submission that has them.
CHANGE_LINK = """
from voorbeeldstad.models import FormPage
links = (
    page.get_change_link(submission)
    for page in FormPage.objects.live()
    for submission in page.get_submission_class().objects.filter(page=page)
)
print(next(filter(None, links)))
"""

pytestmark = [pytest.mark.browser, pytest.mark.accessibility]


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory):
    """The demo site, loaded, served on a free loopback port."""
    if not AXE.exists():
        message = f"{AXE} not found: run scripts/setup (it installs axe-core with npm)"
        if os.environ.get("WIF_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    db = tmp_path_factory.mktemp("a11y") / "demo.sqlite3"
    manage("migrate", "--noinput", "-v0", db=db)
    manage("load_demo", db=db)
    urls = json.loads(manage("shell", "-c", FORM_URLS, db=db).strip().splitlines()[-1])
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "VOORBEELDSTAD_DB": str(db), "DJANGO_SETTINGS_MODULE": "example_site.settings.dev"}
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=EXAMPLE,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/", timeout=2)  # noqa: S310 (our own loopback server)
                break
            except OSError:
                time.sleep(0.2)
        yield base, urls, db
    finally:
        server.terminate()
        server.wait(timeout=10)


def violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    return page.evaluate(RUN_AXE, WCAG)


def test_every_demo_form_has_no_axe_violations_in_any_state(demo_server, page_in):  # noqa: F811
    base, urls, _db = demo_server
    assert len(urls) == 17
    page = page_in()
    found = {}
    for url in urls:
        page.goto(base + url)
        found[f"{url} (as loaded)"] = violations(page)
        opener = page.locator("[data-wif-opens-description]")
        if opener.count():
            opener.first.check()
            assert page.locator("[data-wif-description] input").first.is_visible()
            found[f"{url} (open field shown)"] = violations(page)
        # Sending with the open answer chosen but no text (or an empty form) gives errors.
        page.locator("form button[type=submit]").first.click()
        page.wait_for_load_state()
        if opener.count():
            assert page.locator(".errorlist").count(), f"{url}: no error state reached"
        found[f"{url} (after sending)"] = violations(page)
    failing = {state: found[state] for state in found if found[state]}
    assert failing == {}, json.dumps(failing, indent=1, ensure_ascii=False)


def test_the_page_to_change_answers_has_no_axe_violations(demo_server, page_in):  # noqa: F811
    """The page behind the demo's confirmation link, in the demo's layout."""
    base, _urls, db = demo_server
    link = manage("shell", "-c", CHANGE_LINK, db=db).strip().splitlines()[-1]
    page = page_in()
    page.goto(base + urllib.parse.urlsplit(link).path)
    assert page.locator("h1").inner_text() == "Uw antwoorden wijzigen of intrekken"
    assert violations(page) == []


ADMIN_PAGES = """
import json
from django.urls import reverse
from wagtail_inclusive_forms.services.audit_runs import latest_run, run_and_store_audit
run = latest_run() or run_and_store_audit()
form = run.asking_page_ids[0]
names = ["audit_dashboard", "audit_report", "purpose_records", "bulk_fix"]
urls = [reverse(f"wagtail_inclusive_forms:{name}") for name in names]
urls.append(reverse("wagtail_inclusive_forms:purpose_record", args=(form,)))
# The progress page of a long action: one still waiting for a worker, one done with its outcome.
from django.contrib.auth import get_user_model
from wagtail_inclusive_forms.models import AdminAction
admin = get_user_model().objects.get(username="admin")
outcome = {"page_id": form, "title": "Formulier", "status": "draft", "reason": "", "fields": ["Geslacht"],
           "texts": [], "follows": []}
actions = [
    AdminAction.objects.create(kind="bulk_fix", started_by=admin, total=3),
    AdminAction.objects.create(kind="bulk_fix", started_by=admin, total=2, done=2, status="done",
                               result={"outcomes": [outcome]}),
]
urls += [reverse("wagtail_inclusive_forms:admin_action", args=(action.pk,)) for action in actions]
print(json.dumps(urls))
"""


def test_every_addon_admin_page_has_no_axe_violations(demo_server, page_in):  # noqa: F811
    """The audit's dashboard, report, purpose records, bulk-fix preview, a
    form's purpose record and the progress page of a long action (running and
    done), as the demo's administrator sees them (light theme)."""
    base, _urls, db = demo_server
    urls = json.loads(manage("shell", "-c", ADMIN_PAGES, db=db).strip().splitlines()[-1])
    page = page_in()
    page.goto(base + "/admin/login/")
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", "voorbeeldstad")
    page.locator("form button[type=submit]").first.click()
    page.wait_for_load_state()
    found = {}
    for url in urls:
        page.goto(base + url)
        assert page.url == base + url, f"{url}: not shown to the administrator"
        assert page.locator("h1").count() == 1, url
        found[url] = violations(page)
    failing = {url: found[url] for url in found if found[url]}
    assert failing == {}, json.dumps(failing, indent=1, ensure_ascii=False)
