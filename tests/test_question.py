"""The rules an editor's configuration must follow (plain Python core)."""

from django.utils import translation

from wagtail_inclusive_forms.core.question import FORM_OF_ADDRESS_MODE, QuestionConfig, parse_codes


def test_all_four_gender_answers_are_offered_by_default_in_order():
    assert QuestionConfig().offered_codes == ("male", "female", "self_described", "undisclosed")


def test_form_of_address_mode_offers_its_own_answers():
    config = QuestionConfig(mode=FORM_OF_ADDRESS_MODE)
    assert config.offered_codes == ("address_mr", "address_ms", "address_name_only", "address_custom")
    assert config.open_code == "address_custom"


def test_switched_off_answers_are_not_offered():
    config = QuestionConfig(hidden_codes=("undisclosed",))
    assert [code for code, _ in config.options()] == ["male", "female", "self_described"]


def test_a_required_question_needs_a_purpose_text():
    with translation.override("nl"):
        problems = QuestionConfig(required=True, purpose="  ").errors()
    assert set(problems) == {"purpose"}
    assert "doel" in problems["purpose"].lower()
    assert QuestionConfig(required=False, purpose="").errors() == {}
    assert QuestionConfig(required=True, purpose="Wettelijk verplicht").errors() == {}


def test_at_least_two_answers_must_stay():
    problems = QuestionConfig(hidden_codes=("male", "female", "self_described")).errors()
    assert set(problems) == {"hidden_codes"}


def test_unknown_mode_and_label_are_refused():
    assert set(QuestionConfig(mode="sex", undisclosed_label="anders").errors()) >= {
        "mode",
        "undisclosed_label",
    }


def test_parse_codes_keeps_only_known_codes():
    assert parse_codes("male, bogus,undisclosed") == ("male", "undisclosed")
    assert parse_codes(["female"]) == ("female",)
    assert parse_codes(None) == ()
