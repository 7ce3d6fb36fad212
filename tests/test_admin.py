"""Editors configure the question in the page editor; staff read submissions."""

import csv
import io

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from tests.testapp.models import FormPage

pytestmark = pytest.mark.django_db


def add_page_url(parent):
    return reverse("wagtailadmin_pages:add", args=("wagtail_inclusive_forms_test", "formpage", parent.pk))


def page_post_data(fields, **extra):
    # nested_form_data would number a list's items; checkboxes post one name many times.
    offered = {i: field.pop("inclusive_hidden_answers", None) for i, field in enumerate(fields)}
    data = nested_form_data(
        {
            "title": "Parkeervergunning aanvragen",
            "slug": "parkeervergunning",
            "intro": rich_text(""),
            "thank_you_text": rich_text(""),
            "to_address": "",
            "from_address": "",
            "subject": "",
            "form_fields": inline_formset(fields),
            **extra,
        }
    )
    for i, codes in offered.items():
        if codes is not None:
            data[f"form_fields-{i}-inclusive_hidden_answers"] = codes
            data[f"form_fields-{i}-inclusive_hidden_answers-shown"] = "1"  # as the page sends it
    return data


def inclusive_field(**overrides):
    field = {
        "label": "Geslacht",
        "help_text": "",
        "field_type": "inclusive_gender",
        "choices": "",
        "default_value": "",
        "inclusive_mode": "gender",
        "inclusive_hidden_answers": ["male", "female", "self_described", "undisclosed"],
        "inclusive_undisclosed_label": "prefer_not_to_say",
        "inclusive_purpose": "We spreken u aan zoals u wilt.",
    }
    field.update(overrides)
    return field


def test_editor_can_pick_the_field_type_in_dutch(client, admin_user, root_page):
    client.force_login(admin_user)
    response = client.get(add_page_url(root_page))
    soup = BeautifulSoup(response.content, "html.parser")
    option = soup.find("option", attrs={"value": "inclusive_gender"})
    assert option.string == "Geslacht (inclusief)"  # inside the <template> of a new field
    assert "wagtail_inclusive_forms/admin/form-builder.js" in response.content.decode()


