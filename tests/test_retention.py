"""Retention (bewaartermijn): after the period, sensitive answers are removed
or whole submissions deleted, per form, in a fixed number of queries."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import PageLogEntry, Site

from tests.factories import (
    WITH_TRANSLATIONS,
    FormFieldFactory,
    FormPageFactory,
    InclusiveFieldFactory,
    second_site_and_its_english_home,
)
from wagtail_inclusive_forms.core.retention import RetentionPolicy, resolve_policy
from wagtail_inclusive_forms.models import FormPurposeRecord, InclusiveFormsSettings
from wagtail_inclusive_forms.services.retention_runs import RETENTION_ACTION, run_retention

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def test_a_forms_own_period_and_action_win_over_the_sites():
    site = RetentionPolicy(days=365, action="anonymise")
    assert resolve_policy(site) == site
    assert resolve_policy(site, 30, "") == RetentionPolicy(30, "anonymise")
    assert resolve_policy(site, None, "delete") == RetentionPolicy(365, "delete")
    assert RetentionPolicy().cutoff(NOW) is None  # no period: kept
    assert RetentionPolicy(30).cutoff(NOW) == NOW - datetime.timedelta(days=30)


@pytest.fixture
def old_and_new_submissions(root_page):
    page = FormPageFactory(parent=root_page, title="Tegemoetkoming", slug="tegemoetkoming")
    FormFieldFactory(page=page, label="Naam", sort_order=0)
    InclusiveFieldFactory(page=page, label="Geslacht", sort_order=1)
    FormFieldFactory(page=page, label="Bewijsstuk", sensitive=True, sort_order=2)
    page.save_revision().publish()

    def submission(days_ago):
        item = FormSubmission.objects.create(
            page=page,
            form_data={
                "naam": "Sam",
                "geslacht": {"answer": "self_described", "description": "non-binair"},
                "bewijsstuk": "Uitspraak van de rechter",
            },
        )
        FormSubmission.objects.filter(pk=item.pk).update(submit_time=NOW - datetime.timedelta(days=days_ago))
        return item.pk

    return page, [submission(400), submission(100), submission(5)]


def set_site_retention(days, action="anonymise"):
    settings = InclusiveFormsSettings.for_site(Site.objects.get(is_default_site=True))
    settings.retention_days, settings.retention_action = days, action
    settings.save()


def test_anonymising_removes_only_the_sensitive_answers_of_old_submissions(old_and_new_submissions):
    page, (old, middle, new) = old_and_new_submissions
    set_site_retention(90)
    (dry,) = run_retention(now=NOW)
    assert (dry.status, dry.count) == ("due", 2)
    assert FormSubmission.objects.get(pk=old).form_data["geslacht"]  # a dry run changes nothing
    (outcome,) = run_retention(apply=True, now=NOW)
    assert (outcome.status, outcome.count, outcome.fields) == ("applied", 2, ["bewijsstuk", "geslacht"])
    for pk in (old, middle):
        assert FormSubmission.objects.get(pk=pk).form_data == {"naam": "Sam"}  # the rest is kept
    assert "geslacht" in FormSubmission.objects.get(pk=new).form_data
    entry = PageLogEntry.objects.get(page=page, action=RETENTION_ACTION)
    assert entry.data == {"action": "anonymise", "count": 2, "days": 90, "fields": ["bewijsstuk", "geslacht"]}
    assert "non-binair" not in str(entry.data)  # counts, never answers
    (again,) = run_retention(apply=True, now=NOW)
    assert again.status == "nothing"


def test_a_purpose_record_can_delete_sooner(old_and_new_submissions):
    page, (old, middle, new) = old_and_new_submissions
    set_site_retention(365)
    FormPurposeRecord.objects.create(page=page, decision="keep", retention_days=30, retention_action="delete")
    (outcome,) = run_retention(apply=True, now=NOW)
    assert (outcome.status, outcome.count) == ("applied", 2)
    assert list(FormSubmission.objects.filter(page=page).values_list("pk", flat=True)) == [new]


def test_without_a_period_nothing_is_touched(old_and_new_submissions):
    page, _pks = old_and_new_submissions
    (outcome,) = run_retention(apply=True, now=NOW)
    assert outcome.status == "nothing" and FormSubmission.objects.filter(page=page).count() == 3


@WITH_TRANSLATIONS
def test_a_form_in_a_translated_tree_is_cleaned_up_on_its_own_sites_schedule(root_page):
    other_site, english_home = second_site_and_its_english_home()
    InclusiveFormsSettings.objects.create(site=other_site, retention_days=30, retention_action="delete")
    page = FormPageFactory(parent=english_home, title="Allowance", slug="allowance")
    FormFieldFactory(page=page, label="Name", sort_order=0)
    page.save_revision().publish()
    old, new = (FormSubmission.objects.create(page=page, form_data={"name": "Sam"}).pk for _ in range(2))
    FormSubmission.objects.filter(pk=old).update(submit_time=NOW - datetime.timedelta(days=100))
    (outcome,) = run_retention(apply=True, now=NOW)
    assert (outcome.status, outcome.count, outcome.policy.days) == ("applied", 1, 30)
    assert list(FormSubmission.objects.filter(page=page).values_list("pk", flat=True)) == [new]


def test_the_query_count_does_not_grow_with_the_submissions(old_and_new_submissions):
    page, _pks = old_and_new_submissions
    set_site_retention(1, "anonymise")

    def queries():
        FormSubmission.objects.filter(page=page).update(
            form_data={"naam": "x", "geslacht": {"answer": "male"}},
            submit_time=NOW - datetime.timedelta(days=10),
        )
        with CaptureQueriesContext(connection) as captured:
            run_retention(apply=True, now=NOW)
        return len(captured)

    few = queries()
    FormSubmission.objects.bulk_create(
        [FormSubmission(page=page, form_data={"geslacht": {"answer": "female"}}) for _ in range(200)]
    )
    assert queries() == few


def test_a_user_acts_only_on_forms_whose_submissions_they_may_manage(
    old_and_new_submissions, editor_without_form_access
):
    page, _pks = old_and_new_submissions
    set_site_retention(90, "delete")
    assert run_retention(apply=True, user=editor_without_form_access, now=NOW) == []
    assert FormSubmission.objects.filter(page=page).count() == 3


def test_the_command_dry_run_apply_and_misuse(old_and_new_submissions):
    page, _pks = old_and_new_submissions
    set_site_retention(90, "delete")
    out = io.StringIO()
    call_command("apply_retention", stdout=out)
    assert "Proefrun: 2 inzendingen" in out.getvalue()
    assert FormSubmission.objects.filter(page=page).count() == 3
    out = io.StringIO()
    call_command("apply_retention", "--apply", "--page", str(page.pk), stdout=out)
    assert FormSubmission.objects.filter(page=page).count() == 1
    assert "Bewaard 90 dagen" in out.getvalue()
    for arguments in (["--site", "nergens"], ["--page", "99999999999999999999"], ["--user", "niemand"]):
        with pytest.raises(CommandError) as error:
            call_command("apply_retention", *arguments, stdout=io.StringIO())
        assert error.value.returncode == 2


def test_the_purpose_record_and_the_form_editor_show_the_retention_that_applies(
    client, admin_user, old_and_new_submissions
):
    from django.urls import reverse

    page, _pks = old_and_new_submissions
    set_site_retention(365)
    client.force_login(admin_user)
    url = reverse("wagtail_inclusive_forms:purpose_record", args=(page.pk,))
    expected = "Bewaard 365 dagen, daarna: de gevoelige antwoorden verwijderen, de rest bewaren."
    assert expected in client.get(url).content.decode()
    client.post(url, {"decision": "keep", "retention_days": "30", "retention_action": "delete"})
    editor = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).content.decode()
    assert "Bewaard 30 dagen, daarna: de hele inzending verwijderen." in editor


def test_an_admin_sets_the_sites_retention_in_settings(client, admin_user, root_page):
    from tests.test_salutation_admin import settings_post, settings_url

    site = Site.objects.get(is_default_site=True)
    client.force_login(admin_user)
    response = client.post(settings_url(site), settings_post(retention_days="30", retention_action="delete"))
    assert response.status_code == 302
    assert InclusiveFormsSettings.for_site(site).get_retention_policy() == RetentionPolicy(30, "delete")
    response = client.post(settings_url(site), settings_post(retention_days="99999999"))
    assert response.status_code == 200 and "36500" in response.content.decode()  # a typo is refused
