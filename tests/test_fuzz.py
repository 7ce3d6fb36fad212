"""Random and hostile input on every input surface (Hypothesis).

Each test asserts what must hold for any input: no server error, no uncaught
exception, what people typed escaped in HTML, no spreadsheet cell that runs a
formula, and valid data stored. The default run is quick; set
``WIF_FUZZ_EXAMPLES`` (e.g. 10000) for a long campaign with new examples.
The public-form tests run on PostgreSQL too when the suite does.
"""

import csv
import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import JSONField, Value
from django.urls import reverse
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from wagtail.contrib.forms.models import FormSubmission

from tests.factories import StreamFormPageFactory
from tests.test_salutation_admin import settings_post, settings_url
from wagtail_inclusive_forms.core.answers import ALL_CODES, readable_answer
from wagtail_inclusive_forms.core.audit import audit_forms, inspect_field, inspect_text
from wagtail_inclusive_forms.core.audit.fixes import reword
from wagtail_inclusive_forms.core.salutations import PersonName, get_preset, preset_keys
from wagtail_inclusive_forms.core.salutations.placeholders import validate_template
from wagtail_inclusive_forms.core.salutations.schemes import SalutationScheme, SchemeError
from wagtail_inclusive_forms.core.spreadsheets import FORMULA_STARTS
from wagtail_inclusive_forms.services.sources import describe_forms

pytestmark = pytest.mark.fuzz


def fewer(share: float):
    """For surfaces that cost a full admin request per example: a share of the
    run's examples (the long campaign scales them all)."""
    return settings(max_examples=max(10, int(settings().max_examples * share)))


# Any text, control characters and all; plus text made to hurt.
HOSTILE = st.sampled_from(
    [
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        '=HYPERLINK("http://x","klik")',
        "+31",
        "-1",
        "@SUM(A1)",
        "\x00",
        "a\x00b",
        "\x1b[31m",
        "{voornaam}",
        "{{ request }}",
        "%(x)s",
        "٣",
        "²",
        "9" * 30,
        "",
        " ",
        "\u202e",
        "Ǆ" * 300,
    ]
)
TEXT = st.one_of(st.text(max_size=300), HOSTILE)
CODE = st.one_of(st.sampled_from(["", *ALL_CODES]), TEXT)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | TEXT,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(TEXT, children, max_size=4),
    max_leaves=12,
)


MARKUP = ("<script>alert(1)", "onerror=alert(1)>")  # from HOSTILE; escaped, they read differently


def assert_escaped(html: str, typed: str) -> None:
    """Text a person typed never reaches the page as markup."""
    for fragment in MARKUP:
        if fragment in typed:
            assert fragment not in html


def assert_no_formula(cells) -> None:
    for cell in cells:
        assert not (isinstance(cell, str) and cell.startswith(FORMULA_STARTS)), cell


# Core ---------------------------------------------------------------------


@given(
    label=TEXT, field_type=TEXT, choices=st.lists(TEXT, max_size=6), help_text=TEXT, required=st.booleans()
)
def test_the_detector_judges_any_field_and_text(label, field_type, choices, help_text, required):
    result = inspect_field(label, field_type, choices, help_text, name=label[:20], required=required)
    assert isinstance(result.asks_sex_or_gender, bool)
    assert all(finding.code for finding in result.findings)
    inspect_text(label + " " + help_text)


@given(
    given_name=TEXT,
    initials=TEXT,
    prefix=TEXT,
    surname=TEXT,
    code=CODE,
    preset=st.sampled_from(preset_keys()),
)
def test_any_name_and_answer_give_a_salutation(given_name, initials, prefix, surname, code, preset):
    name = PersonName(given_name=given_name, initials=initials, surname_prefix=prefix, surname=surname)
    salutation = get_preset(preset).render(code, name)
    assert isinstance(salutation, str) and salutation.strip()


