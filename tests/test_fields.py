"""The Django form field: accessible markup and server-side validation."""

import pytest
from bs4 import BeautifulSoup
from django import forms
from django.test import override_settings
from django.utils import translation

from wagtail_inclusive_forms.core.question import FORM_OF_ADDRESS_MODE, QuestionConfig
from wagtail_inclusive_forms.forms.fields import InclusiveQuestionField

PURPOSE = "We vragen dit alleen om u goed aan te spreken."


def make_form(**config):
    config.setdefault("purpose", PURPOSE)

    class QuestionForm(forms.Form):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, label_suffix="", **kwargs)  # as in Wagtail's form pages

        geslacht = InclusiveQuestionField(
            config=QuestionConfig(**config), label="Geslacht", help_text="Optioneel."
        )

    return QuestionForm


def render(form) -> BeautifulSoup:
    with translation.override("nl"):
        return BeautifulSoup(form.as_div(), "html.parser")


def test_question_is_a_fieldset_with_legend_radios_and_described_purpose():
    soup = render(make_form()())
    fieldset = soup.find("fieldset")
    assert fieldset.legend.get_text(strip=True) == "Geslacht"
    assert not fieldset.legend.has_attr("for")  # invalid on a legend; it labels the whole group
    described_by = fieldset["aria-describedby"].split()
    assert "id_geslacht_purpose" in described_by and "id_geslacht_helptext" in described_by
    assert soup.find(id="id_geslacht_purpose").get_text(strip=True) == PURPOSE
    radios = fieldset.find_all("input", type="radio")
    assert [r["value"] for r in radios] == ["male", "female", "self_described", "undisclosed"]
    labels = [soup.find("label", attrs={"for": r["id"]}).get_text(strip=True) for r in radios]
    assert labels == ["Man", "Vrouw", "Ik identificeer me als", "Dat zeg ik liever niet"]
    assert not any(r.has_attr("required") for r in radios)


def test_open_field_is_labelled_and_tied_to_its_option():
    soup = render(make_form()())
    text = soup.find("input", attrs={"name": "geslacht_description"})
    assert text["maxlength"] == "100"
    assert soup.find("label", attrs={"for": text["id"]}).get_text(strip=True) == "Hoe identificeert u zich?"
    opener = soup.find("input", attrs={"value": "self_described"})
    assert opener["aria-controls"] == text["id"]


def test_labels_like_anders_are_never_rendered():
    html = str(render(make_form()())).lower()
    assert "anders" not in html and "overig" not in html


def test_form_of_address_mode_renders_its_own_answers():
    soup = render(make_form(mode=FORM_OF_ADDRESS_MODE)())
    labels = [lab.get_text(strip=True) for lab in soup.select(".wif-question__option > label")]
    assert labels == ["Meneer", "Mevrouw", "Alleen mijn naam, zonder meneer of mevrouw", "Spreek mij aan met"]


def test_required_question_marks_radios_required():
    soup = render(make_form(required=True)())
    assert all(r.has_attr("required") for r in soup.find_all("input", type="radio"))


def clean(data, **config):
    form = make_form(**config)(data=data)
    with translation.override("nl"):
        valid = form.is_valid()
        return valid, (form.cleaned_data.get("geslacht") if valid else form.errors.get("geslacht"))


def test_skipping_an_optional_question_stores_a_blank_answer():
    assert clean({}) == (True, {"answer": "", "description": ""})


def test_self_description_is_trimmed_and_stored_with_its_code():
    valid, value = clean({"geslacht": "self_described", "geslacht_description": "  non-binair \n "})
    assert valid and value == {"answer": "self_described", "description": "non-binair"}


def test_self_description_is_asked_for_when_its_option_is_chosen():
    valid, errors = clean({"geslacht": "self_described", "geslacht_description": "   "})
    assert not valid
    assert errors == ["U koos “Ik identificeer me als”: vul ook het tekstveld in."]


def test_self_description_is_limited_in_length():
    valid, errors = clean({"geslacht": "self_described", "geslacht_description": "x" * 101})
    assert not valid and errors == ["Gebruik maximaal 100 tekens (u gebruikte er 101)."]


@override_settings(WAGTAIL_INCLUSIVE_FORMS_SELF_DESCRIPTION_MAX_LENGTH=20)
def test_length_limit_is_a_setting():
    from tests.testapp.models import FormField

    config = FormField(label="Geslacht", field_type="inclusive_gender").question.config()
    form_class = make_form(max_description_length=config.max_description_length)
    assert 'maxlength="20"' in str(render(form_class()))
    valid, errors = clean(
        {"geslacht": "self_described", "geslacht_description": "x" * 21},
        max_description_length=config.max_description_length,
    )
    assert not valid and errors == ["Gebruik maximaal 20 tekens (u gebruikte er 21)."]


def test_a_text_typed_without_choosing_an_option_is_kept_as_self_description():
    valid, value = clean({"geslacht_description": "genderqueer"})
    assert valid and value == {"answer": "self_described", "description": "genderqueer"}


def test_a_text_typed_next_to_another_option_is_refused_not_dropped():
    valid, errors = clean({"geslacht": "male", "geslacht_description": "iets"})
    assert not valid and "Ik identificeer me als" in errors[0]


def test_an_answer_that_is_not_offered_is_refused():
    valid, errors = clean({"geslacht": "undisclosed"}, hidden_codes=("undisclosed",))
    assert not valid and errors == ["Kies een van de getoonde antwoorden."]
    valid, _ = clean({"geslacht": "<script>"})
    assert not valid


def test_a_required_question_must_be_answered_with_a_dutch_message():
    valid, errors = clean({}, required=True)
    assert not valid and errors == ["Kies een van de antwoorden."]


def test_typed_text_and_purpose_are_escaped_when_shown_again():
    form = make_form(purpose="<b>Waarom</b>")(
        data={"geslacht": "self_described", "geslacht_description": "<script>x</script>"}
    )
    html = form.as_div()
    assert "<script>x</script>" not in html and "&lt;script&gt;x&lt;/script&gt;" in html
    assert "<b>Waarom</b>" not in html


def test_a_rejected_form_keeps_what_the_visitor_typed():
    form = make_form()(data={"geslacht": "self_described", "geslacht_description": "x" * 101})
    assert not form.is_valid()
    soup = render(form)
    assert soup.find("input", attrs={"value": "self_described"}).has_attr("checked")
    assert soup.find("input", attrs={"name": "geslacht_description"})["value"] == "x" * 101


@pytest.mark.parametrize("initial", [{"answer": "female", "description": ""}, "V"])
def test_initial_values_check_the_matching_radio(initial):
    form_class = make_form()
    soup = render(form_class(initial={"geslacht": initial}))
    assert soup.find("input", attrs={"value": "female"}).has_attr("checked")


@pytest.mark.parametrize("code", ["", "male", "undisclosed"])
def test_a_text_sent_to_a_question_without_an_open_answer_is_refused(code):
    # Only a crafted request does this; stored, the text would start a spreadsheet cell.
    valid, errors = clean(
        {"geslacht": code, "geslacht_description": '=HYPERLINK("http://x")'},
        hidden_codes=("self_described",),
    )
    assert not valid and errors == ["Deze vraag heeft geen tekstveld: kies een van de antwoorden."]


def test_a_field_loop_template_does_not_tie_the_question_to_its_first_radio():
    form = make_form()()
    assert form["geslacht"].id_for_label == ""
    assert 'for="id_geslacht_0"' not in form["geslacht"].label_tag()
