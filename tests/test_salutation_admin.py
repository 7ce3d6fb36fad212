"""Site admins set the salutation scheme; editors pick a form's name fields."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import Site

from tests.test_admin import add_page_url, inclusive_field, page_post_data
from tests.testapp.models import FormPage
from wagtail_inclusive_forms.models import InclusiveFormsSettings

pytestmark = pytest.mark.django_db

PREVIEW_URL = "wagtail_inclusive_forms:salutation_preview"


def settings_url(site):
    return reverse(
        "wagtailsettings:edit", args=("wagtail_inclusive_forms", "inclusiveformssettings", site.pk)
    )


def settings_post(**overrides):
    data = {
        "question_mode": "gender",
        "question_hidden_answers": [
            "male",
            "female",
            "self_described",
            "undisclosed",
            "address_mr",
            "address_ms",
            "address_name_only",
            "address_custom",
        ],
        "question_hidden_answers-shown": "1",  # the checkboxes' marker, as the page sends it
        "question_undisclosed_label": "prefer_not_to_say",
        "question_purpose": "Zodat we u goed kunnen aanspreken.",
        "question_label": "",
        "question_address_label": "",
        "salutation_scheme": "custom",
        "salutation_male": "Beste meneer {achternaam}\nBeste inwoner",
        "salutation_female": "Beste mevrouw {achternaam}\nBeste inwoner",
        "salutation_self_described": "Beste {voornaam}\nBeste inwoner",
        "salutation_undisclosed": "Beste {voornaam}\nBeste inwoner",
        "salutation_unanswered": "Beste inwoner",
        "retention_days": "",  # the "Bewaartermijn" tab as a new site has it
        "retention_action": "anonymise",
        "publish_policy": "off",  # the "Publiceren" tab
    }
    data.update(overrides)
    return data


def preview_table(html):
    table = BeautifulSoup(html, "html.parser").find("table", class_="wif-salutation-preview")
    return [
        [cell.get_text(strip=True) for cell in row.find_all(["th", "td"])] for row in table.find_all("tr")
    ]


def test_settings_page_shows_the_scheme_with_a_preview(client, admin_user, root_page):
    client.force_login(admin_user)
    response = client.get(settings_url(Site.objects.get(is_default_site=True)))
    assert response.status_code == 200
    rows = preview_table(response.content.decode())
    assert rows[0] == ["Antwoord", "Anna van der Berg", "J.R. de Vries", "Sam", "geen naam opgegeven"]
    assert rows[2] == [
        "Vrouw",
        "Beste mevrouw Van der Berg",
        "Beste mevrouw De Vries",
        "Beste Sam",
        "Beste geadresseerde",
    ]
    assert "Den Haag: Beste meneer/mevrouw, anders de voornaam" in response.content.decode()


def test_admin_saves_own_salutations_and_forms_use_them(client, admin_user, appointment_page):
    client.force_login(admin_user)
    site = Site.objects.get(is_default_site=True)
    response = client.post(settings_url(site), settings_post())
    assert response.status_code == 302
    assert appointment_page.get_salutation({"voornaam": "Anna", "geslacht": ""}) == "Beste inwoner"
    assert appointment_page.get_salutation({"voornaam": "Anna", "geslacht": "undisclosed"}) == "Beste Anna"


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"salutation_male": "Beste meneer {achternaam.__class__}\nBeste inwoner"},
            "salutation_male",
            "is niet toegestaan",
        ),
        (
            {"salutation_female": "Beste mevrouw {achternaam}"},
            "salutation_female",
            "Eindig met een aanhef zonder namen",
        ),
        ({"salutation_unanswered": ""}, "salutation_unanswered", "Geef ten minste één aanhef"),
        (
            {"salutation_self_described": "Beste {naam\nBeste inwoner"},
            "salutation_self_described",
            "accolades",
        ),
        # A broken own salutation is refused even while a preset is chosen.
        (
            {"salutation_scheme": "utrecht", "salutation_male": "Beste {bijnaam}"},
            "salutation_male",
            "Onbekende naam",
        ),
        ({"salutation_scheme": "amsterdam"}, "salutation_scheme", "geen beschikbare keuze"),
    ],
)
def test_invalid_salutations_are_refused_and_nothing_is_saved(
    client, admin_user, root_page, overrides, field, message
):
    client.force_login(admin_user)
    site = Site.objects.get(is_default_site=True)
    response = client.post(settings_url(site), settings_post(**overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert InclusiveFormsSettings.for_site(site).salutation_scheme == "den_haag"


def test_preview_follows_what_the_admin_typed(client, admin_user, root_page):
    client.force_login(admin_user)
    response = client.post(reverse(PREVIEW_URL), settings_post(salutation_female="Hoi {voornaam}\nHoi"))
    rows = preview_table(response.content.decode())
    assert rows[2][1:] == ["Hoi Anna", "Hoi", "Hoi Sam", "Hoi"]
    assert InclusiveFormsSettings.objects.count() == 0  # nothing saved


def test_preview_explains_a_broken_scheme_and_escapes_it(client, admin_user, root_page):
    client.force_login(admin_user)
    response = client.post(reverse(PREVIEW_URL), settings_post(salutation_male="<script>{naam}</script>"))
    html = response.content.decode()
    assert "Onbekende naam “{naam}”" in html
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_preview_needs_the_settings_permission(client, editor, admin_user, root_page):
    client.force_login(editor)
    refused = client.post(reverse(PREVIEW_URL), settings_post())
    assert refused.status_code in (302, 403) and "Beste" not in refused.content.decode()
    group = Group.objects.create(name="Privacy")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="change_inclusiveformssettings"),
    )
    editor.groups.add(group)
    assert client.post(reverse(PREVIEW_URL), settings_post()).status_code == 200
    assert client.get(reverse(PREVIEW_URL)).status_code == 405


def test_editor_without_permission_cannot_open_the_settings(client, editor, root_page):
    client.force_login(editor)
    response = client.get(settings_url(Site.objects.get(is_default_site=True)))
    assert response.status_code in (302, 403)
    assert "wif-salutation-preview" not in response.content.decode()


def test_page_editor_offers_the_forms_own_fields_with_the_automatic_match(
    client, admin_user, appointment_page
):
    client.force_login(admin_user)
    response = client.get(reverse("wagtailadmin_pages:edit", args=(appointment_page.pk,)))
    soup = BeautifulSoup(response.content, "html.parser")
    select = soup.find("select", attrs={"name": "salutation_given_name_field"})
    options = [(option["value"], option.get_text(strip=True)) for option in select.find_all("option")]
    assert options[0] == ("", "Automatisch (nu: Voornaam)")
    assert ("achternaam", "Achternaam") in options
    preset = soup.find("select", attrs={"name": "salutation_preset"})
    assert preset.find("option")["value"] == ""


def test_confirmation_text_with_an_unknown_field_is_refused(client, admin_user, root_page):
    client.force_login(admin_user)
    data = page_post_data(
        [
            inclusive_field(),
            {
                "label": "Postcode",
                "field_type": "singleline",
                "help_text": "",
                "choices": "",
                "default_value": "",
            },
        ],
        confirmation_email_enabled="on",
        confirmation_email_subject="Uw melding",
        confirmation_email_body="{aanhef}, uw postcode is {postcode} en uw {huisnummer}.",
    )
    response = client.post(add_page_url(root_page), data)
    assert response.status_code == 200
    assert "Onbekende naam “{huisnummer}”" in response.content.decode()
    data["confirmation_email_body"] = "{aanhef}, uw postcode is {postcode}."
    response = client.post(add_page_url(root_page), data)
    assert response.status_code == 302, response.content.decode()[:1500]
    assert FormPage.objects.get(slug="parkeervergunning").confirmation_email_body.endswith("{postcode}.")


def test_typed_form_of_address_is_saved_and_previewed(client, admin_user, root_page):
    site = Site.objects.get(is_default_site=True)
    client.force_login(admin_user)
    typed_row = "Spreek mij aan met: “Mx. Jansen”"
    rows = {row[0]: row[1:] for row in preview_table(client.get(settings_url(site)).content.decode())}
    assert rows["Meneer"][0] == "Beste meneer Van der Berg"
    assert rows[typed_row] == ["Beste Anna", "Beste J.R. de Vries", "Beste Sam", "Beste geadresseerde"]

    response = client.post(reverse(PREVIEW_URL), settings_post(salutation_use_typed_address="on"))
    rows = {row[0]: row[1:] for row in preview_table(response.content.decode())}
    assert rows[typed_row] == ["Beste Mx. Jansen"] * 4

    response = client.post(settings_url(site), settings_post(salutation_use_typed_address="on"))
    assert response.status_code == 302
    assert InclusiveFormsSettings.for_site(site).salutation_use_typed_address is True