@given(templates=st.lists(TEXT, min_size=1, max_size=3))
def test_salutation_templates_are_refused_with_a_reason_or_work(templates):
    for template in templates:
        try:
            validate_template(template)
        except ValueError as error:
            assert str(error)
    try:
        scheme = SalutationScheme({"male": tuple(templates)})
    except SchemeError as error:
        assert error.args
    else:
        assert scheme.render("male", PersonName(surname="Berg"))


@given(text=st.one_of(TEXT, st.builds(lambda a, b: f'<p><a href="/{a}/">{b}</a></p>', TEXT, TEXT)))
def test_rewording_never_changes_markup(text):
    import re

    tags = re.compile(r"<[^>]*>")
    assert tags.findall(reword(text)) == tags.findall(text)


@given(value=JSON)
def test_any_stored_answer_reads_as_text(value):
    assert isinstance(readable_answer(value), str)


# Public forms -------------------------------------------------------------


@pytest.mark.django_db
@given(name=TEXT, code=CODE, description=TEXT)
def test_public_post_of_a_builder_form(client, form_page, name, code, description):
    before = FormSubmission.objects.filter(page=form_page).count()
    response = client.post(
        form_page.url, {"naam": name, "geslacht": code, "geslacht_description": description}
    )
    assert response.status_code == 200
    assert_escaped(response.content.decode(), name + description)
    stored = FormSubmission.objects.filter(page=form_page).order_by("-pk")
    if stored.count() > before:
        answer = stored.first().form_data["geslacht"]
        assert answer["answer"] in ("", *ALL_CODES)
        assert "\x00" not in json.dumps(stored.first().form_data)


@pytest.fixture
def stream_page(root_page):
    page = StreamFormPageFactory(
        parent=root_page,
        slug="stroom",
        body=[("name", "Naam"), ("gender", {"label": "Geslacht", "purpose": "Voor de aanhef."})],
    )
    page.save_revision().publish()
    return page


@pytest.mark.django_db
@given(name=TEXT, code=CODE, description=TEXT)
def test_public_post_of_a_stream_form(client, stream_page, name, code, description):
    response = client.post(
        stream_page.url, {"naam": name, "geslacht": code, "geslacht_description": description}
    )
    assert response.status_code == 200
    assert_escaped(response.content.decode(), name + description)


# Stored data of any shape -------------------------------------------------


@pytest.mark.django_db
@fewer(0.25)
@given(form_data=JSON)
def test_legacy_form_data_through_listing_exports_audit_and_salutation(
    client, admin_user, appointment_page, form_data
):
    from django.db import connection

    # PostgreSQL's jsonb cannot hold a NUL at all, so no stored row there has one.
    assume(connection.vendor != "postgresql" or "\\u0000" not in json.dumps(form_data))
    FormSubmission.objects.filter(page=appointment_page).delete()
    submission = FormSubmission.objects.create(page=appointment_page, form_data={})
    # As a script or an old version left it (JSON null included, not SQL NULL).
    FormSubmission.objects.filter(pk=submission.pk).update(form_data=Value(form_data, JSONField()))
    client.force_login(admin_user)
    url = reverse("wagtailforms:list_submissions", args=(appointment_page.pk,))
    assert client.get(url).status_code == 200
    rows = list(
        csv.reader(
            io.StringIO(b"".join(client.get(url + "?export=csv").streaming_content).decode("utf-8-sig"))
        )
    )
    assert_no_formula(cell for row in rows[1:] for cell in row)
    sheet = load_workbook(io.BytesIO(b"".join(client.get(url + "?export=xlsx").streaming_content))).active
    assert_no_formula(cell.value for row in sheet.iter_rows(min_row=2) for cell in row)
    if isinstance(form_data, dict):
        assert isinstance(appointment_page.get_salutation(form_data), str)
    audit_forms(describe_forms())


# Admin input --------------------------------------------------------------


@pytest.mark.django_db
@fewer(0.25)
@given(purposes=st.lists(TEXT, max_size=4), basis=TEXT, decision=TEXT, notes=TEXT)
def test_purpose_record_admin_input(client, admin_user, form_page, purposes, basis, decision, notes):
    client.force_login(admin_user)
    url = reverse("wagtail_inclusive_forms:purpose_record", args=(form_page.pk,))
    data = {"purposes": purposes, "legal_basis": basis, "decision": decision, "notes": notes}
    response = client.post(url, data)
    assert response.status_code in (200, 302)
    assert_escaped(client.get(url).content.decode(), basis + notes)


