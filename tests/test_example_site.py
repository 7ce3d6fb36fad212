"""Smoke test of the demo site: it migrates, loads its demo once, and its pages answer.

Runs the example project's own manage.py in a subprocess (it has its own settings)
on a throw-away SQLite database.
"""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

EXAMPLE = Path(__file__).resolve().parent.parent / "example_site"

CHECK_PAGES = """
import json
from django.test import Client
from django.contrib.auth import get_user_model
from wagtail.models import Page
from voorbeeldstad.models import FormPage, StreamFormPage
client = Client()
pages = [p.specific for p in Page.objects.live().type(FormPage, StreamFormPage)]
result = {"statuses": {p.slug: client.get(p.url).status_code for p in pages}}
result["home"] = client.get("/").status_code
afspraak = FormPage.objects.get(slug="afspraak-maken")
typed = client.post(afspraak.url, {"achternaam": "Jansen", "e_mailadres": "a@example.org",
                                   "product": "Paspoort", "datum": "2026-12-24",
                                   "hoe_wilt_u_aangesproken_worden": "address_custom",
                                   "hoe_wilt_u_aangesproken_worden_description": "dokter Jansen"})
typed = typed.content.decode()
result["typed_salutation"] = "Beste dokter Jansen," in typed
latest = afspraak.get_submissions().order_by("-id").first()
result["stored"] = latest.form_data["hoe_wilt_u_aangesproken_worden"]
anna = {"voornaam": "Anna", "achternaam": "van der Berg", "e_mailadres": "a@example.org",
        "product": "Paspoort", "datum": "2026-12-24", "hoe_wilt_u_aangesproken_worden": "address_ms"}
landing = client.post(afspraak.url, anna).content.decode()
result["landing_salutation"] = "Beste mevrouw Van der Berg," in landing
client.force_login(get_user_model().objects.get(username="admin"))
listing = client.get(f"/admin/forms/submissions/{afspraak.pk}/").content.decode()
result["listing_readable"] = "Spreek mij aan met: dokter Jansen" in listing and "Alleen mijn naam" in listing
dashboard = client.get("/admin/inclusive-forms/audit/").content.decode()
vacancy = client.get(Page.objects.get(slug="vacature-beleidsmedewerker").url).content.decode()
result["content_checker"] = "inclusive-forms-gendered-wording" in vacancy and "wording-check.js" in vacancy
result["dashboard"] = "13 van 17 formulieren vragen naar sekse of gender." in dashboard
waiting = "Eén opgeschoond formulier wacht op publicatie"
result["waiting"] = waiting in dashboard and "Klacht indienen" in dashboard
trend = dashboard.split("wif-trend-table")[-1].split("</table>")[0]
result["trend"] = "wif-trend-chart" in dashboard and trend.count("<tr>") == 4  # heading and 3 audits
compensation = FormPage.objects.get(slug="tegemoetkoming-geslachtsregistratie")
result["sensitive"] = sorted(compensation.get_sensitive_field_names())
print()
print(json.dumps(result))
"""

OPEN_LINK = """
from django.test import Client
print(Client().get("%(path)s").content.decode())
"""


def manage(*args, db):
    env = {**os.environ, "VOORBEELDSTAD_DB": str(db), "DJANGO_SETTINGS_MODULE": "example_site.settings.dev"}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=EXAMPLE, env=env, capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    manage("migrate", "--noinput", "-v0", db=db)
    first = manage("load_demo", db=db)
    second = manage("load_demo", db=db)
    return db, first, second


def test_demo_loads_at_least_fifteen_forms_once(demo_db):
    _db, first, second = demo_db
    assert "17 forms added, 17 in total" in first
    assert "0 forms added, 17 in total" in second


