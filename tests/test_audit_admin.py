"""The audit in the Wagtail admin: dashboard, report, export, permission."""

import csv
import io

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from tests.factories import (
    WITH_TRANSLATIONS,
    FormPageFactory,
    InclusiveFieldFactory,
    second_site_and_its_english_home,
)
from tests.test_audit_command import old_style_form
from wagtail_inclusive_forms.models import AuditRun
from wagtail_inclusive_forms.services.audit_runs import latest_run, run_and_store_audit

pytestmark = pytest.mark.django_db

DASHBOARD = "wagtail_inclusive_forms:audit_dashboard"
REPORT = "wagtail_inclusive_forms:audit_report"


@pytest.fixture
def privacy_officer(django_user_model):
    user = django_user_model.objects.create_user("privacy", "privacy@example.org", "password")
    group = Group.objects.create(name="Privacy")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="view_audit")
    )
    user.groups.add(group)
    return user


def test_dashboard_runs_the_audit_and_shows_the_totals(client, privacy_officer, root_page, form_page):
    old_style_form(root_page, "parkeren")
    client.force_login(privacy_officer)
    page = client.get(reverse(DASHBOARD)).content.decode()
    assert "Er is nog geen doorlichting gedaan." in page
    response = client.post(reverse(DASHBOARD), follow=True)
    html = response.content.decode()
    assert "2 van 2 formulieren vragen naar sekse of gender." in html
    soup = BeautifulSoup(html, "html.parser")
    counts = {
        row["data-code"]: row.find_all("td")[-1].get_text(strip=True)
        for row in soup.select("table.wif-audit-chart tbody tr")
    }
    assert (
        counts["binary-options"] == "1" and counts["required"] == "1" and counts["stigmatising-label"] == "0"
    )
    chart = soup.select_one("table.wif-audit-chart").get_text(" ", strip=True)
    # Names and severities in words, never the internal codes or a "…" for a missing term.
    assert "Alleen man of vrouw" in chart and "Genderspecifieke formulering" in chart and "hoog" in chart
    assert "binary-options" not in chart and "…" not in chart and "high" not in chart
    assert latest_run().started_by == privacy_officer


def test_report_lists_filters_and_exports_the_findings(client, privacy_officer, root_page):
    old_style_form(root_page, "parkeren")
    run_and_store_audit()
    client.force_login(privacy_officer)
    html = client.get(reverse(REPORT)).content.decode()
    assert "Alleen man en vrouw zijn te kiezen." in html and "Formulier parkeren" in html
    filtered = client.get(reverse(REPORT) + "?code=required").content.decode()
    assert "Sekse of gender moet worden ingevuld." in filtered and "Alleen man en vrouw" not in filtered
    response = client.get(reverse(REPORT) + "?export=csv")
    body = b"".join(response.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf")  # a byte order mark: spreadsheet programs read UTF-8
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert {row["Bevinding"] for row in rows} == {
        "Alleen man of vrouw",
        "Verplicht antwoord",
        "Geen doel vermeld",
    }
    assert {(row["Versie"], row["Ernst"]) for row in rows} == {
        ("gepubliceerd", "hoog"),
        ("gepubliceerd", "middel"),
    }
    assert all(row["Advies"] for row in rows)
    xlsx = client.get(reverse(REPORT) + "?export=xlsx")
    workbook = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content)))
    assert workbook.sheetnames == ["Bevindingen"]
    assert [cell.value for cell in workbook.active[2]][1:5] == [
        "gepubliceerd",
        "Geslacht",
        "Alleen man of vrouw",
        "hoog",
    ]


def test_report_filters_by_form_and_links_each_form_to_its_editor(client, privacy_officer, root_page):
    parking, permit = old_style_form(root_page, "parkeren"), old_style_form(root_page, "vergunning")
    run_and_store_audit()
    client.force_login(privacy_officer)
    soup = BeautifulSoup(client.get(reverse(REPORT)).content, "html.parser")
    options = {option.get_text(strip=True) for option in soup.select("select[name=page] option")}
    assert {"Formulier parkeren", "Formulier vergunning"} <= options
    links = {link["href"] for link in soup.select("td a")}
    assert reverse("wagtailadmin_pages:edit", args=(parking.pk,)) in links
    assert soup.select_one("td.wif-finding-message details summary").get_text(strip=True) == "Advies"
    filtered = client.get(reverse(REPORT) + f"?page={permit.pk}").content.decode()
    assert "Formulier vergunning" in filtered and "Formulier parkeren</a>" not in filtered


