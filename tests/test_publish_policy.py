"""The site's publish policy: off, warn or block publishing a form that asks
sex or gender without a recorded legal basis, in Wagtail's own page editor."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import GroupPagePermission, PageLogEntry, Workflow

from tests.test_admin import add_page_url, inclusive_field, page_post_data
from tests.testapp.models import FormPage
from wagtail_inclusive_forms.admin.views.publish_policy import CONFIRMED_ACTION
from wagtail_inclusive_forms.core.audit.policy import BLOCK, OFF, WARN, publish_decision
from wagtail_inclusive_forms.models import FormPurposeRecord, InclusiveFormsSettings

pytestmark = pytest.mark.django_db

OLD_QUESTION = {
    "label": "Geslacht",
    "help_text": "",
    "field_type": "dropdown",
    "choices": "Man\nVrouw",
    "default_value": "",
    "required": "on",
}
NAME = {"label": "Naam", "help_text": "", "field_type": "singleline", "choices": "", "default_value": ""}


def set_policy(root_page, policy):
    InclusiveFormsSettings.objects.update_or_create(
        site=root_page.get_site(), defaults={"publish_policy": policy}
    )


def publish_new_form(client, root_page, fields):
    return client.post(add_page_url(root_page), {**page_post_data(fields), "action-publish": "publish"})


def publish_under(policy, client, user, root_page, fields=(NAME, OLD_QUESTION)):
    """``user`` presses Publish on a new form under the site's ``policy``: the response and the page."""
    set_policy(root_page, policy)
    client.force_login(user)
    response = publish_new_form(client, root_page, list(fields))
    return response, FormPage.objects.get(slug="parkeervergunning")


OLD = {"binary-options", "required", "no-purpose"}


@pytest.mark.parametrize(
    "policy, asks, basis, codes, expected",
    [
        (OFF, True, False, OLD, OFF),
        (WARN, True, False, OLD, WARN),
        (BLOCK, True, False, OLD, BLOCK),
        (BLOCK, True, True, OLD, OFF),  # a law requires it: recorded, so published
        (BLOCK, False, False, {"gendered-language"}, OFF),  # forms that do not ask are never held
        (BLOCK, True, False, set(), OFF),  # the inclusive question with its purpose: nothing to fault
        (BLOCK, True, False, {"gendered-language"}, OFF),  # wording alone does not hold a form
        (BLOCK, True, False, {"unkept-promise"}, BLOCK),  # its purpose text promises too much
        ("unknown", True, False, OLD, OFF),
    ],
)
def test_only_faulted_questions_without_a_legal_basis_are_held(policy, asks, basis, codes, expected):
    assert publish_decision(policy, asks, basis, codes) == expected


def test_off_publishes_as_wagtail_always_did(client, editor, root_page):
    set_policy(root_page, OFF)
    client.force_login(editor)
    publish_new_form(client, root_page, [NAME, OLD_QUESTION])
    assert FormPage.objects.get(slug="parkeervergunning").live


def test_block_keeps_the_draft_refuses_publishing_and_says_how_out(client, editor, root_page):
    response, page = publish_under(BLOCK, client, editor, root_page)
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_pages:edit", args=(page.pk,))
    assert not page.live and page.latest_revision is not None  # nothing typed is lost
    assert [field.label for field in page.get_latest_revision_as_object().get_form_fields()] == [
        "Naam",
        "Geslacht",
    ]
    html = client.get(response.url).content.decode()
    assert "is opgeslagen als concept maar niet gepubliceerd" in html
    assert reverse("wagtail_inclusive_forms:purpose_record", args=(page.pk,)) in html


def test_block_lets_a_form_with_a_recorded_legal_basis_or_an_inclusive_question_through(
    client, editor, admin_user, root_page
):
    _response, page = publish_under(BLOCK, client, editor, root_page)
    FormPurposeRecord.objects.create(page=page, purposes=["legal_duty"], legal_basis="Paspoortwet art. 3")
    client.post(
        reverse("wagtailadmin_pages:edit", args=(page.pk,)), {**edit_data(page), "action-publish": "1"}
    )
    page.refresh_from_db()
    assert page.live
    # A form without any sex question is never held.
    data = page_post_data([NAME], slug="zonder-geslacht", title="Zonder geslacht")
    client.post(add_page_url(root_page), {**data, "action-publish": "publish"})
    assert FormPage.objects.get(slug="zonder-geslacht").live


