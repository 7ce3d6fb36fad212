"""Salutations on real form pages: field picks, presets, e-mails, listing, export, template tag."""

import csv
import io
import logging

import pytest
from django.core import mail
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Site

from tests.factories import FormFieldFactory, FormPageFactory, StreamFormPageFactory
from wagtail_inclusive_forms.models import InclusiveFormsSettings

pytestmark = pytest.mark.django_db

ANNA = {
    "voornaam": "Anna",
    "tussenvoegsel": "van der",
    "achternaam": "Berg",
    "e_mailadres": "anna@example.org",
    "geslacht": "female",
}


def submit(client, page, data):
    response = client.post(page.url, data)
    assert response.status_code == 200, response.content.decode()[:1500]
    return response


def test_name_fields_are_found_by_label(appointment_page):
    fields = appointment_page.get_salutation_fields()
    assert fields == {
        "given_name": "voornaam",
        "surname_prefix": "tussenvoegsel",
        "surname": "achternaam",
        "email": "e_mailadres",
        "answer": "geslacht",
    }


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (ANNA, "Beste mevrouw Van der Berg"),
        ({**ANNA, "geslacht": "male"}, "Beste meneer Van der Berg"),
        ({**ANNA, "geslacht": "undisclosed"}, "Beste Anna"),
        ({**ANNA, "geslacht": ""}, "Beste geadresseerde"),
        ({**ANNA, "geslacht": "female", "achternaam": ""}, "Beste Anna"),
    ],
)
def test_the_site_scheme_is_den_haag_by_default(appointment_page, data, expected):
    assert appointment_page.get_salutation(data) == expected


def test_a_form_can_use_another_preset(appointment_page):
    appointment_page.salutation_preset = "utrecht"
    assert appointment_page.get_salutation(ANNA) == "Geachte mevrouw Van der Berg"
    assert appointment_page.get_salutation({**ANNA, "geslacht": ""}) == "Geachte heer/mevrouw"


def test_each_site_has_its_own_scheme(appointment_page, root_page):
    other_home = root_page.get_parent().add_child(instance=type(root_page)(title="Tweede", slug="tweede"))
    other_site = Site.objects.create(hostname="tweede.example", port=80, root_page=other_home)
    other_form = FormPageFactory(parent=other_home, title="Melding", slug="melding")
    FormFieldFactory(page=other_form, label="Achternaam")
    settings = InclusiveFormsSettings.for_site(other_site)
    settings.salutation_scheme = "neutral"
    settings.save()
    # The surname alone, as the BRP writes it for someone without given names.
    assert other_form.get_salutation({"achternaam": "Berg"}) == "Beste Berg"
    assert appointment_page.get_salutation(ANNA) == "Beste mevrouw Van der Berg"


def test_a_picked_field_beats_the_automatic_match_and_a_removed_one_falls_back(appointment_page):
    FormFieldFactory(page=appointment_page, label="Roepnaam", sort_order=5)
    appointment_page.salutation_given_name_field = "roepnaam"
    assert (
        appointment_page.get_salutation({**ANNA, "roepnaam": "Ans", "geslacht": "undisclosed"}) == "Beste Ans"
    )
    appointment_page.salutation_given_name_field = "bestaat_niet"
    assert appointment_page.get_salutation({**ANNA, "geslacht": "undisclosed"}) == "Beste Anna"


def test_legacy_answers_still_give_a_salutation(appointment_page):
    # A submission stored before the field became the inclusive question.
    assert appointment_page.get_salutation({**ANNA, "geslacht": "Dhr."}) == "Beste meneer Van der Berg"


