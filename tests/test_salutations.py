"""The salutation rules: names as typed, the Dutch prefix rule, presets, template checks."""

import re
from dataclasses import replace

import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from wagtail_inclusive_forms.core.salutations import (
    PersonName,
    SalutationScheme,
    SchemeError,
    get_preset,
    match_name_fields,
    preview_rows,
    register_preset,
    typed_form_of_address,
    validate_template,
)
from wagtail_inclusive_forms.core.salutations.names import known_prefixes, tidy
from wagtail_inclusive_forms.core.salutations.schemes import SCHEME_ANSWERS, _registry

ANNA = PersonName(given_name="Anna", surname_prefix="van der", surname="Berg")
INITIALS_ONLY = PersonName(initials="a", surname="Van Der Berg")
NO_SURNAME = PersonName(given_name="Sam")
NOBODY = PersonName()


@pytest.mark.parametrize(
    ("preset", "code", "name", "expected"),
    [
        ("den_haag", "male", ANNA, "Beste meneer Van der Berg"),
        ("den_haag", "female", ANNA, "Beste mevrouw Van der Berg"),
        ("den_haag", "self_described", ANNA, "Beste Anna"),
        ("den_haag", "undisclosed", INITIALS_ONLY, "Beste A. Van Der Berg"),  # typed capitals kept
        ("den_haag", "undisclosed", NOBODY, "Beste geadresseerde"),
        ("den_haag", "", ANNA, "Beste geadresseerde"),
        ("den_haag", "female", NO_SURNAME, "Beste Sam"),  # no surname: the neutral list
        ("den_haag", "male", NOBODY, "Beste geadresseerde"),
        ("utrecht", "male", ANNA, "Geachte heer Van der Berg"),
        ("utrecht", "female", ANNA, "Geachte mevrouw Van der Berg"),
        ("utrecht", "self_described", ANNA, "Geachte A. van der Berg"),
        ("utrecht", "undisclosed", NO_SURNAME, "Geachte inwoner"),
        ("utrecht", "", ANNA, "Geachte heer/mevrouw"),
        ("utrecht", "female", NO_SURNAME, "Geachte inwoner"),
        ("neutral", "male", ANNA, "Beste Anna van der Berg"),
        ("neutral", "female", INITIALS_ONLY, "Beste A. Van Der Berg"),
        ("neutral", "", NO_SURNAME, "Beste inwoner"),
        # Form-of-address answers use the matching sex/gender templates.
        ("den_haag", "address_mr", ANNA, "Beste meneer Van der Berg"),
        ("den_haag", "address_ms", ANNA, "Beste mevrouw Van der Berg"),
        ("den_haag", "address_name_only", ANNA, "Beste Anna"),
        ("den_haag", "address_custom", ANNA, "Beste Anna"),
        # A code we do not know (old data) is treated as unanswered.
        ("den_haag", "Dhr.", ANNA, "Beste geadresseerde"),
    ],
)
def test_presets(preset, code, name, expected):
    assert get_preset(preset).render(code, name) == expected


@pytest.mark.parametrize(
    ("template", "name", "expected"),
    [
        ("Beste mevrouw {achternaam}", ANNA, "Beste mevrouw Van der Berg"),
        ("Geachte heer {achternaam}", ANNA, "Geachte heer Van der Berg"),
        ("{achternaam}", ANNA, "Van der Berg"),  # at the start
        ("Geachte {voorletters} {achternaam}", ANNA, "Geachte A. van der Berg"),
        ("Beste {voornaam} {achternaam}", ANNA, "Beste Anna van der Berg"),
        ("Beste {given_name} {surname}", ANNA, "Beste Anna van der Berg"),
        ("Beste {initials} {surname}", INITIALS_ONLY, "Beste A. Van Der Berg"),  # typed "Van Der"
        ("Beste meneer {achternaam}", PersonName(surname="'t Hart"), "Beste meneer 't Hart"),
        ("Beste {voornaam}, {achternaam}", ANNA, "Beste Anna, Van der Berg"),
        ("Beste  {voornaam}  ", ANNA, "Beste Anna"),
        ("Beste {{team}}", NOBODY, "Beste {team}"),
    ],
)
def test_dutch_prefix_rule(template, name, expected):
    scheme = SalutationScheme(
        dict.fromkeys(["male", "female", "self_described", "undisclosed", ""], (template, "x"))
    )
    assert scheme.render("male", name) == expected


