"""Need-to-know: sensitive answers only for users allowed to read them.

Inclusive questions are sensitive by definition; an editor marks other fields
sensitive. Without ``view_sensitive_answers`` the listing, the exports, the
staff e-mail and the template filter show "verborgen"; the salutation stays.
"""

import csv
import io

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.template import Context, Template
from django.urls import reverse
from openpyxl import load_workbook

from tests.factories import FormFieldFactory, FormPageFactory, InclusiveFieldFactory

pytestmark = pytest.mark.django_db

ANSWERS = {
    "naam": "Sam",
    "geslacht": "self_described",
    "geslacht_description": "non-binair",
    "bewijsstuk": "Uitspraak van de rechter",
}


@pytest.fixture
def compensation_form(root_page):
    page = FormPageFactory(
        parent=root_page, title="Tegemoetkoming", slug="tegemoetkoming", to_address="team@example.org"
    )
    FormFieldFactory(page=page, label="Naam", sort_order=0)
    InclusiveFieldFactory(page=page, label="Geslacht", sort_order=1)
    FormFieldFactory(page=page, label="Bewijsstuk", sensitive=True, sort_order=2)
    page.save_revision().publish()
    return page


def reader(django_user_model, *groups):
    user = django_user_model.objects.create_user("lezer", "lezer@example.org", "password", first_name="Lezer")
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


def listing_and_exports(client, page):
    url = reverse("wagtailforms:list_submissions", args=(page.pk,))
    listing = client.get(url).content.decode()
    (row,) = csv.DictReader(
        io.StringIO(b"".join(client.get(url + "?export=csv").streaming_content).decode("utf-8-sig"))
    )
    sheet = load_workbook(io.BytesIO(b"".join(client.get(url + "?export=xlsx").streaming_content))).active
    header, values = ([cell.value for cell in row] for row in sheet.iter_rows())
    return listing, row, dict(zip(header, values, strict=True))


def test_sensitive_answers_are_hidden_from_an_editor_without_the_permission(
    client, django_user_model, compensation_form
):
    assert client.post(compensation_form.url, ANSWERS).status_code == 200
    client.force_login(reader(django_user_model, "Editors"))
    listing, csv_row, xlsx_row = listing_and_exports(client, compensation_form)
    for row in (csv_row, xlsx_row):
        assert row["Naam"] == "Sam"
        assert row["Geslacht"] == "verborgen" and row["Bewijsstuk"] == "verborgen"
    assert "non-binair" not in listing and "Uitspraak van de rechter" not in listing
    assert "verborgen" in listing and "Sam" in listing


def test_a_privacy_officer_reads_them(client, django_user_model, compensation_form):
    assert client.post(compensation_form.url, ANSWERS).status_code == 200
    client.force_login(reader(django_user_model, "Editors", "Privacyfunctionarissen"))
    listing, csv_row, _xlsx_row = listing_and_exports(client, compensation_form)
    assert csv_row["Geslacht"] == "Ik identificeer me als: non-binair"
    assert csv_row["Bewijsstuk"] == "Uitspraak van de rechter"
    assert "non-binair" in listing


def test_the_privacy_officers_group_has_the_permissions_after_migrate():
    group = Group.objects.get(name="Privacyfunctionarissen")
    assert {"access_admin", "view_audit", "view_sensitive_answers"} <= set(
        group.permissions.values_list("codename", flat=True)
    )


def test_the_staff_email_shows_sensitive_answers_only_to_allowed_recipients(
    client, django_user_model, compensation_form
):
    client.post(compensation_form.url, ANSWERS)
    (staff,) = mail.outbox
    assert "Geslacht: verborgen" in staff.body and "Bewijsstuk: verborgen" in staff.body
    assert "Naam: Sam" in staff.body and "non-binair" not in staff.body

    reader(django_user_model, "Privacyfunctionarissen")
    compensation_form.to_address = "LEZER@example.org"  # a user who may read them
    compensation_form.save_revision().publish()
    mail.outbox.clear()
    client.post(compensation_form.url, ANSWERS)
    (staff,) = mail.outbox
    assert "non-binair" in staff.body and "Uitspraak van de rechter" in staff.body


def test_the_filter_hides_an_answer_from_a_named_reader_without_the_permission(django_user_model):
    template = Template("{% load wagtail_inclusive_forms_tags %}{{ value|readable_answer:user }}")
    value = {"answer": "self_described", "description": "non-binair"}
    editor = reader(django_user_model, "Editors")
    assert template.render(Context({"value": value, "user": editor})) == "verborgen"
    editor.groups.add(Group.objects.get(name="Privacyfunctionarissen"))
    editor = django_user_model.objects.get(pk=editor.pk)  # permissions are cached per instance
    assert template.render(Context({"value": value, "user": editor})) == "Ik identificeer me als: non-binair"
    # Without a reader (the thank-you page shows people their own answers) nothing is hidden.
    plain = Template("{% load wagtail_inclusive_forms_tags %}{{ value|readable_answer }}")
    assert plain.render(Context({"value": value})) == "Ik identificeer me als: non-binair"
