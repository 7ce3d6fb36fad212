"""The stored audit stays current: publishing, unpublishing or deleting a page
audits that page again in the latest run, after the transaction commits."""

from types import SimpleNamespace

import pytest
from django.db import connection, transaction
from django.db.models.signals import pre_delete
from django.test.utils import CaptureQueriesContext

from tests.factories import FormPageFactory
from tests.test_audit_command import old_style_form
from tests.testapp.models import FormField
from wagtail_inclusive_forms.models import AuditRun
from wagtail_inclusive_forms.services.audit_runs import latest_run, refresh_pages, run_and_store_audit

pytestmark = pytest.mark.django_db


def stored(run):
    """What the dashboard and report show of a run."""
    run.refresh_from_db()
    return {
        "scanned": (run.forms_scanned, sorted(run.scanned_page_ids)),
        "asking": (run.forms_asking, sorted(run.asking_page_ids)),
        "draft_asking": sorted(run.draft_asking_page_ids),
        "improved": sorted(run.improved_draft_page_ids),
        "overrides": run.question_overrides,
        "findings": sorted(run.findings.values_list("page_id", "version", "where", "code")),
    }


def fix_in_draft(page):
    """The old question made a plain text question, saved as a draft."""
    draft = page.get_latest_revision_as_object()
    field = draft.form_fields.get(label="Geslacht")
    field.field_type, field.choices, field.label, field.clean_name = (
        "singleline",
        "",
        "Opmerkingen",
        "opmerkingen",
    )
    draft.save_revision()
    page.refresh_from_db()  # its latest revision is the draft now


def same_as_a_full_run(run):
    incremental = stored(run)
    full = stored(run_and_store_audit())
    return incremental == full


def test_publishing_a_fix_updates_the_latest_run_at_once(root_page, django_capture_on_commit_callbacks):
    parking, permit = old_style_form(root_page, "parkeren"), old_style_form(root_page, "vergunning")
    run = run_and_store_audit()
    fix_in_draft(parking)
    run = run_and_store_audit()
    assert stored(run)["improved"] == [parking.pk]
    with django_capture_on_commit_callbacks(execute=True):
        parking.get_latest_revision().publish()
    after = stored(run)
    assert after["asking"] == (1, [permit.pk]) and after["improved"] == []
    assert {page_id for page_id, *_rest in after["findings"]} == {permit.pk}
    assert after["scanned"] == (2, sorted([parking.pk, permit.pk]))
    assert latest_run().updated_at is not None
    assert same_as_a_full_run(run)


def test_unpublishing_and_deleting_give_what_a_full_run_gives(root_page, django_capture_on_commit_callbacks):
    parking, permit = old_style_form(root_page, "parkeren"), old_style_form(root_page, "vergunning")
    quiet = old_style_form(root_page, "rustig", field_type="singleline", choices="", label="Opmerkingen")
    run = run_and_store_audit()
    with django_capture_on_commit_callbacks(execute=True):
        parking.unpublish()
    assert same_as_a_full_run(run)
    run = latest_run()
    with django_capture_on_commit_callbacks(execute=True):
        permit.delete()
    after = stored(run)
    assert permit.pk not in after["scanned"][1] and after["scanned"][0] == 2
    assert all(page_id != permit.pk for page_id, *_rest in after["findings"])
    assert quiet.pk in after["scanned"][1]
    assert same_as_a_full_run(run)


def test_a_deleted_tree_is_one_task(root_page, django_capture_on_commit_callbacks, monkeypatch):
    from wagtail_inclusive_forms.services import tasks

    section = FormPageFactory(parent=root_page, slug="sectie", title="Sectie")
    children = [old_style_form(section, f"kind-{number}") for number in range(3)]
    run_and_store_audit()
    calls = []
    monkeypatch.setattr(
        tasks, "refresh_audit_task", SimpleNamespace(enqueue=lambda **kwargs: calls.append(kwargs))
    )
    with django_capture_on_commit_callbacks(execute=True):
        section.delete()
    (call,) = calls
    assert {section.pk, *(child.pk for child in children)} <= set(call["page_ids"])


def test_a_rolled_back_change_does_not_stop_the_next_refresh(
    root_page, django_capture_on_commit_callbacks, monkeypatch
):
    from wagtail_inclusive_forms.services import tasks

    parking, permit = old_style_form(root_page, "parkeren"), old_style_form(root_page, "vergunning")
    calls = []
    monkeypatch.setattr(
        tasks, "refresh_audit_task", SimpleNamespace(enqueue=lambda **kwargs: calls.append(kwargs))
    )
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                parking.save_revision().publish()
                raise RuntimeError("the editor's request failed")
        except RuntimeError:
            pass
        permit.save_revision().publish()
    (call,) = calls
    assert permit.pk in call["page_ids"]


def test_refreshing_one_page_costs_the_same_on_a_bigger_site(root_page):
    first = old_style_form(root_page, "parkeren")
    run_and_store_audit()

    def cost():
        with CaptureQueriesContext(connection) as queries:
            refresh_pages([first.pk])
        return len(queries)

    small = cost()
    for number in range(6):
        old_style_form(root_page, f"ander-{number}")
    run_and_store_audit()
    assert cost() == small


def test_nothing_changes_without_a_usable_run(root_page):
    page = old_style_form(root_page, "parkeren")
    assert refresh_pages([page.pk]) is None  # no run yet
    legacy = AuditRun.objects.create(forms_scanned=3, forms_asking=1, asking_page_ids=[page.pk])
    assert refresh_pages([page.pk]) is None  # stored before runs kept their pages: wait for a full run
    legacy.refresh_from_db()
    assert legacy.updated_at is None and legacy.asking_page_ids == [page.pk]


def test_pages_without_forms_leave_the_run_alone(root_page, django_capture_on_commit_callbacks):
    old_style_form(root_page, "parkeren")
    run = run_and_store_audit()
    with django_capture_on_commit_callbacks(execute=True):
        root_page.save_revision().publish()  # not a page type that can hold a form
    run.refresh_from_db()
    assert run.updated_at is None


def test_submissions_are_still_deleted_in_one_query():
    """A pre_delete listener on every model would make Django load each row to delete it."""
    assert not pre_delete.has_listeners(FormField)
    from wagtail.contrib.forms.models import FormSubmission

    assert not pre_delete.has_listeners(FormSubmission)


def test_the_dashboard_shows_a_publication_at_once_and_says_it_is_kept_current(
    client, admin_user, root_page, django_capture_on_commit_callbacks
):
    from django.urls import reverse

    parking = old_style_form(root_page, "parkeren")
    fix_in_draft(parking)
    run_and_store_audit()
    client.force_login(admin_user)
    dashboard = reverse("wagtail_inclusive_forms:audit_dashboard")
    assert "1 van 1 formulieren vraagt naar sekse of gender." in client.get(dashboard).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        parking.get_latest_revision().publish(user=admin_user)
    html = client.get(dashboard).content.decode()
    assert "0 van 1 formulieren vragen naar sekse of gender." in html
    assert "Bijgehouden bij het publiceren" in html