def test_confirmation_email_reaches_the_person_with_salutation_and_answers(client, appointment_page):
    appointment_page.confirmation_email_enabled = True
    appointment_page.confirmation_email_include_sensitive = True  # the editor chose to include them
    appointment_page.from_address = "gemeente@example.org"
    appointment_page.save_revision().publish()
    submit(client, appointment_page, {**ANNA, "voornaam": "<b>Anna</b>"})
    confirmation = next(message for message in mail.outbox if message.to == ["anna@example.org"])
    assert confirmation.subject == "Bevestiging: Afspraak maken"
    assert confirmation.from_email == "gemeente@example.org"
    assert confirmation.body.startswith("Beste mevrouw Van der Berg,\n")
    assert "Achternaam: Berg" in confirmation.body
    assert "Geslacht: Vrouw" in confirmation.body
    html, mimetype = confirmation.alternatives[0]
    assert mimetype == "text/html"
    assert "&lt;b&gt;Anna&lt;/b&gt;" in html and "<b>Anna</b>" not in html


def test_staff_email_shows_the_salutation(client, appointment_page):
    submit(client, appointment_page, ANNA)
    (staff,) = mail.outbox
    assert staff.to == ["balie@example.org"]
    assert staff.body.startswith("Aanhef voor brieven: Beste mevrouw Van der Berg\n")


def test_no_confirmation_without_an_address_or_when_switched_off(client, appointment_page):
    submit(client, appointment_page, ANNA)
    assert [m.to for m in mail.outbox] == [["balie@example.org"]]
    appointment_page.confirmation_email_enabled = True
    appointment_page.save_revision().publish()
    mail.outbox.clear()
    submit(client, appointment_page, {**ANNA, "e_mailadres": ""})
    assert [m.to for m in mail.outbox] == [["balie@example.org"]]


def test_a_mail_failure_keeps_the_submission_and_is_logged(client, appointment_page, monkeypatch, caplog):
    appointment_page.confirmation_email_enabled = True
    appointment_page.save_revision().publish()

    def broken_send(*args, **kwargs):
        raise ConnectionRefusedError("SMTP server down")

    monkeypatch.setattr("django.core.mail.message.EmailMessage.send", broken_send)
    monkeypatch.setattr("wagtail.contrib.forms.models.send_mail", broken_send)
    with caplog.at_level(logging.ERROR, logger="wagtail_inclusive_forms"):
        response = submit(client, appointment_page, ANNA)
    assert FormSubmission.objects.filter(page=appointment_page).count() == 1
    assert "staff e-mail could not be sent" in caplog.text
    assert "confirmation e-mail could not be sent" in caplog.text
    assert response.status_code == 200


