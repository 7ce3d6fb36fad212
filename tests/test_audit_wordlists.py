"""Every entry of the audit's word lists does its job (add a line, get a test)."""

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from wagtail_inclusive_forms.core.audit import inspect_field, inspect_text
from wagtail_inclusive_forms.core.audit.wordlists import gendered_terms, words

PURPOSE = "We vragen dit omdat de wet het verplicht."


@pytest.mark.parametrize("word", sorted(words("sex_question_words")))
def test_sex_word_in_a_label_asks_sex(word):
    assert inspect_field(f"Uw {word}", "singleline", help_text=PURPOSE).asks_sex_or_gender


@pytest.mark.parametrize("word", sorted(words("not_sex_words")))
def test_not_sex_word_is_no_sex_question(word):
    assert not inspect_field(word.capitalize()).asks_sex_or_gender


@pytest.mark.parametrize("male", sorted(words("male_answers")))
@pytest.mark.parametrize("female", ["vrouw", "female"])
def test_male_answer_with_a_female_one_is_binary(male, female):
    assert inspect_field("Kies", "radio", [male.upper(), female], help_text=PURPOSE).codes == {
        "binary-options"
    }


@pytest.mark.parametrize("female", sorted(words("female_answers")))
def test_female_answer_with_a_male_one_is_binary(female):
    assert inspect_field("Kies", "radio", ["Man", female], help_text=PURPOSE).codes == {"binary-options"}


@pytest.mark.parametrize("declined", sorted(words("undisclosed_answers")))
def test_declining_does_not_make_a_question_less_binary(declined):
    assert "binary-options" in inspect_field("Geslacht", "radio", ["Man", "Vrouw", declined]).codes


@pytest.mark.parametrize("answer", sorted(words("stigmatising_answers")))
def test_stigmatising_answer_is_flagged(answer):
    assert "stigmatising-label" in inspect_field("Geslacht", "radio", ["Man", "Vrouw", answer]).codes


@pytest.mark.parametrize("declined", sorted(words("undisclosed_answers")))
def test_opting_out_is_no_neutral_form_of_address(declined):
    assert "salutation-from-sex" in inspect_field("Aanhef", "radio", ["Dhr.", "Mevr.", declined]).codes


@pytest.mark.parametrize("form", sorted(words("gendered_address_answers")))
def test_gendered_form_of_address_is_flagged(form):
    result = inspect_field(
        "Aanhef", "radio", [form.capitalize(), "Mevrouw" if form != "mevrouw" else "Meneer"]
    )
    assert "salutation-from-sex" in result.codes


@pytest.mark.parametrize("neutral", sorted(words("neutral_address_answers")))
def test_neutral_form_of_address_makes_a_title_list_fine_even_without_a_label(neutral):
    for label in ("Aanhef", ""):
        result = inspect_field(label, "radio", ["Dhr.", "Mevr.", neutral.capitalize()])
        assert result.kind == "neutral_address" and not result.codes


@pytest.mark.parametrize("title", sorted(words("professional_titles")))
def test_professional_title_is_no_neutral_form_of_address(title):
    # Only doctors can pick "Dr": everyone else still has to pick a sex.
    for label in ("Titel", ""):
        result = inspect_field(label, "radio", ["Dhr.", "Mevr.", title.capitalize()])
        assert "salutation-from-sex" in result.codes
    # ... and a gendered title in brackets makes the title gendered.
    result = inspect_field("", "radio", [f"{title.capitalize()} (m)", f"{title.capitalize()} (v)"])
    assert "salutation-from-sex" in result.codes


@pytest.mark.parametrize("word", sorted(words("address_question_words")))
def test_address_question_with_a_neutral_option_is_fine(word):
    result = inspect_field(word.capitalize(), "radio", ["Dhr.", "Mevr.", "Alleen mijn naam"])
    assert not result.asks_sex_or_gender and result.kind == "neutral_address"


@pytest.mark.parametrize("word", sorted(words("animal_words")))
def test_animal_context_is_no_persons_sex(word):
    assert not inspect_field(f"Geslacht {word}", "radio", ["Man", "Vrouw"]).asks_sex_or_gender


@pytest.mark.parametrize("word", sorted(words("body_words")))
def test_body_characteristic_is_the_recommended_alternative(word):
    assert inspect_field(f"Vraag over {word}", "radio", ["Ja", "Nee"]).kind == "body"


@pytest.mark.parametrize("size", sorted(words("clothing_size_answers") - {"m"}))
def test_m_among_sizes_is_medium(size):
    assert not inspect_field("Maat", "dropdown", ["M", size, "V-hals"]).asks_sex_or_gender


@pytest.mark.parametrize("phrase", sorted(words("purpose_words")))
def test_purpose_words_explain_the_question(phrase):
    assert (
        "no-purpose" not in inspect_field("Geslacht", "singleline", help_text=f"Tekst {phrase} tekst").codes
    )


@pytest.mark.parametrize(("term", "suggestion"), gendered_terms())
def test_gendered_term_is_found_with_its_suggestion(term, suggestion):
    (finding,) = inspect_text(f"Tekst met {term} erin").findings
    assert finding.term.lower() == term and finding.suggestion == suggestion


@pytest.mark.parametrize(
    "help_text",
    ["Kies één antwoord.", "Choose one.", "Om te beginnen: uw geslacht", "Verplicht veld", "Verplicht"],
)
def test_a_help_text_without_an_explanation_is_no_purpose(help_text):
    assert "no-purpose" in inspect_field("Geslacht", "radio", ["Man", "Vrouw"], help_text=help_text).codes


def _pieces_of_terms() -> list[str]:
    terms = [term for term, _suggestion in gendered_terms()]
    return [
        *terms,
        *(term.upper() for term in terms),
        " ",
        "_",
        "'",
        "-",
        "/",
        "(",
        ")",
        ".",
        "x",
        "9",
        "é",
        "’",
    ]


@pytest.mark.fuzz
@given(
    st.text()
    | st.lists(st.sampled_from(_pieces_of_terms()), max_size=8).map("".join)
    | st.lists(st.sampled_from(_pieces_of_terms()) | st.text(max_size=3), max_size=8).map("".join)
)
@example("Naam van de vader's partner")
@example("de vader’s partner, de moeder-overste")
@example("Beste heer/mevrouw_x en (m/v)9 of HIJ/ZIJ.")
@example("Uw e-mailadres")
def test_texts_skipped_without_the_pattern_hold_no_gendered_term(text):
    """Texts that cannot hold a gendered term skip the pattern; the wording
    found is still exactly what the pattern finds, for any text: terms glued
    to letters, digits, underscores, apostrophes, capitals or accents."""
    from wagtail_inclusive_forms.core.audit.wordlists import (
        gendered_pattern,
        gendered_suggestions,
        may_hold_gendered_term,
    )

    found_by_pattern = [match.group(0) for match in gendered_pattern().finditer(text.lower())]
    if found_by_pattern:
        assert may_hold_gendered_term(text.lower())
    suggested = [finding.suggestion for finding in inspect_text(text).findings]
    assert suggested == [gendered_suggestions()[term] for term in found_by_pattern]
