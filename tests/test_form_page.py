"""A visitor fills in a Wagtail form page that has the inclusive question."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail

from tests.factories import FormFieldFactory, FormPageFactory, InclusiveFieldFactory
from wagtail_inclusive_forms.models import default_purpose_text

pytestmark = pytest.mark.django_db


def test_form_page_renders_the_question(client, form_page):
    response = client.get(form_page.url)
    soup = BeautifulSoup(response.content, "html.parser")
    fieldset = soup.find("fieldset")
    assert fieldset.legend.get_text(strip=True) == "Geslacht"
    assert [r["value"] for r in fieldset.find_all("input", type="radio")] == [
        "male",
        "female",
        "self_described",
        "undisclosed",
    ]
    # The progressive-enhancement script comes with the form's media.
    assert soup.find("script", src="/static/wagtail_inclusive_forms/js/inclusive-question.js")


def test_submission_stores_a_stable_code_and_the_description(client, form_page):
    response = client.post(
        form_page.url,
        {"naam": "Sam de Vries", "geslacht": "self_described", "geslacht_description": " non-binair "},
    )
    assert response.status_code == 200
    submission = form_page.get_submissions().get()
    assert submission.form_data == {
        "naam": "Sam de Vries",
        "geslacht": {"answer": "self_described", "description": "non-binair"},
    }
    landing = BeautifulSoup(response.content, "html.parser")
    assert landing.find(attrs={"data-answer": "geslacht"}).get_text() == "Ik identificeer me als: non-binair"


def test_skipped_question_is_stored_as_unanswered(client, form_page):
    client.post(form_page.url, {"naam": "Sam"})
    assert form_page.get_submissions().get().form_data["geslacht"] == {"answer": "", "description": ""}


def test_invalid_answer_shows_a_dutch_message_and_stores_nothing(client, form_page):
    response = client.post(form_page.url, {"naam": "Sam", "geslacht": "self_described"})
    assert "vul ook het tekstveld in" in response.content.decode()
    assert not form_page.get_submissions().exists()


def test_staff_email_shows_the_readable_answer(client, form_page, django_user_model):
    # To a recipient allowed to read sensitive answers (need-to-know); others read "verborgen".
    django_user_model.objects.create_superuser("team", "team@example.org", "password")
    client.post(form_page.url, {"naam": "Sam", "geslacht": "undisclosed"})
    assert len(mail.outbox) == 1
    assert "Geslacht: Dat zeg ik liever niet" in mail.outbox[0].body


def test_self_description_never_runs_as_html_on_the_landing_page(client, form_page):
    response = client.post(
        form_page.url,
        {"naam": "Sam", "geslacht": "self_described", "geslacht_description": "<img src=x onerror=alert(1)>"},
    )
    html = response.content.decode()
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html


def test_new_question_is_optional_and_shows_the_standard_purpose_text(root_page):
    page = FormPageFactory(parent=root_page)
    field = FormFieldFactory.build(page=page, field_type="inclusive_gender", required=False)
    assert field.inclusive_purpose == "" and field.question.overridden_settings() == ()
    assert field.question.config(page.get_shared_question()).purpose == default_purpose_text()
    assert "paspoort" in default_purpose_text()  # the test project runs in Dutch


def test_form_field_order_is_kept(root_page):
    page = FormPageFactory(parent=root_page)
    InclusiveFieldFactory(page=page, label="Geslacht", sort_order=2)
    FormFieldFactory(page=page, label="Naam", sort_order=1)
    assert [f.label for f in page.form_fields.all()] == ["Naam", "Geslacht"]


def test_readable_answer_filter_leaves_other_values_alone(client, form_page):
    response = client.post(form_page.url, {"naam": "Sam", "geslacht": "female"})
    landing = BeautifulSoup(response.content, "html.parser")
    assert landing.find(attrs={"data-answer": "naam"}).get_text() == "Sam"
    assert landing.find(attrs={"data-answer": "geslacht"}).get_text() == "Vrouw"
