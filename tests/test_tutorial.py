"""The tutorial is true when followed literally in a brand-new ``wagtail start`` site.

The code blocks marked ``<!-- tested: ... -->`` in docs/tutorial/install.md are
pasted as they stand into a project made by ``wagtail start`` (a form app made by
``startapp``), which must then pass ``check`` and ``makemigrations --check``,
and serve a form page with the inclusive question through the tutorial's template.
"""

import ast
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TUTORIAL = ROOT / "docs" / "tutorial" / "install.md"


def snippets_of_the_tutorial() -> dict[str, str]:
    """The fenced code block after each ``<!-- tested: NAME -->`` marker, by NAME."""
    text = TUTORIAL.read_text(encoding="utf-8")
    found = re.findall(r"<!-- tested: ([\w.]+) -->\n```\w*\n(.*?)\n```", text, flags=re.S)
    return dict(found)


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A new ``wagtail start`` project with the tutorial's code pasted in."""
    snippets = snippets_of_the_tutorial()
    assert set(snippets) == {"settings", "models.py", "form_page.html"}
    folder = tmp_path_factory.mktemp("newsite")
    # The project's own settings, not this suite's, and no stale bytecode.
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    env["PYTHONDONTWRITEBYTECODE"] = "1"

    def run(*args: str) -> subprocess.CompletedProcess:
        result = subprocess.run(
            [sys.executable, *args], cwd=folder, env=env, capture_output=True, text=True, timeout=300
        )
        assert result.returncode == 0, f"{args}:\n{result.stdout}\n{result.stderr}"
        return result

    run("-c", "from wagtail.bin.wagtail import main; main()", "start", "mysite", str(folder))
    run("manage.py", "startapp", "contact")

    # Step 1: the apps the tutorial names, added to the project's own list.
    listed = ast.literal_eval(snippets["settings"].split("=", 1)[1].replace("# ...", ""))
    with open(folder / "mysite" / "settings" / "base.py", "a", encoding="utf-8") as settings_file:
        rest = f"[app for app in INSTALLED_APPS if app not in {listed!r}]"
        settings_file.write(f"\nINSTALLED_APPS = {listed!r} + ['contact'] + {rest}\n")
    # Step 2: the models, as they stand. Step 4: the template.
    (folder / "contact" / "models.py").write_text(snippets["models.py"] + "\n", encoding="utf-8")
    template = folder / "contact" / "templates" / "contact" / "form_page.html"
    template.parent.mkdir(parents=True)
    template.write_text(snippets["form_page.html"] + "\n", encoding="utf-8")
    # Step 3.
    run("manage.py", "makemigrations", "contact")
    run("manage.py", "migrate", "--noinput")
    return folder, run, snippets


def test_the_tutorials_models_pass_check_and_makemigrations_check(project):
    _folder, run, _snippets = project
    run("manage.py", "check", "--fail-level", "WARNING")
    result = run("manage.py", "makemigrations", "--check", "--dry-run")
    assert "No changes detected" in result.stdout


def test_the_tutorials_template_uses_blocks_of_wagtails_base_template(project):
    folder, _run, snippets = project
    base = (folder / "mysite" / "templates" / "base.html").read_text(encoding="utf-8")
    for block in re.findall(r"{% block (\w+) %}", snippets["form_page.html"]):
        assert f"{{% block {block} %}}" in base, f"base.html of wagtail start has no block {block}"


def test_a_form_page_built_as_the_tutorial_says_shows_the_question_and_its_script(project):
    _folder, run, _snippets = project
    script = textwrap.dedent(
        """
        from django.test import Client
        from wagtail.models import Site
        from contact.models import FormField, FormPage

        home = Site.objects.get(is_default_site=True).root_page
        page = home.add_child(instance=FormPage(title="Contact", slug="contact", to_address="a@example.org"))
        FormField.objects.create(page=page, label="Naam", field_type="singleline", sort_order=0)
        FormField.objects.create(page=page, label="Geslacht", field_type="inclusive_gender", sort_order=1)
        page.save_revision().publish()
        response = Client().get(page.url)
        print("STATUS", response.status_code)
        print(response.content.decode())
        """
    )
    result = run("manage.py", "shell", "-c", script)
    status, html = re.search(r"^STATUS (\d+)\n(.*)", result.stdout, flags=re.S | re.M).groups()
    assert status == "200"
    # wagtail start makes an English site: the question speaks English there.
    assert "I identify as" in html
    assert "I&#x27;d rather not say" in html
    assert "inclusive-question.js" in html  # the form's media reached the page through extra_js