@pytest.mark.parametrize(
    "url_name, args, title",
    [
        (DASHBOARD, (), "Inclusieve formulieren"),
        (REPORT, (), "Bevindingen van de doorlichting"),
        ("wagtail_inclusive_forms:purpose_records", (), "Doelvastleggingen"),
        ("wagtail_inclusive_forms:bulk_fix", (), "Oude vragen naar geslacht opschonen"),
        (
            "wagtail_inclusive_forms:purpose_record",
            ("page",),
            "Waarom dit formulier naar sekse of gender vraagt",
        ),
    ],
)
def test_every_addon_page_has_wagtails_header_with_one_h1_and_breadcrumbs(
    client, admin_user, root_page, url_name, args, title
):
    page = old_style_form(root_page, "parkeren")
    client.force_login(admin_user)
    soup = BeautifulSoup(client.get(reverse(url_name, args=[page.pk for _ in args])).content, "html.parser")
    (heading,) = soup.find_all("h1")
    assert heading.get_text(" ", strip=True).startswith(title)
    crumbs = [
        item.get_text(" ", strip=True) for item in soup.select("[data-w-breadcrumbs-target] li, nav ol li")
    ]
    assert crumbs and crumbs[-1].startswith(title)
    if url_name != DASHBOARD:
        assert soup.find("a", href=reverse(DASHBOARD))  # back to the add-on's dashboard


def test_fixes_saved_as_drafts_are_named_until_published(client, admin_user, root_page):
    page = old_style_form(root_page, "parkeren")
    client.force_login(admin_user)
    client.post(reverse("wagtail_inclusive_forms:bulk_fix"), {"page": [page.pk], "publish": "0"})
    waiting = "1 opgeschoond formulier wacht op publicatie"  # "Eén" in words
    for url in (reverse(DASHBOARD), reverse("wagtail_inclusive_forms:bulk_fix")):
        html = client.get(url).content.decode()
        assert waiting in html.replace("Eén", "1"), url
        assert reverse("wagtailadmin_pages:edit", args=(page.pk,)) in html
    # The published version still asks the old question and is still counted.
    assert (
        "1 van 1 formulieren vraagt naar sekse of gender." in client.get(reverse(DASHBOARD)).content.decode()
    )
    page.get_latest_revision().publish()
    run_and_store_audit()
    assert "wacht op publicatie" not in client.get(reverse(DASHBOARD)).content.decode()


def test_storing_a_run_takes_the_same_queries_for_more_forms(root_page):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            run_and_store_audit()
        return len(captured)

    old_style_form(root_page, "a")
    few = queries()
    for index in range(8):
        old_style_form(root_page, f"b{index}")
    assert queries() == few
    assert AuditRun.objects.count() == 2 and latest_run().forms_scanned == 9


def test_only_users_with_the_permission_see_the_audit(client, editor, privacy_officer, admin_user, root_page):
    client.force_login(editor)
    for url in (reverse(DASHBOARD), reverse(REPORT)):
        assert client.get(url).status_code in (302, 403)
    assert client.post(reverse(DASHBOARD)).status_code in (302, 403)
    assert AuditRun.objects.count() == 0
    assert "inclusive-forms" not in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(privacy_officer)
    assert client.get(reverse(DASHBOARD)).status_code == 200
    assert 'data-name="inclusive-forms"' in client.get(reverse("wagtailadmin_home")).content.decode() or (
        "Inclusieve formulieren" in client.get(reverse("wagtailadmin_home")).content.decode()
    )


def test_command_can_store_the_run_for_the_dashboard(client, privacy_officer, root_page):
    from django.core.management import call_command

    old_style_form(root_page, "parkeren")
    call_command("audit_forms", "--store", "--format", "json", stdout=io.StringIO())
    run = latest_run()
    assert (run.forms_scanned, run.forms_asking, run.findings.count()) == (1, 1, 3)


def test_dashboard_shows_the_progress_when_a_worker_runs_the_audit_later(client, privacy_officer, root_page):
    from tests.test_admin_actions import worker_backend

    client.force_login(privacy_officer)
    with worker_backend():
        response = client.post(reverse(DASHBOARD), follow=True)
    html = response.content.decode()
    assert response.redirect_chain[-1][0].startswith("/admin/inclusive-forms/actions/")
    assert "Doorlichting van alle formulieren" in html and "wacht op start" in html
    assert AuditRun.objects.count() == 0