@pytest.mark.parametrize(
    ("typed", "given", "initials", "prefix", "surname"),
    [
        ({"given_name": "  Jo   Rene ", "surname": " Jansen "}, "Jo Rene", "J.R.", "", "Jansen"),
        ({"surname": "van der Berg"}, "", "", "van der", "Berg"),
        ({"surname": "Van den Broek"}, "", "", "Van den", "Broek"),
        ({"surname": "de Vries"}, "", "", "de", "Vries"),
        ({"surname": "'t Hart"}, "", "", "'t", "Hart"),
        ({"surname": "in 't Veld"}, "", "", "in 't", "Veld"),
        ({"surname": "Van"}, "", "", "", "Van"),  # a prefix alone is a surname
        ({"surname": "Jansen-van der Berg"}, "", "", "", "Jansen-van der Berg"),
        ({"surname_prefix": "Van", "surname": "Dijk"}, "", "", "Van", "Dijk"),
        ({"surname_prefix": "de", "surname": "de Boer"}, "", "", "de", "de Boer"),  # prefix field given
        ({"initials": "jr"}, "", "J.R.", "", ""),
        ({"initials": "J R"}, "", "J.R.", "", ""),
        ({"initials": "j.r."}, "", "J.R.", "", ""),
        ({"initials": "Th. J."}, "", "Th.J.", "", ""),
        ({"given_name": "Anne-Marie"}, "Anne-Marie", "A.", "", ""),
        ({"given_name": "IJsbrand"}, "IJsbrand", "I.", "", ""),
        ({"given_name": "."}, "", "", "", ""),  # the BRP's "no given names"
        ({"given_name": "émile", "initials": ""}, "émile", "É.", "", ""),
        ({"given_name": "McKenzie", "surname": "deVries"}, "McKenzie", "M.", "", "deVries"),
    ],
)
def test_names_as_people_type_them(typed, given, initials, prefix, surname):
    name = PersonName(**typed)
    assert (name.given_name, name.initials, name.surname_prefix, name.surname) == (
        given,
        initials,
        prefix,
        surname,
    )


@pytest.mark.parametrize(
    ("typed", "initials", "written"),
    [
        ({"given_name": "Anne-Marie", "surname": "Van Der Berg"}, "A.M.", "Beste A.M. van der Berg"),
        ({"given_name": "IJsbrand", "surname": "de Vries"}, "IJ.", "Beste IJ. de Vries"),
        ({"given_name": "J P", "surname": "Jansen"}, "J.P.", "Beste J.P. Jansen"),
        ({"surname_prefix": "Van", "surname": "Dijk", "initials": "a"}, "A.", "Beste A. van Dijk"),
    ],
)
def test_classic_rules_stay_available(typed, initials, written):
    name = PersonName(**typed, rules="classic")
    assert name.initials == initials
    assert (
        SalutationScheme(dict.fromkeys(SCHEME_ANSWERS, ("Beste {voorletters} {achternaam}", "x"))).render(
            "male", name
        )
        == written
    )


def test_unknown_name_rules_are_refused_with_the_known_ones():
    with pytest.raises(ValueError, match="brp, classic"):
        PersonName(surname="Jansen", rules="bpr")


# Any text, and text mostly of spaces of every kind Unicode has.
SPACY_TEXT = st.text() | st.text(
    alphabet=st.sampled_from(" \t\n\r\x0b\x0c\x1c\x85\u00a0\u2003\u2028\u3000ab-")
)


@given(SPACY_TEXT)
def test_tidy_collapses_every_kind_of_space_as_the_regular_expression_did(typed):
    """Names are tidied without a regular expression; every space character
    (no-break, em space, tab, line break) still counts as one space."""
    assert tidy(typed) == re.sub(r"\s+", " ", typed).strip()
    assert tidy(None) == ""


def test_full_name_field_is_split():
    name = PersonName.from_full_name("Anna van der Berg")
    assert (name.given_name, name.surname_prefix, name.surname) == ("Anna", "van der", "Berg")
    assert PersonName.from_full_name("Berg").surname == "Berg"


