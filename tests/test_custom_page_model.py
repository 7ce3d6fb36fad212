"""A site that swaps Wagtail's Page (``WAGTAIL_PAGE_MODEL``, Wagtail 8) can use the package.

The variant settings in tests/custom_page_model/ build every test page on a
site's own base page. This runs ``check``, ``makemigrations --check`` and the
suites of the form pages, the audit, the bulk fix and the admin under them,
each in a fresh interpreter (a page model can only be swapped at start-up).
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from wagtail.models import Page

ROOT = Path(__file__).resolve().parent.parent
VARIANT = "tests.custom_page_model.settings"
SUITES = [
    "tests/test_form_page.py",
    "tests/test_admin.py",
    "tests/test_audit.py",
    "tests/test_audit_admin.py",
    "tests/test_audit_command.py",
    "tests/test_bulk_fix.py",
    "tests/test_shared_question.py",
]

pytestmark = [
    pytest.mark.skipif(not Page._meta.swappable, reason="only Wagtail 8+ can swap its page model"),
    pytest.mark.skipif(
        os.environ.get("WIF_TEST_DATABASE") == "postgres",
        reason="the variant runs on SQLite; the database adds nothing to what it checks",
    ),
]


def run(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": VARIANT}
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=900
    )


def test_checks_and_migrations_are_clean_with_a_swapped_page_model():
    checked = run("-m", "django", "check", "--fail-level", "WARNING")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    # Our migrations name the page model through the setting: nothing to make.
    migrations = run("-m", "django", "makemigrations", "--check", "--dry-run")
    assert migrations.returncode == 0, migrations.stdout + migrations.stderr
    assert "No changes detected" in migrations.stdout


def test_forms_audit_bulk_fix_and_admin_work_with_a_swapped_page_model():
    result = run("-m", "pytest", "-q", "-p", "no:cacheprovider", "--ds", VARIANT, *SUITES)
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-2000:]
    assert " passed" in result.stdout and " failed" not in result.stdout