def test_editor_saves_a_question_with_answers_switched_off(client, admin_user, root_page):
    client.force_login(admin_user)
    data = page_post_data([inclusive_field(inclusive_hidden_answers=["male", "female", "self_described"])])
    response = client.post(add_page_url(root_page), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    field = FormPage.objects.get(slug="parkeervergunning").form_fields.get()
    assert field.required is False
    assert field.inclusive_hidden_answers.split(",") == [
        "undisclosed",
        "address_mr",
        "address_ms",
        "address_name_only",
        "address_custom",
    ]
    assert field.question.config().offered_codes == ("male", "female", "self_described")


def test_required_question_without_own_purpose_shows_the_standard_purpose(client, admin_user, root_page):
    client.force_login(admin_user)
    data = page_post_data([inclusive_field(required="on", inclusive_purpose="")])
    response = client.post(add_page_url(root_page), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = FormPage.objects.get(slug="parkeervergunning")
    assert "paspoort" in page.get_inclusive_questions()["geslacht"].purpose


def test_a_question_with_fewer_than_two_answers_is_refused(client, admin_user, root_page):
    client.force_login(admin_user)
    response = client.post(
        add_page_url(root_page), page_post_data([inclusive_field(inclusive_hidden_answers=["male"])])
    )
    assert "Bied ten minste twee antwoorden aan" in response.content.decode()


def submit(client, page, data):
    assert client.post(page.url, data).status_code == 200


@pytest.fixture
def answered_form(client, form_page):
    submit(
        client,
        form_page,
        {"naam": "Sam", "geslacht": "self_described", "geslacht_description": "<b>non-binair</b>"},
    )
    submit(client, form_page, {"naam": "Kim", "geslacht": "undisclosed"})
    submit(client, form_page, {"naam": "Jo"})
    submit(client, form_page, {"naam": "Lou", "geslacht": "self_described", "geslacht_description": "=1+1"})
    return form_page


def test_submissions_listing_shows_readable_escaped_answers(client, admin_user, answered_form):
    client.force_login(admin_user)
    response = client.get(reverse("wagtailforms:list_submissions", args=(answered_form.pk,)))
    html = response.content.decode()
    assert "Ik identificeer me als: &lt;b&gt;non-binair&lt;/b&gt;" in html
    assert "Dat zeg ik liever niet" in html
    assert "self_described" not in html and "'answer'" not in html


def test_csv_export_has_readable_answers_and_no_formulas(client, admin_user, answered_form):
    client.force_login(admin_user)
    response = client.get(reverse("wagtailforms:list_submissions", args=(answered_form.pk,)) + "?export=csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert [row["Geslacht"] for row in rows] == [
        "Ik identificeer me als: <b>non-binair</b>",
        "Dat zeg ik liever niet",
        "",
        "Ik identificeer me als: =1+1",  # starts with the label, so never a formula
    ]


def test_each_question_exports_its_own_label_of_the_last_answer(client, admin_user, form_page):
    from tests.factories import InclusiveFieldFactory

    InclusiveFieldFactory(page=form_page, label="Geslacht kind", inclusive_undisclosed_label="not_relevant")
    form_page.save_revision().publish()
    submit(client, form_page, {"naam": "Kim", "geslacht": "undisclosed", "geslacht_kind": "undisclosed"})
    client.force_login(admin_user)
    response = client.get(reverse("wagtailforms:list_submissions", args=(form_page.pk,)) + "?export=csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert [(row["Geslacht"], row["Geslacht kind"]) for row in rows] == [
        ("Dat zeg ik liever niet", "Dat vind ik niet relevant")
    ]


def test_xlsx_export_has_readable_answers(client, admin_user, answered_form):
    client.force_login(admin_user)
    response = client.get(reverse("wagtailforms:list_submissions", args=(answered_form.pk,)) + "?export=xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header = [cell.value for cell in sheet[1]]
    column = header.index("Geslacht")
    assert [row[column].value for row in sheet.iter_rows(min_row=2)] == [
        "Ik identificeer me als: <b>non-binair</b>",
        "Dat zeg ik liever niet",
        None,
        "Ik identificeer me als: =1+1",
    ]


def test_listing_query_count_does_not_grow_with_submissions(
    client, admin_user, answered_form, django_assert_max_num_queries
):
    client.force_login(admin_user)
    url = reverse("wagtailforms:list_submissions", args=(answered_form.pk,))
    client.get(url)
    with django_assert_max_num_queries(60) as few:
        client.get(url)
    baseline = len(few)
    for n in range(10):
        submit(client, answered_form, {"naam": f"Extra {n}", "geslacht": "male"})
    with django_assert_max_num_queries(baseline):
        client.get(url)


def test_users_without_form_permission_cannot_read_submissions(
    client, editor_without_form_access, answered_form
):
    client.force_login(editor_without_form_access)
    response = client.get(reverse("wagtailforms:list_submissions", args=(answered_form.pk,)))
    assert response.status_code in (302, 403)
    assert "non-binair" not in response.content.decode()


def test_answers_not_shown_in_the_editor_are_kept_not_switched_off(client, admin_user, root_page):
    """Unticked boxes send nothing: only the checkboxes' marker tells "none offered" from
    "not on the page" (the editor leaves the settings out where they do not apply)."""
    from tests.factories import FormFieldFactory, FormPageFactory

    page = FormPageFactory(parent=root_page, title="Parkeervergunning aanvragen", slug="parkeervergunning")
    old = FormFieldFactory(page=page, label="Geslacht", field_type="dropdown", choices="Man\nVrouw")
    old.inclusive_hidden_answers = "undisclosed"  # left from when it was an inclusive question
    old.save()
    page.save_revision().publish()
    client.force_login(admin_user)
    field = {"id": old.pk, "label": "Geslacht", "help_text": "", "field_type": "dropdown"}
    field.update(choices="Man\nVrouw", default_value="", ORDER="0")
    data = page_post_data([field], intro=rich_text(""))
    data["form_fields-INITIAL_FORMS"] = "1"
    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    response = client.post(edit_url, {**data, "action-publish": "1"})
    assert response.status_code == 302
    old.refresh_from_db()
    assert old.inclusive_hidden_answers == "undisclosed"  # not "every answer switched off"


def test_the_editor_renders_the_inclusive_settings_only_where_they_apply(client, admin_user, root_page):
    """On the inclusive question and in the template for a new field, not on every other field."""
    from tests.factories import FormFieldFactory, FormPageFactory, InclusiveFieldFactory

    page = FormPageFactory(parent=root_page, title="Aanvraag", slug="aanvraag")
    for order in range(5):
        FormFieldFactory(page=page, label=f"Veld {order}", sort_order=order)
    InclusiveFieldFactory(page=page, label="Geslacht", sort_order=9)
    page.save_revision().publish()
    client.force_login(admin_user)
    html = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    purposes = [area["name"] for area in soup.select("textarea[name$='-inclusive_purpose']")]
    assert purposes == ["form_fields-5-inclusive_purpose"]  # the saved inclusive question
    template = soup.find("template", id="id_form_fields-EMPTY_FORM_TEMPLATE")
    assert "__prefix__-inclusive_purpose" in template.decode_contents()  # and any field added now
    later = "Dit veld wordt de inclusieve vraag als u de pagina opslaat."
    assert html.count(later) == 5  # the other fields say where their settings will be
