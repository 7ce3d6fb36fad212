"""Real headless Chromium (Debian's) driven by Playwright: what visitors and editors do.

Skips with a message when /usr/bin/chromium is missing on a developer's machine;
with WIF_REQUIRE_BROWSER=1 (as in CI) a missing browser fails instead.
"""

import os
import shutil

import pytest
from django.urls import reverse

from tests.testapp.models import FormPage

CHROMIUM = os.environ.get("WIF_CHROMIUM", "/usr/bin/chromium")
# Chromium must not try to reach the internet from a closed machine.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="module")
def browser():
    if not shutil.which(CHROMIUM):
        message = f"{CHROMIUM} not found: run 'apt-get install chromium' (Debian) to enable the browser tests"
        if os.environ.get("WIF_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    # Playwright runs an event loop in this thread; Django's ORM must still be usable from the test.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page_in(browser):
    contexts = []

    def open_page(**options):
        context = browser.new_context(locale="nl-NL", **options)
        contexts.append(context)
        return context.new_page()

    yield open_page
    # Stop every page's scripts (the page editor pings the server) and let requests
    # in flight finish before the live server's database is flushed: a request still
    # reading while the flush runs locks a table and fails the next test's teardown.
    for context in contexts:
        for page in context.pages:
            page.goto("about:blank")
            page.wait_for_load_state("networkidle")
        context.close()


def logged_in_admin(page_in, live_server):
    """A browser tab in which the ``admin_user`` fixture has logged in."""
    page = page_in()
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", "password")
    page.click("button[type=submit]")
    return page


def test_visitor_answers_with_the_keyboard_only(live_server, form_page, page_in):
    page = page_in()
    page.goto(live_server.url + form_page.url)
    description = page.locator("#id_geslacht_description")
    assert description.is_hidden()  # enhanced: shown only for "Ik identificeer me als"

    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "naam"
    page.keyboard.type("Sam de Vries")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "geslacht"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert page.locator("#id_geslacht_2").is_checked()
    assert description.is_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_geslacht_description"
    page.keyboard.type("non-binair")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_selector("text=Bedankt")

    submission = form_page.get_submissions().get()
    assert submission.form_data["geslacht"] == {"answer": "self_described", "description": "non-binair"}


def test_text_typed_before_changing_the_answer_is_not_sent(live_server, form_page, page_in):
    page = page_in()
    page.goto(live_server.url + form_page.url)
    page.fill("#id_naam", "Kim")
    page.check("#id_geslacht_2")
    page.fill("#id_geslacht_description", "iets")
    page.check("#id_geslacht_3")
    assert page.locator("#id_geslacht_description").is_hidden()
    page.click("button[type=submit]")
    page.wait_for_selector("text=Bedankt")
    assert form_page.get_submissions().get().form_data["geslacht"] == {
        "answer": "undisclosed",
        "description": "",
    }


def test_question_works_without_javascript(live_server, form_page, page_in):
    page = page_in(java_script_enabled=False)
    page.goto(live_server.url + form_page.url)
    assert page.locator("#id_geslacht_description").is_visible()
    page.fill("#id_naam", "Jo")
    page.check("#id_geslacht_2")
    page.fill("#id_geslacht_description", "genderfluïde")
    page.click("button[type=submit]")
    page.wait_for_selector("text=Bedankt")
    assert form_page.get_submissions().get().form_data["geslacht"] == {
        "answer": "self_described",
        "description": "genderfluïde",
    }


def test_editor_adds_the_question_in_the_admin_and_publishes(live_server, admin_user, root_page, page_in):
    page = logged_in_admin(page_in, live_server)
    page.goto(f"{live_server.url}/admin/pages/add/wagtail_inclusive_forms_test/formpage/{root_page.pk}/")
    page.fill("#id_title", "Afspraak maken")
    page.click("#id_form_fields-ADD")
    page.fill("#id_form_fields-0-label", "Geslacht")

    required = page.locator("#id_form_fields-0-required")
    required.check()  # Wagtail's default for a new field
    purpose = page.locator("#id_form_fields-0-inclusive_purpose")
    assert purpose.is_hidden()
    assert page.locator("#id_form_fields-0-sensitive").is_visible()  # any other field may be marked
    page.select_option("#id_form_fields-0-field_type", "inclusive_gender")
    assert purpose.is_visible()
    assert purpose.input_value() == ""  # empty: the standard question's purpose text is shown
    assert page.get_by_text("Deze vraag volgt de standaardvraag van de site").first.is_visible()
    assert not required.is_checked()  # new inclusive questions start optional
    assert page.locator("#id_form_fields-0-choices").is_hidden()
    assert page.locator("#id_form_fields-0-sensitive").is_hidden()  # always sensitive
    assert page.get_by_text("standaard niet verplicht").first.is_visible()

    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.click("button[name='action-publish']")
    page.wait_for_url("**/admin/pages/**/")

    created = FormPage.objects.get(title="Afspraak maken")
    assert created.live
    field = created.form_fields.get()
    assert (field.field_type, field.required) == ("inclusive_gender", False)
    assert field.question.config().offered_codes == ("male", "female", "self_described", "undisclosed")


def test_editor_sees_findings_on_the_field_while_editing_and_fixes_them_in_one_click(
    live_server, admin_user, root_page, page_in
):
    from tests.factories import FormFieldFactory, FormPageFactory

    form = FormPageFactory(parent=root_page, title="Oud formulier", slug="oud-formulier")
    FormFieldFactory(page=form, label="Naam", sort_order=0)
    FormFieldFactory(
        page=form, label="Geslacht", field_type="dropdown", choices="Man\nVrouw", required=True, sort_order=1
    )
    form.save_revision().publish()
    page = logged_in_admin(page_in, live_server)
    guidance_url = reverse("wagtail_inclusive_forms:editor_guidance", args=[form.pk])
    checks = []
    page.on("request", lambda request: checks.append(request) if guidance_url in request.url else None)
    page.goto(f"{live_server.url}/admin/pages/{form.pk}/edit/")

    question = page.locator("[data-inline-panel-child]").filter(has=page.locator("#id_form_fields-1-label"))
    marker = question.locator(".wif-field-guidance")
    marker.get_by_text("Alleen man en vrouw zijn te kiezen.").wait_for()
    assert page.locator(".wif-field-guidance").count() == 1  # only on the field concerned
    assert checks == []  # the editor brought the findings: the page is audited once per load
    # A saved field of another type shows no inclusive settings (they would slow the editor down).
    assert page.locator("#id_form_fields-1-inclusive_purpose").count() == 0
    marker.get_by_role("button", name="Vervang door de inclusieve vraag").click()
    assert page.locator("#id_form_fields-1-field_type").input_value() == "inclusive_gender"
    assert question.get_by_text("Dit veld wordt de inclusieve vraag als u de pagina opslaat.").is_visible()
    assert not page.locator("#id_form_fields-1-required").is_checked()
    assert page.locator("#id_form_fields-1-choices").is_hidden()
    page.get_by_text("De doorlichting vindt niets te verbeteren aan dit formulier").wait_for()
    assert page.locator(".wif-field-guidance").count() == 0

    # Typing, not saving: the label is checked as it is typed.
    page.fill("#id_form_fields-0-label", "Naam vader/moeder")
    page.locator(".wif-field-guidance").get_by_text("“vader/moeder”").wait_for()
    page.get_by_role("button", name="“Naam ouder” gebruiken").click()
    assert page.locator("#id_form_fields-0-label").input_value() == "Naam ouder"
    assert (
        FormPage.objects.get(pk=form.pk).form_fields.get(sort_order=1).field_type == "dropdown"
    )  # not saved

    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.click("button[name='action-publish']")
    page.wait_for_url("**/admin/pages/**/")
    saved = {field.label: field for field in FormPage.objects.get(pk=form.pk).form_fields.all()}
    assert set(saved) == {"Naam ouder", "Geslacht"}
    assert (saved["Geslacht"].field_type, saved["Geslacht"].required) == ("inclusive_gender", False)
    # follows the site's standard question entirely
    assert saved["Geslacht"].question.overridden_settings() == ()


def test_a_salutation_question_replaced_in_the_editor_asks_the_form_of_address(
    live_server, admin_user, root_page, page_in
):
    """The standard question asks sex or gender; "Dhr./Mevr." becomes the form-of-address question."""
    from tests.factories import FormFieldFactory, FormPageFactory

    form = FormPageFactory(parent=root_page, title="Afspraak", slug="afspraak")
    FormFieldFactory(page=form, label="Aanhef", field_type="radio", choices="Dhr.\nMevr.", sort_order=0)
    form.save_revision().publish()
    page = logged_in_admin(page_in, live_server)
    page.goto(f"{live_server.url}/admin/pages/{form.pk}/edit/")
    page.get_by_role("button", name="Vervang door de inclusieve vraag").click()
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.click("button[name='action-publish']")
    page.wait_for_url("**/admin/pages/**/")
    field = FormPage.objects.get(pk=form.pk).form_fields.get()
    assert (field.field_type, field.inclusive_mode) == ("inclusive_gender", "form_of_address")
    assert field.inclusive_hidden_answers is None  # the answers follow the standard question


def test_editor_resets_a_question_to_follow_the_standard(live_server, admin_user, root_page, page_in):
    from tests.factories import FormPageFactory, InclusiveFieldFactory

    form = FormPageFactory(parent=root_page, title="Eigen vraag", slug="eigen-vraag")
    InclusiveFieldFactory(
        page=form, label="Geslacht", inclusive_mode="gender", inclusive_hidden_answers="self_described"
    )
    form.save_revision().publish()
    page = logged_in_admin(page_in, live_server)
    page.goto(f"{live_server.url}/admin/pages/{form.pk}/edit/")
    male = page.locator("input[name='form_fields-0-inclusive_hidden_answers'][value='male']")
    assert male.is_enabled()
    page.get_by_role("button", name="In alles de standaardvraag volgen").click()
    assert page.locator("#id_form_fields-0-inclusive_purpose").input_value() == ""
    assert page.locator("#id_form_fields-0-inclusive_mode").input_value() == ""
    assert male.is_disabled()  # the own answers no longer count
    assert page.get_by_text("volgt nu in alles de standaardvraag").is_visible()
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.click("button[name='action-publish']")
    page.wait_for_url("**/admin/pages/**/")
    field = FormPage.objects.get(pk=form.pk).form_fields.get()
    assert field.question.overridden_settings() == ()


def test_a_following_question_shows_the_answers_of_the_standard_questions_mode(
    live_server, admin_user, root_page, page_in
):
    from wagtail.models import Site

    from tests.factories import FormPageFactory, InclusiveFieldFactory
    from wagtail_inclusive_forms.models import InclusiveFormsSettings

    standard = InclusiveFormsSettings.for_site(Site.objects.get(is_default_site=True))
    standard.question_mode = "form_of_address"
    standard.save()
    form = FormPageFactory(parent=root_page, title="Aanhef", slug="aanhef")
    InclusiveFieldFactory(page=form, label="Aanhef", inclusive_mode="", inclusive_hidden_answers=None)
    page = logged_in_admin(page_in, live_server)
    page.goto(f"{live_server.url}/admin/pages/{form.pk}/edit/")

    def answer_box(code):
        return page.locator(f"input[name='form_fields-0-inclusive_hidden_answers'][value='{code}']")

    assert answer_box("address_mr").is_visible()
    assert answer_box("male").is_hidden()  # the standard asks the form of address, not sex
    page.select_option("#id_form_fields-0-inclusive_mode", "gender")  # the editor overrides the mode
    assert answer_box("male").is_visible()
    assert answer_box("address_mr").is_hidden()


FEMALE_CELL = "document.querySelector('table.wif-salutation-preview tbody tr:nth-child(2) td')"


def test_admin_sees_the_salutation_preview_change_while_typing(live_server, admin_user, root_page, page_in):
    from wagtail.models import Site

    from wagtail_inclusive_forms.models import InclusiveFormsSettings

    site = Site.objects.get(is_default_site=True)
    page = logged_in_admin(page_in, live_server)
    page.goto(f"{live_server.url}/admin/settings/wagtail_inclusive_forms/inclusiveformssettings/{site.pk}/")
    page.get_by_role("tab", name="Aanhef").click()  # the first tab holds the standard question
    preview = page.locator("table.wif-salutation-preview")
    female_row = preview.locator("tbody tr").nth(1)
    assert female_row.locator("td").first.inner_text() == "Beste mevrouw Van der Berg"

    page.get_by_label("Utrecht: Geachte heer/mevrouw, anders voorletters en achternaam").check()
    page.wait_for_function(f"{FEMALE_CELL}.textContent === 'Geachte mevrouw Van der Berg'")
    page.get_by_label("Mijn eigen aanhef (hieronder)").check()
    page.fill("#id_salutation_female", "Hallo {voornaam}\nHallo")
    page.wait_for_function(f"{FEMALE_CELL}.textContent === 'Hallo Anna'")
    typed_row = preview.locator("tbody tr", has_text="Spreek mij aan met")
    assert typed_row.locator("td").first.inner_text() == "Beste Anna"
    page.get_by_role("checkbox", name="Gebruik wat mensen typen na").check()
    page.wait_for_function(
        "[...document.querySelectorAll('table.wif-salutation-preview tbody tr')]"
        ".some(row => row.textContent.includes('Beste Mx. Jansen'))"
    )
    page.fill("#id_salutation_female", "Hallo {bijnaam}")
    page.get_by_text("Onbekende naam “{bijnaam}”").wait_for()
    assert (
        InclusiveFormsSettings.objects.filter(salutation_female__contains="Hallo").count() == 0
    )  # not saved


def test_the_stream_form_editor_names_its_question_inputs(live_server, admin_user, root_page, page_in):
    from tests.factories import StreamFormPageFactory

    form = StreamFormPageFactory(parent=root_page, title="Stroom", slug="stroom", body=[("name", "Naam")])
    form.save_revision().publish()
    page = logged_in_admin(page_in, live_server)
    page.goto(f"{live_server.url}/admin/pages/{form.pk}/edit/")
    # The block's input is found by its accessible name, as a screen reader announces it.
    question = page.get_by_role("textbox", name="Name field label")
    assert question.input_value() == "Naam"


def test_a_stream_question_stores_its_answers_as_the_form_builder_does(
    live_server, admin_user, root_page, page_in
):
    from tests.factories import StreamFormPageFactory
    from tests.testapp.models import StreamFormPage

    question = {"label": "Geslacht", "mode": "gender", "offered_answers": ["male", "female", "undisclosed"]}
    form = StreamFormPageFactory(parent=root_page, title="Stroom", slug="stroom", body=[("gender", question)])
    form.save_revision().publish()
    page = logged_in_admin(page_in, live_server)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{live_server.url}/admin/pages/{form.pk}/edit/")
    boxes = "input[name$='-offered_answers']"
    page.wait_for_selector(boxes, state="attached")
    ticked = page.locator(f"{boxes}:checked")
    assert [ticked.nth(i).input_value() for i in range(ticked.count())] == ["male", "female", "undisclosed"]
    page.locator(f"{boxes}[value='female']").uncheck()
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.click("button[name='action-publish']")
    page.wait_for_url("**/admin/pages/**/")

    value = StreamFormPage.objects.get(pk=form.pk).body.raw_data[0]["value"]
    switched_off = "female,self_described,address_mr,address_ms,address_name_only,address_custom"
    assert value["offered_answers"] == switched_off
    page.goto(f"{live_server.url}/admin/pages/{form.pk}/edit/")
    page.locator(f"{boxes}[value='shared']").check()  # back to the standard question's answers
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.click("button[name='action-publish']")
    page.wait_for_url("**/admin/pages/**/")
    assert StreamFormPage.objects.get(pk=form.pk).body.raw_data[0]["value"]["offered_answers"] is None
    assert errors == []


def test_a_person_changes_then_cannot_reuse_and_withdraws_through_a_fresh_link(
    live_server, appointment_page, page_in, settings
):
    """The whole path a visitor takes: send the form, open the link from the
    confirmation e-mail, change the answer, find the link used; a second
    submission's link withdraws the answer and keeps the rest."""
    from django.core import mail

    appointment_page.confirmation_email_enabled = True
    appointment_page.confirmation_email_body = "{aanhef},\n\nWijzigen of intrekken: {wijzigen}"
    appointment_page.save_revision().publish()

    def send_and_open(page):
        mail.outbox.clear()
        page.goto(live_server.url + appointment_page.url)
        page.fill("#id_achternaam", "Berg")
        page.fill("#id_e_mailadres", "anna@example.org")
        page.check("#id_geslacht_2")
        page.fill("#id_geslacht_description", "non-binair")
        page.click("button[type=submit]")
        page.wait_for_selector("text=Bedankt")
        body = next(message.body for message in mail.outbox if message.to == ["anna@example.org"])
        link = body.split("Wijzigen of intrekken: ")[1].strip()
        page.goto(link.replace("http://localhost", live_server.url))
        return link

    page = page_in()
    send_and_open(page)
    assert page.locator("h1").inner_text() == "Uw antwoorden wijzigen of intrekken"
    assert page.locator("#id_geslacht_2").is_checked()
    assert page.locator("#id_geslacht_description").input_value() == "non-binair"
    assert page.locator("#id_achternaam").count() == 0  # only the sensitive answers
    page.check("#id_geslacht_3")
    page.click("button[value=save]")
    page.wait_for_selector("text=Uw antwoorden zijn gewijzigd")
    first = appointment_page.get_submissions().get()
    assert first.form_data["geslacht"] == {"answer": "undisclosed", "description": ""}
    page.go_back()
    page.reload()
    assert page.locator("h1").inner_text() == "Deze link is al gebruikt"

    send_and_open(page)
    page.click("button[value=withdraw]")
    page.wait_for_selector("text=Uw antwoorden zijn ingetrokken")
    second = appointment_page.get_submissions().exclude(pk=first.pk).get()
    assert "geslacht" not in second.form_data and second.form_data["achternaam"] == "Berg"


def test_the_content_checker_reports_gendered_wording_on_the_page(
    live_server, admin_user, root_page, page_in
):
    """Wagtail's own checker (the userbar's "Checks"), run by axe-core in Chromium, with our rule."""
    from tests.factories import FormFieldFactory, FormPageFactory

    form = FormPageFactory(parent=root_page, title="Inschrijven", slug="inschrijven")
    FormFieldFactory(page=form, label="Naam vader/moeder", sort_order=0)
    FormFieldFactory(page=form, label="Naam kind", sort_order=1)
    form.save_revision().publish()
    page = logged_in_admin(page_in, live_server)
    page.wait_for_url("**/admin/")
    page.goto(live_server.url + form.url)

    page.locator("[data-w-userbar-axe-count]").wait_for(state="attached")
    page.locator("#wagtail-userbar-trigger").click()
    page.locator("#checker-trigger").click()
    results = page.locator("[data-content-checker-row]")
    results.first.wait_for()
    names = [row.locator("[data-content-checker-name]").inner_text() for row in results.all()]
    assert names.count("Genderspecifieke formulering") == 1  # on the label, once
    assert page.get_by_text("“ouder” voor “vader/moeder”").first.is_visible()


def test_the_progress_page_follows_a_bulk_fix_run_by_a_worker(live_server, admin_user, root_page, page_in):
    from tests.test_admin_actions import worker_backend
    from tests.test_bulk_fix import old_form
    from wagtail_inclusive_forms.services.admin_actions import run_bulk_fix_action, start_bulk_fix

    form = old_form(root_page, "parkeren")
    with worker_backend():
        action = start_bulk_fix([form.pk], admin_user, publish=False)
    page = logged_in_admin(page_in, live_server)
    page.wait_for_url("**/admin/")
    page.goto(f"{live_server.url}/admin/inclusive-forms/actions/{action.pk}/")
    assert page.get_by_text("wacht op start").is_visible()
    assert page.locator("progress").get_attribute("value") == "0"

    run_bulk_fix_action(action.pk, [form.pk], publish=False)  # the worker runs it
    page.locator('tr[data-status="draft"]').wait_for()  # the page noticed and shows the outcome
    assert page.locator("progress").count() == 0
    assert page.get_by_text(form.title).first.is_visible()
