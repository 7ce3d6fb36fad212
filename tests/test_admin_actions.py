"""Long admin actions as tasks with progress: the bulk fix and the full audit
run as tasks; a progress page follows them (here and in Chromium) and then
shows the outcome; a failure is shown and loses nothing done before it."""

from contextlib import contextmanager

import pytest
from django.test import override_settings
from django.urls import reverse

from tests.test_bulk_fix import fields_of, old_form
from wagtail_inclusive_forms.models import AdminAction, AuditRun
from wagtail_inclusive_forms.services.admin_actions import run_bulk_fix_action

pytestmark = pytest.mark.django_db
FIX = "wagtail_inclusive_forms:bulk_fix"


@contextmanager
def worker_backend():
    """Tasks are queued for a worker and not run: Django's dummy backend."""
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}):
        yield


def action_url(action):
    return reverse("wagtail_inclusive_forms:admin_action", args=[action.pk])


def progress(client, action):
    return client.get(action_url(action), {"format": "json"}).json()


def test_the_bulk_fix_runs_as_a_task_and_its_page_shows_the_outcome(client, admin_user, root_page):
    page = old_form(root_page, "parkeren")
    client.force_login(admin_user)
    response = client.post(reverse(FIX), {"page": [page.pk], "publish": "0"}, follow=True)
    action = AdminAction.objects.get()
    assert response.redirect_chain == [(action_url(action), 302)]
    html = response.content.decode()
    assert "1 van 1 formulier opgeschoond." in html
    assert 'data-status="draft"' in html and "opgeschoond, als concept bewaard" in html
    assert "<progress" not in html  # finished: no progress bar
    assert (action.status, action.done, action.total, action.started_by) == ("done", 2, 2, admin_user)
    assert AuditRun.objects.count() == 1  # the audit afterwards is part of the action
    assert progress(client, action)["finished"]


def test_with_a_worker_the_page_shows_progress_until_the_task_has_run(client, admin_user, root_page):
    first, second = old_form(root_page, "parkeren"), old_form(root_page, "afval")
    client.force_login(admin_user)
    with worker_backend():
        html = client.post(reverse(FIX), {"page": [first.pk, second.pk], "publish": "1"}, follow=True)
    html = html.content.decode()
    action = AdminAction.objects.get()
    assert '<progress id="wif-action-progress" max="3" value="0"' in html and "wacht op start" in html
    assert "0 van 3 stappen klaar." in html
    assert fields_of(first)[1][2] == "dropdown"  # nothing done yet
    assert progress(client, action) == {
        "status": "queued",
        "status_label": "wacht op start",
        "done": 0,
        "total": 3,
        "finished": False,
        "count_label": "0 van 3 stappen klaar.",
    }

    dashboard = client.get(reverse("wagtail_inclusive_forms:audit_dashboard")).content.decode()
    assert "Opschonen in één keer: wacht op start." in dashboard and action_url(action) in dashboard

    run_bulk_fix_action(action.pk, [first.pk, second.pk], publish=True)  # what the worker does
    assert progress(client, action)["finished"]
    html = client.get(action_url(action)).content.decode()
    assert html.count('data-status="published"') == 2
    dashboard = client.get(reverse("wagtail_inclusive_forms:audit_dashboard")).content.decode()
    assert action_url(action) not in dashboard  # finished: no longer named there
    assert fields_of(first)[1][2] == fields_of(second)[1][2] == "inclusive_gender"


def test_a_failing_action_says_so_and_keeps_what_it_did(client, admin_user, root_page, monkeypatch):
    from wagtail_inclusive_forms.services import audit_runs

    page = old_form(root_page, "parkeren")

    def broken(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(audit_runs, "run_and_store_audit", broken)
    client.force_login(admin_user)
    html = client.post(reverse(FIX), {"page": [page.pk], "publish": "1"}, follow=True).content.decode()
    action = AdminAction.objects.get()
    assert (action.status, action.done, action.total) == ("failed", 1, 2)
    assert "De actie stopte met een fout (RuntimeError)" in html and 'role="alert"' in html
    assert "database went away" not in html  # details go to the log, not the screen
    assert 'data-status="published"' in html  # the page fixed before the failure is listed ...
    assert fields_of(page)[1][2] == "inclusive_gender"  # ... and stays fixed


def test_only_the_person_who_started_it_follows_an_action(client, admin_user, root_page, django_user_model):
    from django.contrib.auth.models import Group, Permission

    page = old_form(root_page, "parkeren")
    client.force_login(admin_user)
    client.post(reverse(FIX), {"page": [page.pk], "publish": "0"})
    url = action_url(AdminAction.objects.get())
    assert client.get(url).status_code == 200

    colleague = django_user_model.objects.create_user("collega", password="x")
    group = Group.objects.create(name="Opschoners")
    group.permissions.add(*Permission.objects.filter(codename__in=["access_admin", "fix_forms"]))
    colleague.groups.add(group)
    client.force_login(colleague)
    for refused in (client.get(url), client.get(url, {"format": "json"})):
        assert (refused.status_code, refused.url) == (302, "/admin/")
    client.logout()
    assert client.get(url).url.startswith("/admin/login/")
    assert client.get(reverse("wagtail_inclusive_forms:admin_action", args=[999])).status_code in (302, 404)


def test_the_dashboards_audit_is_an_action_too(client, admin_user, root_page):
    old_form(root_page, "parkeren")
    client.force_login(admin_user)
    response = client.post(reverse("wagtail_inclusive_forms:audit_dashboard"), follow=True)
    assert "Doorlichting klaar: 1 van 1 formulieren vraagt naar sekse of gender." in response.content.decode()
    action = AdminAction.objects.get()
    assert action.kind == "audit" and action.result["run_id"] == AuditRun.objects.get().pk


def test_finished_actions_are_removed_after_thirty_days(client, admin_user, root_page):
    from datetime import timedelta

    from django.utils import timezone

    def finished(days_ago):
        return AdminAction.objects.create(
            kind="audit", status="done", finished_at=timezone.now() - timedelta(days=days_ago)
        )

    old, recent = finished(31), finished(29)
    waiting = AdminAction.objects.create(kind="bulk_fix")  # never finished: kept
    client.force_login(admin_user)
    client.post(reverse("wagtail_inclusive_forms:audit_dashboard"))
    left = set(AdminAction.objects.values_list("pk", flat=True))
    assert old.pk not in left and {recent.pk, waiting.pk} <= left and len(left) == 3
