"""The personal link to change or withdraw sensitive answers: what the person
sees and can do, and what nobody else can do with a link that is not theirs."""

import datetime
import re

import pytest
from django.core import mail, signing
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import PageLogEntry

from tests.factories import StreamFormPageFactory
from wagtail_inclusive_forms.core import change_links
from wagtail_inclusive_forms.models import InclusiveFormsSettings
from wagtail_inclusive_forms.services.retention_runs import run_retention

pytestmark = pytest.mark.django_db

ANNA = {
    "voornaam": "Anna",
    "achternaam": "Berg",
    "e_mailadres": "anna@example.org",
    "geslacht": "self_described",
    "geslacht_description": "non-binair",
}
BODY = "{aanhef},\n\nWijzigen of intrekken: {wijzigen}\n\nMet vriendelijke groet"


@pytest.fixture
def linked_page(appointment_page):
    appointment_page.confirmation_email_enabled = True
    appointment_page.confirmation_email_body = BODY
    appointment_page.save_revision().publish()
    return appointment_page


def send(client, page, data=ANNA):
    response = client.post(page.url, data)
    assert response.status_code == 200, response.content.decode()[:1000]
    confirmation = next(message for message in mail.outbox if message.to == [data["e_mailadres"]])
    mail.outbox.clear()
    match = re.search(r"http://\S+/antwoord-wijzigen/\S+/", confirmation.body)
    return match.group(0) if match else None, confirmation


def path_of(link):
    return link.split("localhost", 1)[1]


def test_the_confirmation_carries_a_link_that_shows_only_the_sensitive_answers(client, linked_page):
    link, confirmation = send(client, linked_page)
    assert link and link.startswith("http://localhost/afspraak/antwoord-wijzigen/")
    html = confirmation.alternatives[0][0]
    assert f'<a href="{link}">{link}</a>' in html
    response = client.get(path_of(link))
    page = response.content.decode()
    assert response.status_code == 200, page
    assert 'value="non-binair"' in page and 'value="self_described" checked' in page.replace("\n", " ")
    assert "Berg" not in page and "anna@example.org" not in page  # only the sensitive answers
    assert response["Cache-Control"].count("no-store") == 1
    assert response["Referrer-Policy"] == "same-origin"
    assert "noindex" in response["X-Robots-Tag"]


def test_changing_saves_the_new_answer_keeps_the_rest_and_uses_the_link(client, linked_page):
    link, _mail = send(client, linked_page)
    response = client.post(path_of(link), {"action": "save", "geslacht": "undisclosed"})
    assert response.status_code == 200
    assert "Uw antwoorden zijn gewijzigd" in response.content.decode()
    data = FormSubmission.objects.get(page=linked_page).form_data
    assert data["geslacht"] == {"answer": "undisclosed", "description": ""}
    assert data["achternaam"] == "Berg"
    entry = PageLogEntry.objects.get(action="wagtail_inclusive_forms.answers_changed")
    assert entry.page_id == linked_page.pk and entry.user is None
    assert entry.data["fields"] == ["geslacht"] and "non-binair" not in str(entry.data)
    again = client.get(path_of(link))
    assert again.status_code == 410 and "Deze link is al gebruikt" in again.content.decode()


def test_withdrawing_removes_the_sensitive_answers_and_keeps_the_submission(client, linked_page):
    link, _mail = send(client, linked_page)
    response = client.post(path_of(link), {"action": "withdraw"})
    assert "Uw antwoorden zijn ingetrokken" in response.content.decode()
    data = FormSubmission.objects.get(page=linked_page).form_data
    assert "geslacht" not in data and data["voornaam"] == "Anna"
    entry = PageLogEntry.objects.get(action="wagtail_inclusive_forms.answers_withdrawn")
    assert entry.data == {"submission": FormSubmission.objects.get().pk, "fields": ["geslacht"]}
    gone = client.get(path_of(link))
    assert gone.status_code == 410 and "Geen antwoorden meer bewaard" in gone.content.decode()


def test_saving_the_same_answers_changes_nothing_and_keeps_the_link(client, linked_page):
    link, _mail = send(client, linked_page)
    data = {"action": "save", "geslacht": "self_described", "geslacht_description": "non-binair"}
    response = client.post(path_of(link), data)
    assert "Er is niets veranderd" in response.content.decode()
    assert not PageLogEntry.objects.filter(action="wagtail_inclusive_forms.answers_changed").exists()
    assert client.get(path_of(link)).status_code == 200


def test_a_wrong_answer_is_explained_and_nothing_is_saved(client, linked_page):
    link, _mail = send(client, linked_page)
    response = client.post(path_of(link), {"action": "save", "geslacht": "self_described"})
    assert response.status_code == 400
    assert "vul ook het tekstveld in" in response.content.decode()
    assert FormSubmission.objects.get().form_data["geslacht"]["description"] == "non-binair"
    assert client.get(path_of(link)).status_code == 200  # still unused


