"""The scheduled audit's digest: new findings e-mailed to the people the site
names, nothing when nothing is new."""

import pytest
from django.core.management import call_command

from tests.test_audit_command import old_style_form
from wagtail_inclusive_forms.models import InclusiveFormsSettings
from wagtail_inclusive_forms.services.tasks import audit_digest_task

pytestmark = pytest.mark.django_db

PRIVACY = "privacy@example.org"


def name_recipients(root_page, text):
    InclusiveFormsSettings.objects.update_or_create(
        site=root_page.get_site(), defaults={"digest_recipients": text}
    )


def test_only_what_is_new_is_sent_and_nothing_when_nothing_changed(root_page, mailoutbox):
    name_recipients(root_page, f"{PRIVACY}\nteam@example.org")
    old_style_form(root_page, "parkeren")
    assert audit_digest_task.enqueue().return_value == 3  # the first run: everything is new
    (first,) = mailoutbox
    assert first.to == [PRIVACY, "team@example.org"]
    assert first.subject == "Doorlichting formulieren: 3 nieuwe bevindingen"
    assert (
        "Formulier parkeren (gepubliceerd), Geslacht: Alleen man en vrouw zijn te kiezen. [hoog]"
        in first.body
    )
    assert "http://testserver/admin/inclusive-forms/audit/" in first.body
    assert audit_digest_task.enqueue().return_value == 0
    assert len(mailoutbox) == 1  # nothing changed: nothing sent
    old_style_form(root_page, "vergunning", required=False)
    assert audit_digest_task.enqueue().return_value == 2
    second = mailoutbox[1]
    assert "Formulier vergunning" in second.body and "Formulier parkeren" not in second.body
    assert second.subject == "Doorlichting formulieren: 2 nieuwe bevindingen"


def test_no_one_named_means_no_mail_but_the_run_is_stored(root_page, mailoutbox):
    from wagtail_inclusive_forms.services.audit_runs import latest_run

    old_style_form(root_page, "parkeren")
    assert audit_digest_task.enqueue().return_value == 3
    assert mailoutbox == [] and latest_run() is not None


def test_the_command_sends_the_digest_for_a_nightly_schedule(root_page, mailoutbox, capsys):
    name_recipients(root_page, PRIVACY)
    old_style_form(root_page, "parkeren")
    call_command("audit_forms", "--digest")
    assert (
        len(mailoutbox) == 1
        and "3 nieuwe bevindingen verstuurd naar privacy@example.org" in capsys.readouterr().err
    )
    call_command("audit_forms", "--digest")
    assert len(mailoutbox) == 1 and "niets nieuws" in capsys.readouterr().err


def test_the_settings_refuse_what_is_not_an_e_mail_address(client, admin_user, root_page):
    from tests.test_salutation_admin import settings_post, settings_url

    site = root_page.get_site()
    client.force_login(admin_user)
    response = client.post(settings_url(site), settings_post(digest_recipients=f"{PRIVACY}\nprivacy officer"))
    assert response.status_code == 200
    assert "Geen e-mailadres: privacy officer" in response.content.decode()
    assert client.post(settings_url(site), settings_post(digest_recipients=PRIVACY)).status_code == 302
    assert InclusiveFormsSettings.for_site(site).get_digest_recipients() == (PRIVACY,)