def test_demo_pages_answer_and_store_inclusive_answers(demo_db):
    db, _first, _second = demo_db
    output = manage("shell", "-c", CHECK_PAGES, db=db)
    result = json.loads(output.strip().splitlines()[-1])
    assert result["home"] == 200
    assert len(result["statuses"]) == 17 and set(result["statuses"].values()) == {200}
    assert result["stored"] == {"answer": "address_custom", "description": "dokter Jansen"}
    assert result["listing_readable"]
    assert result["landing_salutation"]
    assert result["typed_salutation"]  # the demo site uses what people type after "Spreek mij aan met"
    assert result["dashboard"]  # load_demo ran the first audit
    assert result["content_checker"]  # editors see "(m/v)" in Wagtail's checks on the vacancy
    assert result["trend"]  # three audits: two of the site as it was, and today's
    assert result["waiting"]  # and left one form cleaned up in a draft, waiting for publication
    # The evidence of the compensation form is for people with need-to-know only.
    assert result["sensitive"] == [
        "bewijsstukken_die_u_meestuurt",
        "naam_en_adres_van_de_arts_alleen_bij_toestemming",
    ]
    # The confirmation e-mail goes to the console in the demo, with the Den Haag salutation.
    assert "To: a@example.org" in output and "Beste mevrouw Van der Berg," in output
    # ... with the personal link to change or withdraw the answer, which opens in the demo's layout.
    # Newer Django prints long lines quoted-printable, folded with "=" at the end of a line.
    link = re.search(r"http://\S+/afspraak-maken/antwoord-wijzigen/\S+/", output.replace("=\n", ""))
    assert link, output[-2000:]
    opened = manage("shell", "-c", OPEN_LINK % {"path": urlsplit(link.group(0)).path}, db=db)
    assert "Uw antwoorden wijzigen of intrekken" in opened and "Gemeente Voorbeeldstad" in opened


def test_the_demo_has_a_retention_period_with_submissions_due(demo_db, tmp_path):
    db, _first, _second = demo_db
    copy = tmp_path / "retention.sqlite3"
    shutil.copy(db, copy)
    dry_run = manage("apply_retention", db=copy)
    assert "Bewaard 365 dagen, daarna: de gevoelige antwoorden verwijderen, de rest bewaren." in dry_run
    due = int(re.search(r"Proefrun: (\d+) inzendingen", dry_run).group(1))
    assert due > 0
    applied = manage("apply_retention", "--apply", db=copy)
    assert f"Samenvatting: {due} inzendingen geanonimiseerd of verwijderd, 0 formulieren mislukt." in applied
    assert "Proefrun: 0 inzendingen" in manage("apply_retention", db=copy)


def test_example_site_passes_checks_and_has_its_migrations(demo_db):
    db, _first, _second = demo_db
    manage("check", "--fail-level", "WARNING", db=db)
    manage("makemigrations", "--check", "--dry-run", db=db)


def test_audit_finds_the_demo_forms_that_ask_sex(demo_db):
    db, _first, _second = demo_db
    summary = json.loads(manage("audit_forms", "--format", "json", db=db))["summary"]
    # The demo's old forms, its inclusive questions, and not the dog, the surname or the sizes.
    assert summary["forms_scanned"] == 17
    assert summary["forms_asking_sex_or_gender"] == 13
    assert summary["findings_by_code"]["salutation-from-sex"] == 4


def test_a_newcomer_fixes_every_form_and_the_audit_reaches_zero(demo_db, tmp_path):
    db, _first, _second = demo_db
    copy = tmp_path / "fixed.sqlite3"
    shutil.copy(db, copy)  # the other tests keep the demo as loaded
    preview = manage("fix_gender_questions", db=copy)
    assert "Proefrun: 10 formulieren zouden veranderen" in preview
    # The complaint form was cleaned up in a draft by load_demo: not planned again, but named.
    assert "Wacht op publicatie (in een concept opgeschoond): Klacht indienen (" in preview
    # The neighbourhood evening's question already asks what the standard asks: from now on it follows it.
    follows = "Geslacht [geslacht]: volgt de standaardvraag (wat de vraag vraagt, aangeboden antwoorden)"
    assert follows in preview
    out = manage("fix_gender_questions", "--apply", "--publish", db=copy)
    assert "Samenvatting: 10 opgeschoond en gepubliceerd." in out
    assert "Klacht indienen" in out.splitlines()[-1]  # still waiting: visitors see the old question
    complaint = "Page.objects.get(slug='klacht-indienen')"
    manage(
        "shell",
        "-c",
        f"from wagtail.models import Page; {complaint}.get_latest_revision().publish()",
        db=copy,
    )
    summary = json.loads(manage("audit_forms", "--format", "json", db=copy))["summary"]
    assert summary["findings_by_code"] == {}
    assert "Proefrun: 0 formulieren" in manage("fix_gender_questions", db=copy)
