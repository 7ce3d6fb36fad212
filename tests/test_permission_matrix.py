"""Every URL the package adds or takes over, for every kind of user, GET and POST,
with CSRF enforced: who may see and do what, and that a refused POST changes nothing."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse
from wagtail.contrib.forms.models import FormSubmission

from tests.factories import FormFieldFactory, FormPageFactory
from wagtail_inclusive_forms.models import AuditRun, FormPurposeRecord

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "no_admin_access", "editor", "moderator", "view_audit", "fix_forms", "superuser"]
EDITORS = {"editor", "moderator", "superuser"}  # may edit the form page (Wagtail's default groups)
AUDITORS = {"view_audit", "superuser"}
FIXERS = {"fix_forms", "superuser"}


def make_user(django_user_model, role):
    if role == "anonymous":
        return None
    if role == "superuser":
        return django_user_model.objects.create_superuser(role, f"{role}@example.org", "password")
    user = django_user_model.objects.create_user(role, f"{role}@example.org", "password")
    if role == "editor":
        user.groups.add(Group.objects.get(name="Editors"))
    elif role == "moderator":
        user.groups.add(Group.objects.get(name="Moderators"))
    elif role != "no_admin_access":
        group = Group.objects.create(name=f"Alleen {role}")
        group.permissions.add(
            Permission.objects.get(codename="access_admin"), Permission.objects.get(codename=role)
        )
        user.groups.add(group)
    return user


@pytest.fixture
def form_with_old_question(root_page):
    page = FormPageFactory(parent=root_page, title="Parkeervergunning", slug="parkeren")
    FormFieldFactory(page=page, label="Geslacht", field_type="dropdown", choices="Man\nVrouw", required=True)
    page.save_revision().publish()
    FormSubmission.objects.create(page=page, form_data={"geslacht": "Man"})
    return page


def urls(page) -> dict[str, tuple[str, set[str], dict | None, callable]]:
    """name -> (url, roles allowed, data for a POST or None for GET-only views, what a POST changes)."""
    return {
        "dashboard": (
            reverse("wagtail_inclusive_forms:audit_dashboard"),
            AUDITORS,
            {},
            lambda: AuditRun.objects.count(),
        ),
        "report": (reverse("wagtail_inclusive_forms:audit_report"), AUDITORS, None, None),
        "report_results": (reverse("wagtail_inclusive_forms:audit_report_results"), AUDITORS, None, None),
        "report_export": (
            reverse("wagtail_inclusive_forms:audit_report") + "?export=csv",
            AUDITORS,
            None,
            None,
        ),
        "purpose_records": (reverse("wagtail_inclusive_forms:purpose_records"), AUDITORS, None, None),
        "purpose_records_export": (
            reverse("wagtail_inclusive_forms:purpose_records") + "?export=xlsx",
            AUDITORS,
            None,
            None,
        ),
        "purpose_record": (
            reverse("wagtail_inclusive_forms:purpose_record", args=(page.pk,)),
            EDITORS,
            {"purposes": ["communication"], "decision": "form_of_address"},
            lambda: FormPurposeRecord.objects.count(),
        ),
        "bulk_fix": (
            reverse("wagtail_inclusive_forms:bulk_fix"),
            FIXERS,
            {"page": [str(page.pk)], "publish": "1"},
            lambda: page.revisions.count(),
        ),
        "salutation_preview": (
            reverse("wagtail_inclusive_forms:salutation_preview"),
            {"superuser"},  # may change site settings
            {"salutation_scheme": "den_haag"},
            None,
        ),
        "submissions": (reverse("wagtailforms:list_submissions", args=(page.pk,)), EDITORS, None, None),
    }


def refused(response, url) -> bool:
    """Wagtail answers a refusal with 403, or sends the user to the login page or the dashboard."""
    if response.status_code == 403:
        return True
    return response.status_code == 302 and not response["Location"].startswith(url.split("?")[0])


def csrf_token(client) -> str:
    """A valid token: the same secret in the cookie and the form, as a browser sends it."""
    token = "k" * 32
    client.cookies["csrftoken"] = token
    return token


@pytest.mark.parametrize("role", ROLES)
def test_get_and_post_of_every_url_for_every_user(role, django_user_model, form_with_old_question):
    user = make_user(django_user_model, role)
    client = Client(enforce_csrf_checks=True)
    if user is not None:
        client.force_login(user)
    for name, (url, allowed, data, changes) in urls(form_with_old_question).items():
        response = client.get(url)
        if name == "salutation_preview":  # POST only
            assert response.status_code in (302, 405) if role != "anonymous" else refused(response, url)
        elif role in allowed:
            assert response.status_code == 200, (name, role, response.status_code)
        else:
            assert refused(response, url), (name, role, response.status_code)

        before = changes() if changes else None
        # Without the CSRF token every POST is refused and changes nothing.
        assert client.post(url, data or {}).status_code == 403, (name, role)
        assert before is None or changes() == before, (name, role)

        response = client.post(url, {**(data or {}), "csrfmiddlewaretoken": csrf_token(client)})
        if data is None and role in allowed:
            assert response.status_code == 405, (name, role, response.status_code)  # GET only
        elif role in allowed:
            assert response.status_code in (200, 302), (name, role, response.status_code)
            assert not (response.status_code == 302 and "login" in response["Location"]), (name, role)
        else:
            assert refused(response, url), (name, role, response.status_code)
            assert before is None or changes() == before, (name, role)


def test_the_allowed_posts_really_act(django_user_model, form_with_old_question):
    """The matrix's allowed POSTs are not empty gestures: each does its work."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user(django_user_model, "superuser"))
    table = urls(form_with_old_question)
    for name in ("dashboard", "purpose_record", "bulk_fix"):
        url, _allowed, data, changes = table[name]
        before = changes()
        client.post(url, {**data, "csrfmiddlewaretoken": csrf_token(client)})
        assert changes() > before, name
    url, _allowed, data, _changes = table["salutation_preview"]
    html = client.post(url, {**data, "csrfmiddlewaretoken": csrf_token(client)}).content.decode()
    assert re.search(r"Beste mevrouw", html)