@pytest.mark.parametrize("prefix", sorted(known_prefixes()))
def test_every_listed_prefix_splits_off(prefix):
    assert PersonName(surname=f"{prefix} Naam").surname_prefix == prefix


@pytest.mark.parametrize(
    ("template", "message_part"),
    [
        ("Beste {naam}", "Unknown name “{naam}”"),
        ("{achternaam.__class__}", "“{achternaam.__class__}” is not allowed"),
        ("{achternaam[0]}", "is not allowed"),
        ("{achternaam!r}", "is not allowed"),
        ("{achternaam:>30}", "is not allowed"),
        ("{0}", "Unknown name “{0}”"),
        ("Beste {}", "Empty braces"),
        ("Beste {achternaam", "braces { } do not match"),
        ("Beste achternaam}", "braces { } do not match"),
        ("", "cannot be empty"),
        ("Beste\n{voornaam}", "one line"),
        ("x" * 201, "at most 200"),
    ],
)
def test_invalid_templates_are_refused_with_the_problem_named(template, message_part):
    with translation.override("en"), pytest.raises(ValueError) as raised:
        validate_template(template)
    assert message_part in str(raised.value)


def test_messages_are_dutch_by_default():
    with pytest.raises(ValueError) as raised:
        validate_template("Beste {naam}")
    assert "Onbekende naam" in str(raised.value)


@pytest.mark.parametrize(
    "template", ["Beste {voornaam}", "Geachte {voorletters} {achternaam}", "Beste {{x}}"]
)
def test_valid_templates_pass(template):
    validate_template(template)


def test_scheme_needs_a_last_resort_in_every_list():
    lists = dict.fromkeys(["male", "female", "self_described", "undisclosed", ""], ("Beste geadresseerde",))
    with pytest.raises(SchemeError) as raised:
        SalutationScheme({**lists, "male": ("Beste meneer {achternaam}",)})
    assert set(raised.value.errors) == {"male"}
    with pytest.raises(SchemeError) as raised:
        SalutationScheme({**lists, "female": ()})
    assert set(raised.value.errors) == {"female"}
    with pytest.raises(SchemeError):
        SalutationScheme({**lists, "": ("Beste {naam}", "x")})


def test_unknown_preset_names_the_known_ones():
    with pytest.raises(LookupError, match="den_haag, utrecht, neutral"):
        get_preset("amsterdam")


def test_registered_presets_are_usable_and_keyed():
    try:

        @register_preset("tilburg")
        def tilburg():
            return SalutationScheme(
                dict.fromkeys(["male", "female", "self_described", "undisclosed", ""], ("Beste inwoner",)),
                label="Tilburg",
            )

        assert get_preset("tilburg").render("male", ANNA) == "Beste inwoner"
        assert get_preset("tilburg").key == "tilburg"
        with pytest.raises(ValueError, match="identifier"):
            register_preset("two words", tilburg)
    finally:
        _registry.pop("tilburg", None)


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (
            [("uw_voornaam", "Uw voornaam", "singleline"), ("achternaam", "Achternaam", "singleline")],
            {"given_name": "uw_voornaam", "surname": "achternaam"},
        ),
        (
            [("geslachtsnaam", "Geslachtsnaam", "singleline"), ("tv", "Tussenvoegsel", "singleline")],
            {"surname": "geslachtsnaam", "surname_prefix": "tv"},
        ),
        ([("a", "Achternaam (met tussenvoegsel)", "singleline")], {"surname": "a"}),
        (
            [("naam", "Naam", "singleline"), ("mail", "Waar mogen we mailen?", "email")],
            {"full_name": "naam", "email": "mail"},
        ),
        ([("naam", "Naam", "singleline"), ("an", "Achternaam", "singleline")], {"surname": "an"}),
        (
            [("e", "E-mailadres", "singleline"), ("i", "Voorletters", "singleline")],
            {"email": "e", "initials": "i"},
        ),
        (
            [("first_name", "First name", "singleline"), ("last_name", "Last name", "singleline")],
            {"given_name": "first_name", "surname": "last_name"},
        ),
        # Not names: the name of a dog, a street name, a manager.
        (
            [
                ("n", "Naam van uw hond", "singleline"),
                ("s", "Straatnaam", "singleline"),
                ("m", "Manager", "singleline"),
            ],
            {},
        ),
    ],
)
def test_name_fields_are_matched_by_label(fields, expected):
    assert match_name_fields(fields) == expected