def test_page_editor_shows_the_forms_findings_with_advice(client, admin_user, root_page, form_page):
    page = old_style_form(root_page, "parkeren")
    client.force_login(admin_user)
    html = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).content.decode()
    notice = BeautifulSoup(html, "html.parser").select_one(".wif-audit-notice")
    text = notice.get_text(" ", strip=True)
    assert (
        "3 punten" in text
        and "Alleen man en vrouw zijn te kiezen." in text
        and "Gebruik de inclusieve vraag" in text
    )
    clean = client.get(reverse("wagtailadmin_pages:edit", args=(form_page.pk,))).content.decode()
    assert (
        "niets om te verbeteren"
        in BeautifulSoup(clean, "html.parser").select_one(".wif-audit-notice").get_text()
    )


def test_page_editor_audits_the_draft_of_a_question_with_the_default_purpose(client, admin_user, root_page):
    """The standard purpose text is composed per form; the notice reads it as text (it once crashed)."""
    page = FormPageFactory(parent=root_page, slug="standaard", title="Standaard")
    InclusiveFieldFactory(page=page, inclusive_purpose="", sort_order=0)
    page.save_revision().publish()
    draft = page.get_latest_revision_as_object()
    draft.form_fields.add(
        draft.form_fields.model(label="Geslacht ouder", field_type="dropdown", choices="Man\nVrouw")
    )
    draft.save_revision()
    client.force_login(admin_user)
    response = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    assert response.status_code == 200
    text = (
        BeautifulSoup(response.content, "html.parser")
        .select_one(".wif-audit-notice")
        .get_text(" ", strip=True)
    )
    assert "Alleen man en vrouw zijn te kiezen." in text  # found in the draft, not yet live


def test_homepage_panel_only_for_the_permission(client, editor, privacy_officer, root_page):
    old_style_form(root_page, "parkeren")
    run_and_store_audit()
    client.force_login(privacy_officer)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "1 van 1 formulieren vraagt naar sekse of gender." in html
    client.force_login(editor)
    assert (
        "1 van 1 formulieren vraagt naar sekse"
        not in client.get(reverse("wagtailadmin_home")).content.decode()
    )


def purpose_url(page):
    return reverse("wagtail_inclusive_forms:purpose_record", args=(page.pk,))


def test_editor_records_why_a_form_asks_and_each_save_is_a_version(client, editor, root_page):
    from wagtail.models import PageLogEntry

    from wagtail_inclusive_forms.models import FormPurposeRecord

    page = old_style_form(root_page, "paspoort")
    client.force_login(editor)
    form_html = client.get(purpose_url(page)).content.decode()
    assert "Naam, adres en geboortedatum zijn genoeg" in form_html  # the guide's consideration
    response = client.post(
        purpose_url(page), {"purposes": ["communication", "communication"], "decision": "form_of_address"}
    )
    assert response.status_code == 302  # a purpose sent twice is stored once
    client.post(purpose_url(page), {"purposes": ["legal_duty"], "legal_basis": "Paspoortwet art. 3 lid 1"})
    versions = list(FormPurposeRecord.objects.filter(page=page))
    assert [record.purposes for record in versions] == [["legal_duty"], ["communication"]]
    assert versions[0].created_by == editor and versions[0].has_legal_basis
    assert (
        PageLogEntry.objects.filter(page=page, action="wagtail_inclusive_forms.record_purpose").count() == 2
    )
    history = client.get(purpose_url(page)).content.decode()
    assert "Paspoortwet art. 3 lid 1" in history and "Vervangen door de aanspreekvorm" in history


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"purposes": ["legal_duty"], "legal_basis": " "}, "Noem de wet en het artikel"),
        ({"purposes": ["communication"], "legal_basis": "Paspoortwet"}, "Vink “Een wet verplicht het” aan"),
        ({}, "Kies ten minste één doel, of een besluit."),
        ({"purposes": ["<script>"]}, "&lt;script&gt; is geen beschikbare keuze"),
    ],
)
def test_an_incomplete_record_is_refused_and_nothing_is_saved(client, editor, root_page, data, message):
    from wagtail_inclusive_forms.models import FormPurposeRecord

    page = old_style_form(root_page, "paspoort")
    client.force_login(editor)
    response = client.post(purpose_url(page), data)
    assert response.status_code == 200 and message in response.content.decode()
    assert not FormPurposeRecord.objects.exists()