@pytest.mark.django_db
@fewer(0.25)
@given(female=TEXT, neutral=TEXT, purpose=TEXT, scheme=st.one_of(st.sampled_from(preset_keys()), TEXT))
def test_site_settings_admin_input(client, admin_user, root_page, female, neutral, purpose, scheme):
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    client.force_login(admin_user)
    data = settings_post(
        salutation_scheme=scheme,
        salutation_female=female,
        salutation_neutral=neutral,
        question_purpose=purpose,
    )
    response = client.post(settings_url(site), data)
    assert response.status_code in (200, 302)
    assert_escaped(response.content.decode(), female + neutral + purpose)
    preview = client.post(reverse("wagtail_inclusive_forms:salutation_preview"), data)
    assert preview.status_code == 200


@pytest.mark.django_db
@fewer(0.15)
@given(
    label=TEXT,
    mode=st.one_of(st.sampled_from(["", "gender", "form_of_address"]), TEXT),
    hidden=st.lists(st.one_of(st.sampled_from(ALL_CODES), TEXT), max_size=4),
    undisclosed=TEXT,
    purpose=TEXT,
    required=st.booleans(),
)
def test_inclusive_field_settings_in_the_page_editor(
    client, admin_user, root_page, label, mode, hidden, undisclosed, purpose, required
):
    from tests.test_admin import add_page_url, inclusive_field, page_post_data

    client.force_login(admin_user)
    field = inclusive_field(
        label=label,
        inclusive_mode=mode,
        inclusive_hidden_answers=hidden,
        inclusive_undisclosed_label=undisclosed,
        inclusive_purpose=purpose,
        **({"required": "on"} if required else {}),
    )
    response = client.post(add_page_url(root_page), page_post_data([field], slug="fuzz"))
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert_escaped(response.content.decode(), label + purpose)
    else:  # saved: the question renders for visitors
        from tests.testapp.models import FormPage

        page = FormPage.objects.get(slug="fuzz")
        page.get_form()
        page.delete()


@pytest.mark.django_db
@fewer(0.25)
@given(
    pages=st.lists(st.one_of(TEXT, st.integers().map(str), st.just(str(2**63))), max_size=3),
    publish=TEXT,
)
def test_bulk_fix_selection(client, admin_user, form_page, pages, publish):
    client.force_login(admin_user)
    url = reverse("wagtail_inclusive_forms:bulk_fix")
    assert client.get(url, {"page": pages}).status_code == 200
    # No usable page: the preview again; else the progress page of the fix.
    assert client.post(url, {"page": pages, "publish": publish}, follow=True).status_code == 200


# Commands -----------------------------------------------------------------

ARGUMENT = st.one_of(TEXT, st.integers().map(str), st.sampled_from(["high", "csv", "json", "required"]))


@pytest.mark.django_db
@given(
    arguments=st.lists(
        st.tuples(
            st.sampled_from(["--site", "--page", "--format", "--fail-on", "--user", "--language"]), ARGUMENT
        ),
        max_size=3,
    ),
    command=st.sampled_from(["audit_forms", "fix_gender_questions"]),
)
def test_command_arguments(root_page, arguments, command):
    flat = [item for pair in arguments for item in pair]
    if command == "audit_forms":
        flat = [item for item in flat if item not in ("--page", "--user")]
    else:
        flat = [item for item in flat if item not in ("--format", "--fail-on")]
    assume(all("\x00" not in item for item in flat))  # an OS cannot pass NUL in argv
    try:
        call_command(command, *flat, stdout=io.StringIO(), stderr=io.StringIO())
    except CommandError as error:
        assert error.returncode in (1, 2), error
    except SystemExit as error:  # argparse refusing the words
        assert error.code == 2
