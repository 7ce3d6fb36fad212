"""Guidance while editing: the page editor posts the form as it stands and gets
the audit's findings on it, placed on the form fields, with one-click fixes;
nothing is saved."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import GroupPagePermission
from wagtail.test.utils.form_data import rich_text

from tests.test_admin import inclusive_field, page_post_data
from tests.test_publish_policy import NAME, OLD_QUESTION, edit_data
from tests.testapp.models import FormPage
from wagtail_inclusive_forms.core.audit.purposes import LEGAL_DUTY
from wagtail_inclusive_forms.models import FormPurposeRecord

pytestmark = pytest.mark.django_db


def new_page_url(parent):
    return reverse(
        "wagtail_inclusive_forms:editor_guidance_new",
        args=("wagtail_inclusive_forms_test", "formpage", parent.pk),
    )


def saved_form(root_page, fields=(NAME, OLD_QUESTION)):
    from tests.factories import FormFieldFactory, FormPageFactory

    page = FormPageFactory(parent=root_page, title="Parkeervergunning aanvragen", slug="parkeervergunning")
    for field in fields:
        FormFieldFactory(
            page=page,
            label=field["label"],
            field_type=field["field_type"],
            choices=field["choices"],
            required=bool(field.get("required")),
        )
    page.save_revision().publish()
    return page


def test_a_new_form_is_checked_as_it_is_typed_with_findings_on_the_field(client, admin_user, root_page):
    client.force_login(admin_user)
    result = client.post(new_page_url(root_page), page_post_data([dict(NAME), dict(OLD_QUESTION)])).json()
    assert result["is_valid"]
    on_field = [finding for finding in result["findings"] if finding["field"] == "form_fields-1"]
    assert {finding["message"] for finding in on_field} == {
        "Alleen man en vrouw zijn te kiezen.",
        "Sekse of gender moet worden ingevuld.",
        "Het formulier zegt niet waarom naar sekse of gender wordt gevraagd.",
    }
    assert all(finding["where"] == "Geslacht" for finding in on_field)
    [fix] = result["fixes"]
    assert fix["field"] == "form_fields-1" and fix["kind"] == "replace"
    assert (fix["mode"], fix["required"]) == (
        "",
        False,
    )  # follows the standard, optional: what the bulk fix does
    assert fix["action"] == "Vervang door de inclusieve vraag"
    assert not FormPage.objects.exists()  # nothing saved


def test_an_edited_form_is_checked_as_edited_not_as_saved(client, admin_user, root_page):
    page = saved_form(root_page)
    client.force_login(admin_user)
    url = reverse("wagtail_inclusive_forms:editor_guidance", args=[page.pk])
    as_saved = client.post(url, edit_data(page)).json()
    assert "Alleen man en vrouw zijn te kiezen." in {finding["message"] for finding in as_saved["findings"]}

    data = edit_data(page)
    question = page.form_fields.get(label="Geslacht")
    for name, value in inclusive_field().items():
        if name != "inclusive_hidden_answers":
            data[f"form_fields-1-{name}"] = value
    data["form_fields-1-inclusive_hidden_answers"] = ["male", "female", "self_described", "undisclosed"]
    data["form_fields-1-inclusive_hidden_answers-shown"] = "1"
    data.pop("form_fields-1-required", None)
    as_edited = client.post(url, data).json()
    assert as_edited["findings"] == [] and as_edited["fixes"] == []
    assert (
        as_edited["summary"]
        == "De doorlichting vindt niets te verbeteren aan dit formulier zoals het nu bewerkt wordt."
    )
    question.refresh_from_db()
    assert question.field_type == "dropdown"  # still as saved
    assert page.revisions.count() == 1


def test_gendered_labels_get_their_neutral_word_and_page_text_is_named(client, admin_user, root_page):
    client.force_login(admin_user)
    parent = {**NAME, "label": "Naam vader/moeder"}
    data = page_post_data([parent], intro=rich_text("<p>Geachte heer/mevrouw,</p>"))
    result = client.post(new_page_url(root_page), data).json()
    [label_fix] = [fix for fix in result["fixes"] if fix["kind"] == "label"]
    assert (label_fix["field"], label_fix["label"]) == ("form_fields-0", "Naam ouder")
    assert label_fix["action"] == "“Naam ouder” gebruiken"
    text_findings = [finding for finding in result["findings"] if finding["field"] is None]
    assert text_findings and all(finding["severity"] == "low" for finding in text_findings)
    assert [finding["message"] for finding in text_findings] == [
        "Genderspecifieke formulering: “Geachte heer/mevrouw”."
    ]


def test_with_a_legal_basis_the_replacement_stays_required(client, admin_user, root_page):
    page = saved_form(root_page)
    FormPurposeRecord.objects.create(page=page, purposes=[LEGAL_DUTY], legal_basis="Wet BRP art. 2.7")
    client.force_login(admin_user)
    result = client.post(
        reverse("wagtail_inclusive_forms:editor_guidance", args=[page.pk]), edit_data(page)
    ).json()
    [fix] = result["fixes"]
    assert fix["required"] is True and "blijft verplicht" in fix["description"]


def test_a_form_with_errors_is_not_checked_and_says_so(client, admin_user, root_page):
    client.force_login(admin_user)
    data = page_post_data([dict(NAME)], to_address="geen e-mailadres")
    result = client.post(new_page_url(root_page), data).json()
    assert result == {
        "is_valid": False,
        "summary": "Niet gecontroleerd: het formulier bevat fouten. "
        "De bevindingen hieronder zijn van eerder.",
    }


def test_only_people_who_may_edit_the_page_get_guidance(client, django_user_model, root_page):
    page = saved_form(root_page)
    url = reverse("wagtail_inclusive_forms:editor_guidance", args=[page.pk])
    assert client.post(url, edit_data(page)).status_code == 302  # to the login page

    reader = django_user_model.objects.create_user("lezer", password="x")
    group = Group.objects.create(name="Alleen admin")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    reader.groups.add(group)
    client.force_login(reader)
    # Wagtail's admin turns a refusal into a redirect to the dashboard with a message: no findings.
    for refused in (
        client.post(url, edit_data(page)),
        client.post(new_page_url(root_page), page_post_data([dict(NAME)])),
    ):
        assert (refused.status_code, refused.url) == (302, "/admin/")

    GroupPagePermission.objects.create(group=group, page=root_page, permission_type="change")
    assert client.post(url, edit_data(page)).json()["is_valid"]
    assert client.get(url).status_code == 405  # nothing to fetch: the editor posts its form


def test_the_panel_carries_the_endpoint_on_edit_and_create(client, admin_user, root_page):
    page = saved_form(root_page)
    client.force_login(admin_user)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert f'data-wif-url="{reverse("wagtail_inclusive_forms:editor_guidance", args=[page.pk])}"' in html
    assert "editor-guidance.js" in html
    add = reverse("wagtailadmin_pages:add", args=("wagtail_inclusive_forms_test", "formpage", root_page.pk))
    assert f'data-wif-url="{new_page_url(root_page)}"' in client.get(add).content.decode()


def test_the_editor_brings_the_guidance_on_the_page_as_loaded(client, admin_user, root_page):
    """The panel audits the page once and hands the script what the endpoint
    would answer for the unchanged form, so the script need not ask again."""
    import json

    from bs4 import BeautifulSoup

    page = saved_form(root_page)
    client.force_login(admin_user)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    loaded = json.loads(BeautifulSoup(html, "html.parser").find(id="wif-editor-guidance-data").string)
    asked = client.post(reverse("wagtail_inclusive_forms:editor_guidance", args=[page.pk]), edit_data(page))
    assert loaded == asked.json()
    assert loaded["fixes"][0]["action"] == "Vervang door de inclusieve vraag"
    add = reverse("wagtailadmin_pages:add", args=("wagtail_inclusive_forms_test", "formpage", root_page.pk))
    assert "wif-editor-guidance-data" not in client.get(add).content.decode()  # checked by the script


def test_the_editors_scripts_get_the_codes_from_the_core(client, admin_user, root_page):
    """Field type, modes, answers and "follows the standard": defined once, in Python."""
    import json

    from bs4 import BeautifulSoup

    from wagtail_inclusive_forms.core.question import FOLLOW_SHARED, INCLUSIVE_FIELD_TYPE, MODE_CODES

    page = saved_form(root_page)
    client.force_login(admin_user)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    codes = json.loads(BeautifulSoup(html, "html.parser").find(id="wif-form-builder-codes").string)
    assert codes["inclusiveType"] == INCLUSIVE_FIELD_TYPE == "inclusive_gender"
    assert codes["modeCodes"] == {mode: list(answers) for mode, answers in MODE_CODES.items()}
    assert codes["followCode"] == FOLLOW_SHARED