def test_confirmation_texts_accept_only_known_names_and_fill_safely():
    from wagtail_inclusive_forms.core.salutations import fill_message, validate_message

    validate_message("{aanhef},\n\n{antwoorden}\n{postcode} {formulier}", ["postcode"])
    with translation.override("en"):
        with pytest.raises(ValueError, match="Unknown name “{huisnummer}”: use one of {postcode}, {aanhef}"):
            validate_message("{huisnummer}", ["postcode"])
        with pytest.raises(ValueError, match="Empty braces {}: put a name between them, one of {aanhef}"):
            validate_message("Beste {}")
        with pytest.raises(ValueError, match="one line"):
            validate_message("Uw\nmelding", subject=True)
    values = {"aanhef": "Beste Anna", "formulier": "Melding", "postcode": "1234 AB"}
    # A field removed after the text was written is left out; attribute access is refused.
    assert fill_message("{salutation}, {postcode} {weg}.", values) == "Beste Anna, 1234 AB ."
    assert fill_message("Bevestiging:\n  {form}", values, subject=True) == "Bevestiging: Melding"
    with pytest.raises(ValueError):
        fill_message("{aanhef.__class__}", values)


@pytest.mark.parametrize(
    ("typed", "usable"),
    [
        ("Mx. Jansen", "Mx. Jansen"),
        ("  dokter   Bakker ", "dokter Bakker"),
        ("Sam", "Sam"),
        ("Van 't Hek-O’Neill", "Van 't Hek-O’Neill"),
        ("", ""),
        ("...", ""),  # no letter
        ("{achternaam}", ""),  # never a template
        ("<b>Jan</b>", ""),  # never markup
        ("Jan 2", ""),
        ("https://example.org", ""),
        ("=HYPERLINK(1)", ""),
        ("a" * 41, ""),  # longer than a letter's salutation line allows
    ],
)
def test_typed_form_of_address_is_used_only_when_it_can_go_into_a_letter(typed, usable):
    assert typed_form_of_address(typed) == usable


@pytest.mark.parametrize(
    ("preset", "typed", "expected"),
    [
        ("den_haag", "Mx. Jansen", "Beste Mx. Jansen"),
        ("utrecht", "dokter Bakker", "Geachte dokter Bakker"),
        ("neutral", "Sam", "Beste Sam"),
        ("den_haag", "{voornaam}", "Beste Anna"),  # unusable: the "I identify as" salutation
        ("den_haag", "", "Beste Anna"),
    ],
)
def test_a_site_that_opts_in_writes_the_typed_form_of_address(preset, typed, expected):
    scheme = replace(get_preset(preset), typed_address=True)
    assert scheme.render("address_custom", ANNA, typed) == expected
    # Only the "Address me as" answer uses it, and only when the site opts in.
    assert scheme.render("self_described", ANNA, typed) == get_preset(preset).render("self_described", ANNA)
    assert get_preset(preset).render("address_custom", ANNA, typed) == get_preset(preset).render(
        "address_custom", ANNA
    )


def test_a_scheme_without_a_greeting_before_a_name_keeps_its_own_salutation():
    scheme = SalutationScheme(
        dict.fromkeys(SCHEME_ANSWERS, ("{voornaam}, hallo", "Hallo")), typed_address=True
    )
    assert scheme.greeting() == ""
    assert scheme.render("address_custom", ANNA, "Mx. Jansen") == "Anna, hallo"


def test_preview_rows_cover_every_form_of_address_answer():
    with translation.override("en"):
        rows = dict(preview_rows(replace(get_preset("den_haag"), typed_address=True), [("Anna", ANNA)]))
        not_opted_in = dict(preview_rows(get_preset("den_haag"), [("Anna", ANNA)]))
    assert rows["Mr (meneer)"] == ["Beste meneer Van der Berg"]
    assert rows["Ms (mevrouw)"] == ["Beste mevrouw Van der Berg"]
    assert rows["Just my name, without Mr or Ms"] == ["Beste Anna"]
    assert rows["Address me as: “Mx. Jansen”"] == ["Beste Mx. Jansen"]
    assert not_opted_in["Address me as: “Mx. Jansen”"] == ["Beste Anna"]