def test_listing_and_export_have_a_salutation_column(client, admin_user, appointment_page):
    submit(client, appointment_page, ANNA)
    submit(client, appointment_page, {**ANNA, "voornaam": "Sam", "geslacht": "undisclosed"})
    client.force_login(admin_user)
    url = reverse("wagtailforms:list_submissions", args=(appointment_page.pk,))
    html = client.get(url).content.decode()
    assert "Aanhef voor brieven" in html and "Beste mevrouw Van der Berg" in html and "Beste Sam" in html
    response = client.get(url + "?export=csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert [row["Aanhef voor brieven"] for row in rows] == ["Beste mevrouw Van der Berg", "Beste Sam"]


def test_export_query_count_does_not_grow_with_submissions(client, admin_user, appointment_page):
    client.force_login(admin_user)
    url = reverse("wagtailforms:list_submissions", args=(appointment_page.pk,)) + "?export=csv"

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            b"".join(client.get(url).streaming_content)
        return len(queries)

    FormSubmission.objects.create(page=appointment_page, form_data=ANNA)
    count_queries()  # the first export with rows creates the site's settings row
    for _ in range(2):
        FormSubmission.objects.create(page=appointment_page, form_data=ANNA)
    few = count_queries()
    for _ in range(20):
        FormSubmission.objects.create(page=appointment_page, form_data=ANNA)
    assert count_queries() == few


def test_template_tag_gives_the_escaped_salutation(appointment_page):
    submission = FormSubmission.objects.create(
        page=appointment_page,
        form_data={
            **ANNA,
            "geslacht": {"answer": "undisclosed", "description": ""},
            "voornaam": "<i>Anna</i>",
        },
    )
    template = Template("{% load wagtail_inclusive_forms_tags %}{% salutation submission %}")
    assert template.render(Context({"submission": submission})) == "Beste &lt;i&gt;Anna&lt;/i&gt;"
    with_page = Template("{% load wagtail_inclusive_forms_tags %}{% salutation data page=page %}")
    assert with_page.render(Context({"data": ANNA, "page": appointment_page})) == "Beste mevrouw Van der Berg"
    assert Template("{% load wagtail_inclusive_forms_tags %}{% salutation None %}").render(Context()) == ""


def test_stream_form_pages_get_salutations_too(client, root_page):
    page = StreamFormPageFactory(
        parent=root_page,
        slug="stream",
        body=[
            ("name", "Achternaam"),
            ("gender", {"label": "Geslacht", "mode": "gender", "purpose": "Om u goed aan te spreken."}),
        ],
    )
    assert (
        page.get_salutation({"achternaam": "de Vries", "geslacht": {"answer": "male"}})
        == "Beste meneer De Vries"
    )


def test_old_dhr_answers_read_as_forms_of_address_after_the_field_changed(client, admin_user, root_page):
    from tests.factories import InclusiveFieldFactory

    page = FormPageFactory(parent=root_page, slug="grofvuil")
    FormFieldFactory(page=page, label="Achternaam", sort_order=0)
    InclusiveFieldFactory(page=page, label="Aanhef", inclusive_mode="form_of_address", sort_order=1)
    FormSubmission.objects.create(page=page, form_data={"achternaam": "de Vries", "aanhef": "Dhr."})
    FormSubmission.objects.create(page=page, form_data={"achternaam": "Smit", "aanhef": "Geen aanhef"})
    client.force_login(admin_user)
    url = reverse("wagtailforms:list_submissions", args=(page.pk,)) + "?export=csv"
    rows = list(csv.DictReader(io.StringIO(b"".join(client.get(url).streaming_content).decode("utf-8-sig"))))
    # The old field keeps its own column; the worked-out salutation has a name of its own.
    assert [(row["Aanhef"], row["Aanhef voor brieven"]) for row in rows] == [
        ("Meneer", "Beste meneer De Vries"),
        ("Alleen mijn naam, zonder meneer of mevrouw", "Beste Smit"),
    ]


def test_emails_leave_the_request_when_the_site_runs_tasks_on_a_worker(client, appointment_page, settings):
    """With a worker backend a hanging mail server cannot hold the visitor's request:
    the submission is saved and answered, both e-mails wait as tasks."""
    from django_tasks import default_task_backend

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    appointment_page.confirmation_email_enabled = True
    appointment_page.save_revision().publish()
    submit(client, appointment_page, ANNA)
    assert FormSubmission.objects.filter(page=appointment_page).count() == 1
    assert mail.outbox == []  # nothing sent inside the request
    from wagtail_inclusive_forms.services.tasks import send_email_task

    queued = [result for result in default_task_backend.results if result.task.func is send_email_task.func]
    assert sorted(result.kwargs["kind"] for result in queued) == ["confirmation", "staff"]
    for result in queued:  # what the worker does later
        assert result.task.call(*result.args, **result.kwargs) is True
    assert sorted(tuple(message.to) for message in mail.outbox) == [
        ("anna@example.org",),
        ("balie@example.org",),
    ]
    staff = next(message for message in mail.outbox if message.to == ["balie@example.org"])
    assert staff.body.startswith("Aanhef voor brieven: Beste mevrouw Van der Berg\n")


def test_the_confirmation_leaves_sensitive_answers_out_by_default(client, appointment_page):
    appointment_page.confirmation_email_enabled = True
    appointment_page.confirmation_email_body = "{aanhef},\n\n{antwoorden}\n\nU koos: {geslacht}."
    appointment_page.save_revision().publish()
    submit(client, appointment_page, {**ANNA, "geslacht": "self_described", "geslacht_description": "x"})
    confirmation = next(message for message in mail.outbox if message.to == ["anna@example.org"])
    assert "Achternaam: Berg" in confirmation.body
    assert "Geslacht" not in confirmation.body and "Ik identificeer" not in confirmation.body
    assert "U koos: ." in confirmation.body  # the placeholder of a sensitive answer stays empty


def test_confirmations_are_limited_per_address_and_per_client(client, appointment_page, settings, caplog):
    settings.WAGTAIL_INCLUSIVE_FORMS_CONFIRMATION_EMAIL_RATE_LIMIT = (2, 3600)
    appointment_page.confirmation_email_enabled = True
    appointment_page.save_revision().publish()

    def confirmations_to(address):
        return sum(message.to == [address] for message in mail.outbox)

    with caplog.at_level(logging.WARNING, logger="wagtail_inclusive_forms"):
        for _ in range(3):
            submit(client, appointment_page, ANNA)
    assert confirmations_to("anna@example.org") == 2  # the third is not sent ...
    assert FormSubmission.objects.filter(page=appointment_page).count() == 3  # ... but saved
    assert "confirmation e-mail limit reached" in caplog.text
    # Another address from the same client: that client has used its two as well.
    submit(client, appointment_page, {**ANNA, "e_mailadres": "ander@example.org"})
    assert confirmations_to("ander@example.org") == 0
    # The same address from another client is still limited by the address.
    client.post(appointment_page.url, ANNA, REMOTE_ADDR="10.1.2.3")
    assert confirmations_to("anna@example.org") == 2
    # Another address from another client goes through.
    client.post(appointment_page.url, {**ANNA, "e_mailadres": "derde@example.org"}, REMOTE_ADDR="10.9.9.9")
    assert confirmations_to("derde@example.org") == 1


def test_a_task_backend_that_is_down_keeps_the_submission(client, appointment_page, monkeypatch, caplog):
    class Unreachable:
        def enqueue(self, *args, **kwargs):
            raise ConnectionError("task queue unreachable")

    appointment_page.confirmation_email_enabled = True
    appointment_page.save_revision().publish()
    monkeypatch.setattr("wagtail_inclusive_forms.services.tasks.send_email_task", Unreachable())
    with caplog.at_level(logging.ERROR, logger="wagtail_inclusive_forms"):
        submit(client, appointment_page, ANNA)
    assert FormSubmission.objects.filter(page=appointment_page).count() == 1
    assert "could not be queued" in caplog.text and "could not be prepared" in caplog.text


def test_a_site_that_opts_in_greets_people_as_they_asked(client, root_page, mailoutbox):
    from tests.factories import InclusiveFieldFactory

    page = FormPageFactory(parent=root_page, slug="aanvraag", confirmation_email_enabled=True)
    for order, label in enumerate(["Voornaam", "Achternaam"]):
        FormFieldFactory(page=page, label=label, sort_order=order)
    FormFieldFactory(page=page, label="E-mailadres", field_type="email", sort_order=2)
    InclusiveFieldFactory(page=page, label="Aanspreekvorm", inclusive_mode="form_of_address", sort_order=3)
    page.save_revision().publish()
    person = {"voornaam": "Sam", "achternaam": "Jansen", "e_mailadres": "sam@example.org"}
    typed = {**person, "aanspreekvorm": "address_custom", "aanspreekvorm_description": "Mx. Jansen"}

    submit(client, page, typed)
    assert mailoutbox[-1].body.startswith("Beste Sam,")  # the site has not opted in

    settings = InclusiveFormsSettings.for_site(Site.objects.get(is_default_site=True))
    settings.salutation_use_typed_address = True
    settings.save()
    submit(client, page, typed)
    assert mailoutbox[-1].body.startswith("Beste Mx. Jansen,")
    # What cannot go into a letter as it is gets the neutral salutation, whole and unaltered.
    submit(client, page, {**typed, "aanspreekvorm_description": "{voornaam} <b>"})
    assert mailoutbox[-1].body.startswith("Beste Sam,")
    # A form's own scheme keeps the site's choice.
    page.salutation_preset = "utrecht"
    page.save_revision().publish()
    submit(client, page, typed)
    assert mailoutbox[-1].body.startswith("Geachte Mx. Jansen,")
