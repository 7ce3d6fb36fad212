"""BRP/StUF "geslachtsaanduiding" (M/V/O) for registration systems: a helper and
an opt-in export column that obeys need-to-know."""

import csv
import io

import pytest
from django.urls import reverse

from tests.factories import StreamFormPageFactory
from tests.test_need_to_know import compensation_form as compensation_form  # fixture
from tests.test_need_to_know import listing_and_exports, reader
from wagtail_inclusive_forms.core.answers import registration_sex_code

COLUMN = "Geslacht (BRP M/V/O)"


@pytest.mark.parametrize(
    "stored, mode, code",
    [
        ({"answer": "male", "description": ""}, "gender", "M"),
        ({"answer": "female", "description": ""}, "gender", "V"),
        ({"answer": "self_described", "description": "non-binair"}, "gender", "O"),
        ({"answer": "undisclosed", "description": ""}, "gender", "O"),
        ({"answer": "", "description": ""}, "gender", ""),
        (None, "gender", ""),
        ("Man", "gender", "M"),  # answers stored before the inclusive question
        ("V", "gender", "V"),
        ("Dhr.", "form_of_address", ""),  # a form of address is not a registered sex
        ({"answer": "address_ms", "description": ""}, "form_of_address", ""),
        ({"answer": "onzin"}, "gender", ""),
    ],
)
def test_the_code_a_registration_system_expects(stored, mode, code):
    assert registration_sex_code(stored, mode) == code


@pytest.mark.django_db
def test_the_column_appears_only_when_the_site_asks_and_is_hidden_without_need_to_know(
    client,
    django_user_model,
    admin_user,
    compensation_form,
    settings,
):
    data = {"naam": "Sam", "geslacht": "self_described", "geslacht_description": "non-binair"}
    assert client.post(compensation_form.url, data).status_code == 200
    client.force_login(admin_user)
    assert COLUMN not in listing_and_exports(client, compensation_form)[0]

    settings.WAGTAIL_INCLUSIVE_FORMS_REGISTRATION_CODE_COLUMNS = True
    listing, csv_row, xlsx_row = listing_and_exports(client, compensation_form)
    assert COLUMN in listing and csv_row[COLUMN] == "O" and xlsx_row[COLUMN] == "O"

    client.force_login(reader(django_user_model, "Editors"))
    listing, csv_row, xlsx_row = listing_and_exports(client, compensation_form)
    assert csv_row[COLUMN] == "verborgen" and xlsx_row[COLUMN] == "verborgen"


@pytest.mark.django_db
def test_stream_forms_get_the_column_too(client, admin_user, root_page, settings):
    settings.WAGTAIL_INCLUSIVE_FORMS_REGISTRATION_CODE_COLUMNS = True
    page = StreamFormPageFactory(
        parent=root_page, slug="stroom", body=[("gender", {"label": "Geslacht", "mode": "gender"})]
    )
    page.save_revision().publish()
    client.post(page.url, {"geslacht": "female"})
    client.force_login(admin_user)
    url = reverse("wagtailforms:list_submissions", args=(page.pk,))
    assert COLUMN in client.get(url).content.decode()
    (row,) = csv.DictReader(
        io.StringIO(b"".join(client.get(url + "?export=csv").streaming_content).decode("utf-8-sig"))
    )
    assert row[COLUMN] == "V"