def test_recording_needs_edit_permission_on_that_page(client, privacy_officer, root_page):
    page = old_style_form(root_page, "paspoort")
    client.force_login(privacy_officer)  # may see the audit, may not edit the page
    assert client.get(purpose_url(page)).status_code in (302, 403)
    assert client.post(purpose_url(page), {"purposes": ["communication"]}).status_code in (302, 403)


def test_dashboard_and_report_count_forms_without_a_legal_basis(client, admin_user, root_page):
    from wagtail_inclusive_forms.models import FormPurposeRecord

    passport = old_style_form(root_page, "paspoort")
    old_style_form(root_page, "parkeren")
    FormPurposeRecord.objects.create(
        page=passport, purposes=["legal_duty"], legal_basis="Paspoortwet art. 3 lid 1"
    )
    run_and_store_audit()
    client.force_login(admin_user)
    html = client.get(reverse(DASHBOARD)).content.decode()
    assert "1 van 2 formulieren vraagt naar sekse of gender zonder vastgelegde wettelijke grondslag." in html
    response = client.get(reverse(REPORT) + "?export=csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    basis = {row["Formulier"]: row["Wettelijke grondslag vastgelegd"] for row in rows}
    assert basis == {"Formulier paspoort": "Paspoortwet art. 3 lid 1", "Formulier parkeren": ""}


def test_modeladmin_integration_lists_records_and_findings_read_only(
    client, privacy_officer, editor, root_page
):
    from wagtail_inclusive_forms.models import FormPurposeRecord

    page = old_style_form(root_page, "paspoort")
    FormPurposeRecord.objects.create(
        page=page, purposes=["legal_duty"], legal_basis="Paspoortwet art. 3 lid 1"
    )
    run_and_store_audit()
    client.force_login(privacy_officer)
    records = client.get("/admin/wagtail_inclusive_forms/formpurposerecord/")
    assert records.status_code == 200 and "Paspoortwet art. 3 lid 1" in records.content.decode()
    findings = client.get("/admin/wagtail_inclusive_forms/storedfinding/?code=required")
    assert findings.status_code == 200 and "Formulier paspoort" in findings.content.decode()
    assert client.get("/admin/wagtail_inclusive_forms/formpurposerecord/create/").status_code in (302, 403)
    client.force_login(editor)
    assert client.get("/admin/wagtail_inclusive_forms/storedfinding/").status_code in (302, 403)


def per_site_rows(client, user) -> dict[str, list[str]]:
    """The dashboard's per-site table: site name to its row's cells."""
    client.force_login(user)
    soup = BeautifulSoup(client.get(reverse(DASHBOARD)).content, "html.parser")
    return {
        row.th.get_text(strip=True): [cell.get_text(strip=True) for cell in row.find_all("td")]
        for row in soup.select("table.wif-per-site tbody tr")
    }


def test_a_multi_site_dashboard_shows_each_sites_live_and_draft_numbers(client, admin_user, root_page):
    from wagtail.models import Site

    from tests.test_audit_current import fix_in_draft
    from wagtail_inclusive_forms.models.page_model import get_page_model

    Page = get_page_model()  # noqa: N806 - the site's page model, swapped or not

    here = old_style_form(root_page, "hier")
    old_style_form(root_page, "ook-hier")
    other_home = Page.get_first_root_node().add_child(instance=Page(title="Ander", slug="ander"))
    Site.objects.create(hostname="ander.example", port=80, root_page=other_home, site_name="Andere gemeente")
    old_style_form(other_home, "daar")
    fix_in_draft(here)
    run_and_store_audit()
    rows = per_site_rows(client, admin_user)
    # forms read, published forms asking, drafts asking, cleaned up and waiting
    assert rows == {"localhost": ["2", "2", "0", "1"], "Andere gemeente": ["1", "1", "0", "0"]}


@WITH_TRANSLATIONS
def test_the_dashboard_counts_a_translated_form_with_its_own_site(client, admin_user, root_page):
    old_style_form(root_page, "hier")
    other_site, english_home = second_site_and_its_english_home(site_name="Andere gemeente")
    old_style_form(other_site.root_page, "daar")
    old_style_form(english_home, "there")
    run_and_store_audit()
    rows = per_site_rows(client, admin_user)
    assert rows == {"localhost": ["1", "1", "0", "0"], "Andere gemeente": ["2", "2", "0", "0"]}


def test_a_single_site_dashboard_has_no_per_site_table(client, admin_user, root_page):
    old_style_form(root_page, "hier")
    run_and_store_audit()
    client.force_login(admin_user)
    assert "wif-per-site" not in client.get(reverse(DASHBOARD)).content.decode()