def test_tampered_and_other_peoples_tokens_reveal_nothing(client, linked_page, appointment_page):
    link, _mail = send(client, linked_page)
    bob = {
        **ANNA,
        "voornaam": "Bob",
        "e_mailadres": "bob@example.org",
        "geslacht_description": "genderfluïde",
    }
    send(client, linked_page, bob)
    anna, bob = FormSubmission.objects.order_by("pk")
    token = link.split("/antwoord-wijzigen/")[1].rstrip("/")
    payload, rest = token.split("/", 1)
    tries = [
        token[:-1] + ("A" if token[-1] != "A" else "B"),  # one character changed
        # Anna's signature on a payload naming Bob's submission
        signing.b64_encode(
            signing.JSONSerializer().dumps(
                {
                    **signing.JSONSerializer().loads(signing.b64_decode(payload.encode())),
                    "s": bob.pk,
                }
            )
        ).decode()
        + "/"
        + rest,
        # a token made with another salt (another part of the site signs things too)
        signing.TimestampSigner(salt="elders")
        .sign_object({"p": linked_page.pk, "s": bob.pk})
        .replace(":", "/"),
        "niets/niets/niets",
    ]
    for forged in tries:
        response = client.get(f"/afspraak/antwoord-wijzigen/{forged}/")
        assert response.status_code == 404, forged
        assert (
            "genderfluïde" not in response.content.decode() and "non-binair" not in response.content.decode()
        )
        post = client.post(f"/afspraak/antwoord-wijzigen/{forged}/", {"action": "withdraw"})
        assert post.status_code == 404
    assert bob.form_data == FormSubmission.objects.get(pk=bob.pk).form_data
    assert "geslacht" in FormSubmission.objects.get(pk=anna.pk).form_data


def test_a_link_for_one_form_does_not_open_on_another(client, linked_page, form_page):
    link, _mail = send(client, linked_page)
    token = link.split("/antwoord-wijzigen/")[1]
    response = client.get(f"{form_page.url}antwoord-wijzigen/{token}")
    assert response.status_code == 404 and "non-binair" not in response.content.decode()


def test_the_link_expires_with_the_retention_period(client, linked_page, root_page, monkeypatch):
    settings_row = InclusiveFormsSettings.for_site(root_page.get_site())
    settings_row.retention_days = 30
    settings_row.save()
    link, _mail = send(client, linked_page)
    real_time = signing.time.time
    monkeypatch.setattr(signing.time, "time", lambda: real_time() + 29 * 86400)
    assert client.get(path_of(link)).status_code == 200
    monkeypatch.setattr(signing.time, "time", lambda: real_time() + 31 * 86400)
    response = client.get(path_of(link))
    assert response.status_code == 410 and "Deze link is verlopen" in response.content.decode()
    assert client.post(path_of(link), {"action": "withdraw"}).status_code == 410
    assert "geslacht" in FormSubmission.objects.get().form_data


def test_without_a_retention_period_the_link_lives_change_link_days(
    client, linked_page, monkeypatch, settings
):
    settings.WAGTAIL_INCLUSIVE_FORMS_CHANGE_LINK_DAYS = 10
    link, _mail = send(client, linked_page)
    real_time = signing.time.time
    monkeypatch.setattr(signing.time, "time", lambda: real_time() + 11 * 86400)
    assert client.get(path_of(link)).status_code == 410


def test_after_the_retention_run_the_link_says_the_answers_are_gone(client, linked_page, root_page):
    link, _mail = send(client, linked_page)
    settings_row = InclusiveFormsSettings.for_site(root_page.get_site())
    settings_row.retention_days = 30
    settings_row.save()
    later = datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=31)
    run_retention(apply=True, now=later)
    response = client.get(path_of(link))
    assert response.status_code == 410 and "Geen antwoorden meer bewaard" in response.content.decode()


def test_no_link_without_the_placeholder_or_without_sensitive_answers(client, linked_page):
    linked_page.confirmation_email_body = "{aanhef}, bedankt."
    linked_page.save_revision().publish()
    assert send(client, linked_page)[0] is None
    assert not linked_page.offers_change_link()
    linked_page.confirmation_email_body = BODY
    linked_page.save_revision().publish()
    assert linked_page.offers_change_link()
    link, confirmation = send(client, linked_page, {**ANNA, "geslacht": "", "geslacht_description": ""})
    assert link is None and "Wijzigen of intrekken: \n" in confirmation.body


def test_stream_forms_get_the_link_too(client, root_page):
    page = StreamFormPageFactory(
        parent=root_page,
        slug="stroom",
        body=[("name", "E-mailadres"), ("gender", {"label": "Geslacht", "mode": "gender"})],
        confirmation_email_enabled=True,
        confirmation_email_body=BODY,
    )
    page.save_revision().publish()
    link, _mail = send(
        client, page, {"e_mailadres": "kim@example.org", "geslacht": "male", "geslacht_description": ""}
    )
    assert link and "/stroom/antwoord-wijzigen/" in link
    assert client.post(path_of(link), {"action": "withdraw"}).status_code == 200
    assert FormSubmission.objects.get(page=page).form_data == {"e_mailadres": "kim@example.org"}


def test_a_token_says_nothing_about_the_answers():
    token = change_links.make_token(
        1, 2, {"geslacht": {"answer": "self_described", "description": "non-binair"}}
    )
    payload = signing.b64_decode(token.split(":", 1)[0].encode()).decode()
    assert "non-binair" not in payload and "self_described" not in payload
