"""The overview of every form's purpose record, and its export for the privacy officer."""

import csv
import io

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import FormPageFactory
from tests.test_audit_admin import privacy_officer as privacy_officer  # fixture
from wagtail_inclusive_forms.models import FormPurposeRecord, InclusiveFormsSettings

pytestmark = pytest.mark.django_db
OVERVIEW = reverse("wagtail_inclusive_forms:purpose_records")


@pytest.fixture
def records(root_page, privacy_officer):
    settings_row = InclusiveFormsSettings.for_site(root_page.get_site())
    settings_row.retention_days = 365
    settings_row.save()
    subsidy = FormPageFactory(parent=root_page, title="Subsidie emancipatie", slug="subsidie")
    passport = FormPageFactory(parent=root_page, title="Paspoort aanvragen", slug="paspoort")
    FormPurposeRecord.objects.create(page=subsidy, purposes=["research"], decision="keep")
    FormPurposeRecord.objects.create(
        page=passport,
        purposes=["legal_duty"],
        legal_basis="Paspoortwet art. 3",
        decision="keep",
        retention_days=30,
        retention_action="delete",
        dpia_url="https://example.org/dpia",
        register_url="https://example.org/register/12",
    )
    # An older version of the passport record: the overview shows only the newest.
    old = FormPurposeRecord.objects.create(page=passport, purposes=["communication"])
    FormPurposeRecord.objects.filter(pk=old.pk).update(created_at="2020-01-01T00:00:00Z")
    return subsidy, passport


def test_the_overview_shows_the_newest_record_of_each_form_with_its_retention(
    client, records, privacy_officer
):
    client.force_login(privacy_officer)
    response = client.get(OVERVIEW)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1" in html and "Doelvastleggingen" in html
    assert "Paspoortwet art. 3" in html and "https://example.org/register/12" in html
    assert "Bewaard 30 dagen, daarna: de hele inzending verwijderen." in html
    assert "Bewaard 365 dagen, daarna: de gevoelige antwoorden verwijderen, de rest bewaren." in html
    assert "Communicatie" not in html  # the older version


def test_the_records_export_to_csv_and_xlsx(client, records, privacy_officer):
    client.force_login(privacy_officer)
    csv_response = client.get(OVERVIEW + "?export=csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(csv_response.streaming_content).decode("utf-8-sig"))))
    assert [row["Formulier"] for row in rows] == ["Paspoort aanvragen", "Subsidie emancipatie"]
    assert rows[0]["DPIA"] == "https://example.org/dpia"
    assert rows[0]["Bewaartermijn"].startswith("Bewaard 30 dagen")
    xlsx = client.get(OVERVIEW + "?export=xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0][0] == "Formulier" and values[1][0] == "Paspoort aanvragen"


def test_the_query_count_does_not_grow_with_the_records(client, records, root_page, privacy_officer):
    client.force_login(privacy_officer)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            client.get(OVERVIEW + "?export=csv")
        return len(captured)

    before = queries()
    for number in range(5):
        page = FormPageFactory(parent=root_page, slug=f"extra-{number}")
        FormPurposeRecord.objects.create(page=page, purposes=["research"])
    assert queries() == before


def test_a_typed_legal_basis_cannot_become_a_spreadsheet_formula(client, records, privacy_officer):
    _subsidy, passport = records
    FormPurposeRecord.objects.create(page=passport, purposes=["legal_duty"], legal_basis="=HYPERLINK(1)")
    client.force_login(privacy_officer)
    rows = list(
        csv.reader(
            io.StringIO(b"".join(client.get(OVERVIEW + "?export=csv").streaming_content).decode("utf-8-sig"))
        )
    )
    assert "'=HYPERLINK(1)" in rows[1]
