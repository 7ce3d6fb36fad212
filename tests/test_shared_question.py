"""The site's standard question: fields follow it, override parts of it, per site."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import ModelLogEntry, Site

from tests.factories import (
    WITH_TRANSLATIONS,
    FormFieldFactory,
    FormPageFactory,
    InclusiveFieldFactory,
    StreamFormPageFactory,
    second_site_and_its_english_home,
)
from tests.test_salutation_admin import settings_post, settings_url
from wagtail_inclusive_forms.core.question import SharedQuestion, resolve_question
from wagtail_inclusive_forms.forms.offered_answers import OfferedAnswersField
from wagtail_inclusive_forms.models import InclusiveFormsSettings
from wagtail_inclusive_forms.models.page_model import get_page_model
from wagtail_inclusive_forms.services.audit_runs import run_and_store_audit

Page = get_page_model()  # wagtailcore.Page, or the site's own (WAGTAIL_PAGE_MODEL)

ADDRESS_CODES = ["address_mr", "address_ms", "address_name_only", "address_custom"]


def offered(page):
    """The answer codes a visitor sees on the live page."""
    html = page.serve(_request(page)).rendered_content
    return [radio["value"] for radio in BeautifulSoup(html, "html.parser").select('input[type="radio"]')]


def _request(page):
    from django.contrib.auth.models import AnonymousUser
    from django.test import RequestFactory

    request = RequestFactory().get(page.url or "/")
    request.user = AnonymousUser()  # a visitor, as Django's middleware sets it
    return request


def set_standard(site, **values):
    settings = InclusiveFormsSettings.for_site(site)
    for name, value in values.items():
        setattr(settings, name, value)
    settings.full_clean()
    settings.save()


@pytest.fixture
def following_page(root_page):
    page = FormPageFactory(parent=root_page, slug="volgt")
    FormFieldFactory(page=page, label="Geslacht", field_type="inclusive_gender", sort_order=0)
    page.save_revision().publish()
    return Page.objects.get(pk=page.pk).specific


def test_a_new_question_follows_the_standard_and_changes_with_it_without_republishing(following_page):
    site = Site.objects.get(is_default_site=True)
    assert offered(following_page) == ["male", "female", "self_described", "undisclosed"]
    set_standard(site, question_mode="form_of_address", question_purpose="Alleen voor de aanhef.")
    page = Page.objects.get(pk=following_page.pk).specific  # a new request, no new revision
    assert offered(page) == ADDRESS_CODES
    assert page.get_inclusive_questions()["geslacht"].purpose == "Alleen voor de aanhef."
    assert page.revisions.count() == 1


def test_an_overridden_setting_stays_while_the_rest_follows(root_page):
    page = FormPageFactory(parent=root_page, slug="eigen")
    InclusiveFieldFactory(
        page=page, label="Geslacht", inclusive_mode="gender", inclusive_purpose="Eigen doel."
    )
    set_standard(
        Site.objects.get(is_default_site=True),
        question_mode="form_of_address",
        question_undisclosed_label="not_relevant",
    )
    page = Page.objects.get(pk=page.pk).specific
    config = page.get_inclusive_questions()["geslacht"]
    assert (config.mode, config.purpose, config.undisclosed_label) == (
        "gender",
        "Eigen doel.",
        "not_relevant",
    )
    assert page.form_fields.get().question.overridden_settings() == ("mode", "purpose")


@WITH_TRANSLATIONS
def test_a_page_in_a_translated_tree_follows_its_own_sites_standard_question(root_page, following_page):
    other_site, english_home = second_site_and_its_english_home()
    english_page = FormPageFactory(parent=english_home, slug="form")
    FormFieldFactory(page=english_page, label="Gender", field_type="inclusive_gender", sort_order=0)
    set_standard(other_site, question_mode="form_of_address")
    question = Page.objects.get(pk=english_page.pk).specific.get_inclusive_questions()["gender"]
    assert question.mode == "form_of_address"  # not the default site's "gender"


def test_each_site_has_its_own_standard_question(root_page, following_page):
    other_home = Page.get_first_root_node().add_child(instance=Page(title="Andere gemeente", slug="andere"))
    other_site = Site.objects.create(hostname="andere.example", port=80, root_page=other_home)
    other_page = FormPageFactory(parent=other_home, slug="formulier")
    FormFieldFactory(page=other_page, label="Geslacht", field_type="inclusive_gender", sort_order=0)
    set_standard(other_site, question_mode="form_of_address")
    assert (
        Page.objects.get(pk=other_page.pk).specific.get_inclusive_questions()["geslacht"].mode
        == "form_of_address"
    )
    assert (
        Page.objects.get(pk=following_page.pk).specific.get_inclusive_questions()["geslacht"].mode == "gender"
    )


def test_a_stream_form_question_follows_the_standard(root_page):
    page = StreamFormPageFactory(parent=root_page, slug="stream", body=[("gender", {"label": "Geslacht"})])
    set_standard(Site.objects.get(is_default_site=True), question_hidden_answers="self_described")
    config = Page.objects.get(pk=page.pk).specific.get_inclusive_questions()["geslacht"]
    assert config.offered_codes == ("male", "female", "undisclosed")


def test_own_answers_that_no_longer_fit_the_standard_mode_fall_back_to_the_standard_answers():
    own = {"hidden_codes": tuple(ADDRESS_CODES)}  # chosen while the standard asked sex or gender
    standard = SharedQuestion(mode="form_of_address", hidden_codes=("address_custom",), purpose="x")
    assert resolve_question(standard, own).offered_codes == ("address_mr", "address_ms", "address_name_only")
    assert resolve_question(standard, own, strict=True).errors()  # but an editor cannot save it like that


def test_the_follow_box_stores_none_and_shows_every_answer():
    field = OfferedAnswersField(allow_follow=True)
    assert field.clean(["shared", "male"]) is None
    assert field.clean(["male", "female"]).startswith("self_described,undisclosed")
    assert field.prepare_value(None)[0] == "shared"
    assert "shared" not in [value for value, _label in OfferedAnswersField().choices]


def test_changing_the_standard_is_logged_with_who_and_what(client, admin_user, root_page):
    client.force_login(admin_user)
    site = Site.objects.get(is_default_site=True)
    response = client.post(settings_url(site), settings_post(question_mode="form_of_address"))
    assert response.status_code == 302
    entry = ModelLogEntry.objects.get(action="wagtail_inclusive_forms.change_standard_question")
    assert entry.user == admin_user
    assert entry.data["changed"]["mode"] == {"old": "gender", "new": "form_of_address"}
    # History says what changed, old and new, in words (Wagtail's LogFormatter).
    assert entry.message.startswith(
        "De standaardvraag van de site gewijzigd: "
        "wat de vraag vraagt van “Geslacht” naar “Gewenste aanspreekvorm”; "
        "doeltekst van “We vragen dit om u aan te spreken zoals u dat wilt."
    )
    assert entry.message.endswith("naar “Zodat we u goed kunnen aanspreken.”")
    history = client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert "wat de vraag vraagt van “Geslacht” naar “Gewenste aanspreekvorm”" in history
    client.post(settings_url(site), settings_post(question_mode="form_of_address"))  # no change: no entry
    assert (
        ModelLogEntry.objects.filter(action="wagtail_inclusive_forms.change_standard_question").count() == 1
    )


@pytest.mark.parametrize(
    ("overrides", "column", "message"),
    [
        ({"question_purpose": "  "}, "question_purpose", "verplicht"),
        ({"question_hidden_answers": ["male"]}, "question_hidden_answers", "twee antwoorden"),
    ],
)
def test_a_standard_question_that_would_break_forms_is_refused(
    client, admin_user, root_page, overrides, column, message
):
    client.force_login(admin_user)
    site = Site.objects.get(is_default_site=True)
    before = getattr(InclusiveFormsSettings.for_site(site), column)
    response = client.post(settings_url(site), settings_post(**overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert getattr(InclusiveFormsSettings.for_site(site), column) == before  # nothing saved


def test_the_editor_shows_what_a_question_follows_and_overrides(client, admin_user, root_page):
    page = FormPageFactory(parent=root_page, slug="editor")
    InclusiveFieldFactory(page=page, label="Geslacht", inclusive_purpose="Eigen doel.")
    client.force_login(admin_user)
    html = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).content.decode()
    table = BeautifulSoup(html, "html.parser").select_one(".wif-shared-question table")
    rows = {
        row.th.get_text(strip=True): row.find_all("td")[-1].get_text(strip=True) for row in table.tbody("tr")
    }
    assert rows == {
        "Wat de vraag vraagt": "volgt de standaard",
        "Aangeboden antwoorden": "volgt de standaard",
        "Tekst van het laatste antwoord": "volgt de standaard",
        "Doeltekst": "eigen instelling",
    }
    assert "data-wif-reset-to-standard" in html


def test_dashboard_counts_followers_and_lists_overriders(client, admin_user, following_page, root_page):
    own = FormPageFactory(parent=root_page, title="Eigen vraag", slug="eigen-vraag")
    InclusiveFieldFactory(page=own, label="Geslacht", inclusive_undisclosed_label="not_relevant")
    own.save_revision().publish()
    run_and_store_audit()
    client.force_login(admin_user)
    html = client.get(reverse("wagtail_inclusive_forms:audit_dashboard")).content.decode()
    section = (
        BeautifulSoup(html, "html.parser")
        .select_one(".wif-standard-question-usage")
        .get_text(" ", strip=True)
    )
    assert "1 formulier volgt de standaardvraag" in section
    assert "Eigen vraag : doeltekst, tekst van het laatste antwoord" in section
