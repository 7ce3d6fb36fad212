"""Take the documentation's screenshots (docs/images) from the demo site.

Loads the demo into a throw-away database, serves it on a free loopback port
and photographs the admin pages with Debian's Chromium (Playwright), so the
pictures in README.md and docs/ show the package as it is. Run it after a
change to one of these pages:

    .venv/bin/python scripts/screenshots.py
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "example_site"
IMAGES = ROOT / "docs" / "images"
CHROMIUM = os.environ.get("WIF_CHROMIUM", "/usr/bin/chromium")
# The demo's parking permit form still asks "Geslacht: Man / Vrouw" in a dropdown.
OLD_FORM = "from wagtail.models import Page; print(Page.objects.get(slug='parkeervergunning').pk)"


def manage(env, *args) -> str:
    done = subprocess.run(  # noqa: S603 - our own manage.py, fixed arguments
        [sys.executable, "manage.py", *args], cwd=EXAMPLE, env=env, check=True, capture_output=True, text=True
    )
    return done.stdout


def serve(env) -> tuple[subprocess.Popen, str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(  # noqa: S603 - our own manage.py, fixed arguments
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=EXAMPLE,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _attempt in range(100):
        try:
            urllib.request.urlopen(base + "/admin/login/", timeout=2)  # noqa: S310 - http on loopback
            return server, base
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("The demo server did not start.")


def photograph(base: str, old_form_id: int) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 1100}).new_page()
        page.goto(base + "/admin/login/")
        page.fill("input[name=username]", "admin")
        page.fill("input[name=password]", "voorbeeldstad")
        page.locator("form button[type=submit]").first.click()
        page.wait_for_load_state()

        page.goto(base + "/admin/inclusive-forms/audit/")
        page.screenshot(path=IMAGES / "audit-dashboard.png")
        page.goto(base + "/admin/inclusive-forms/audit/fix/")
        page.screenshot(path=IMAGES / "bulk-fix-preview.png")

        # The editor's guidance beside an old man/woman question of the demo.
        page.goto(base + f"/admin/pages/{old_form_id}/edit/")
        marker = page.locator(".wif-field-guidance").first
        marker.wait_for()
        # From the advice down to the old choices, in a window tall enough to need no scrolling.
        page.set_viewport_size({"width": 1280, "height": 3200})
        question = page.locator("[data-inline-panel-child]").filter(has=marker)
        top, bottom = marker.bounding_box(), question.locator("textarea[name$='-choices']").bounding_box()
        clip = {"x": top["x"] - 16, "y": top["y"] - 16, "width": top["width"] + 32}
        clip["height"] = bottom["y"] + bottom["height"] + 16 - clip["y"]
        page.screenshot(path=IMAGES / "editor-guidance.png", clip=clip)
        browser.close()


def main() -> None:
    with tempfile.TemporaryDirectory() as directory:
        env = {
            **os.environ,
            "VOORBEELDSTAD_DB": str(Path(directory) / "demo.sqlite3"),
            "DJANGO_SETTINGS_MODULE": "example_site.settings.dev",
        }
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "load_demo")
        old_form = manage(env, "shell", "-c", OLD_FORM).split()[-1]
        server, base = serve(env)
        try:
            photograph(base, int(old_form))
        finally:
            server.terminate()
            server.wait()
    print(f"Screenshots written to {IMAGES}")


if __name__ == "__main__":
    main()
