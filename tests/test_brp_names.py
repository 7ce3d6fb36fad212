"""Names written as the Haal Centraal BRP API writes them.

Each row is an example from the API's Gherkin feature files (BRP-API/Haal-
Centraal-BRP-bevragen on GitHub: ``voorletters``, ``aanhef``,
``gebruikInLopendeTekst`` and ``volledigeNaam``), for a person's own name
without a partner's name or a noble title, put through the package's rules.
"""

import pytest

from wagtail_inclusive_forms.core.salutations import PersonName, get_preset
from wagtail_inclusive_forms.core.salutations.names import initials_from_given_names
from wagtail_inclusive_forms.core.salutations.placeholders import fill_template


@pytest.mark.parametrize(
    ("given_names", "initials"),
    [
        ("Henk", "H."),
        ("Anna Cornelia", "A.C."),
        ("Johan Frank Robert", "J.F.R."),
        ("Theo Philip IJsbrand", "T.P.I."),  # a digraph is one letter
        ("Anne-Fleur Belle", "A.B."),  # a hyphenated given name is one
        ("Suzie Q", "S.Q"),  # a one-letter given name has no full stop
        ("A", "A"),
        ("J P", "J P"),  # ... and a space before the next initial
        ("Q Suzie", "Q S."),
        ("", ""),
        # The BRP writes its standard value "." as the initials "."; on a form
        # it means "no given names", so the surname-alone rule below applies.
        (".", ""),
    ],
)
def test_initials(given_names, initials):
    assert initials_from_given_names(given_names) == initials
    assert PersonName(given_name=given_names, surname="Maassen").initials == initials


JO = {"given_name": "Jo Rene"}
ZONNETJE = {"surname_prefix": "in het", "surname": "Zonnetje"}
BERGHE = {"surname_prefix": "Op Den", "surname": "Berghe"}
WOLKJE = {"surname_prefix": "'t", "surname": "Wolkje"}


@pytest.mark.parametrize(
    ("code", "parts", "aanhef"),
    [
        ("female", JO | ZONNETJE, "Geachte mevrouw In het Zonnetje"),  # capital after the title word
        ("undisclosed", JO | ZONNETJE, "Geachte J.R. in het Zonnetje"),  # lower case after initials
        ("undisclosed", ZONNETJE, "Geachte In het Zonnetje"),  # no given names: the surname alone
        ("female", JO | BERGHE, "Geachte mevrouw Op Den Berghe"),  # registered capitals kept
        ("self_described", JO | BERGHE, "Geachte J.R. Op Den Berghe"),
        ("female", JO | WOLKJE, "Geachte mevrouw 't Wolkje"),  # an apostrophe gets no capital
        ("male", {"given_name": "Gerrit", "surname": "den Braber"}, "Geachte heer Den Braber"),
    ],
)
def test_aanhef_with_the_utrecht_preset(code, parts, aanhef):
    # Utrecht's preset writes "Geachte heer/mevrouw" + surname and otherwise
    # initials + surname: the BRP's aanhef for a person without a partner's name.
    assert get_preset("utrecht").render(code, PersonName(**parts)) == aanhef


@pytest.mark.parametrize(
    ("template", "parts", "written"),
    [
        # gebruikInLopendeTekst
        ("mevrouw {achternaam}", JO | ZONNETJE, "mevrouw In het Zonnetje"),
        ("{voorletters} {achternaam}", JO | ZONNETJE, "J.R. in het Zonnetje"),
        ("{voorletters} {achternaam}", ZONNETJE, "In het Zonnetje"),
        ("mevrouw {achternaam}", JO | BERGHE, "mevrouw Op Den Berghe"),
        ("{voorletters} {achternaam}", JO | BERGHE, "J.R. Op Den Berghe"),
        ("mevrouw {achternaam}", JO | WOLKJE, "mevrouw 't Wolkje"),
        # volledigeNaam
        (
            "{voornaam} {achternaam}",
            {"given_name": "Christina Maria", "surname": "Maassen"},
            "Christina Maria Maassen",
        ),
        ("{voornaam} {achternaam}", {"given_name": "Gerrit", "surname": "den Braber"}, "Gerrit den Braber"),
        (
            "{voornaam} {achternaam}",
            {"given_name": "Mohamed", "surname_prefix": "El", "surname": "Rafi"},
            "Mohamed El Rafi",
        ),
    ],
)
def test_names_in_running_text(template, parts, written):
    assert fill_template(template, PersonName(**parts)) == written


def test_the_surname_alone_only_where_initials_stand_before_it():
    surname_only = PersonName(surname="Jansen")
    # A given name is not dropped (it is not the BRP's rule), nor initials elsewhere.
    assert fill_template("Beste {voornaam} {achternaam}", surname_only) is None
    assert fill_template("Beste {voorletters}", surname_only) is None
    assert fill_template("{achternaam}, {voorletters}", surname_only) is None
    # Without a surname there is nothing to fall back on.
    assert fill_template("Geachte {voorletters} {achternaam}", PersonName()) is None