def edit_data(page):
    fields = [
        {**NAME, "id": field.pk, "ORDER": str(order)}
        if field.label == "Naam"
        else {**OLD_QUESTION, "id": field.pk, "ORDER": str(order)}
        for order, field in enumerate(page.form_fields.all())
    ]
    data = page_post_data(fields)
    data["form_fields-INITIAL_FORMS"] = str(len(fields))
    return data


def test_warn_shows_the_findings_and_publishes_after_confirmation(client, editor, root_page):
    response, page = publish_under(WARN, client, editor, root_page)
    confirm = reverse("wagtail_inclusive_forms:confirm_publish", args=(page.pk, page.latest_revision_id))
    assert response.url == confirm and not page.live
    html = client.get(confirm).content.decode()
    assert "Alleen man en vrouw zijn te kiezen." in html and "Toch publiceren" in html
    assert client.post(confirm).status_code == 302
    page.refresh_from_db()
    assert page.live and not page.has_unpublished_changes
    entry = PageLogEntry.objects.filter(page=page, action=CONFIRMED_ACTION).get()
    assert entry.user == editor


def test_the_way_out_works_the_inclusive_question_with_its_purpose_is_published(client, editor, root_page):
    """The reason a held form gives ("make it inclusive and optional") really lets it through."""
    _response, page = publish_under(BLOCK, client, editor, root_page, (NAME, inclusive_field()))
    assert page.live


def test_confirming_needs_publish_permission_and_the_latest_draft(
    client, editor, django_user_model, root_page
):
    _response, page = publish_under(WARN, client, editor, root_page)
    confirm = reverse("wagtail_inclusive_forms:confirm_publish", args=(page.pk, page.latest_revision_id))
    writer = django_user_model.objects.create_user("schrijver", "s@example.org", "password")
    group = Group.objects.create(name="Schrijvers")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(group=group, page=root_page, permission_type="change")
    writer.groups.add(group)
    client.force_login(writer)
    # Wagtail's admin answers a permission error with a redirect to its home page.
    assert client.get(confirm).url == reverse("wagtailadmin_home")
    client.post(confirm)
    page.refresh_from_db()
    assert not page.live
    client.force_login(editor)
    page.save_revision(user=editor)  # someone saved again: the warning was about an older draft
    client.post(confirm)
    page.refresh_from_db()
    assert not page.live


def test_workflows_keep_working_under_block(client, editor, root_page):
    """Submitting for moderation is not publishing; the moderator who approves decides."""
    set_policy(root_page, BLOCK)
    workflow = Workflow.objects.first()  # Wagtail's "Moderators approval", on the root by migration
    assert workflow is not None
    client.force_login(editor)
    client.post(add_page_url(root_page), {**page_post_data([NAME, OLD_QUESTION]), "action-submit": "1"})
    page = FormPage.objects.get(slug="parkeervergunning")
    assert page.current_workflow_state is not None and not page.live


def test_an_admin_chooses_the_policy_in_the_sites_settings(client, admin_user, root_page):
    from tests.test_salutation_admin import settings_post, settings_url

    site = root_page.get_site()
    client.force_login(admin_user)
    form = client.get(settings_url(site)).content.decode()
    assert "Tegenhouden: niet publiceren" in form and "Publiceren" in form
    assert client.post(settings_url(site), settings_post(publish_policy="block")).status_code == 302
    assert InclusiveFormsSettings.for_site(site).publish_policy == BLOCK
    response = client.post(settings_url(site), settings_post(publish_policy="sometimes"))
    assert response.status_code == 200  # refused, with the form shown again
    assert InclusiveFormsSettings.for_site(site).publish_policy == BLOCK
