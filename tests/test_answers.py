"""The answer codes, readable text and legacy values (plain Python core)."""

import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from wagtail_inclusive_forms.core import answers
from wagtail_inclusive_forms.core.answers import Answer, StoredAnswer, answer_from_legacy, readable_answer


@pytest.mark.parametrize(
    ("stored", "dutch"),
    [
        ({"answer": "male", "description": ""}, "Man"),
        ({"answer": "female", "description": ""}, "Vrouw"),
        ({"answer": "self_described", "description": "non-binair"}, "Ik identificeer me als: non-binair"),
        ({"answer": "undisclosed", "description": ""}, "Dat zeg ik liever niet"),
        ({"answer": "", "description": ""}, ""),
        ({"answer": "address_ms", "description": ""}, "Mevrouw"),
        ({"answer": "address_name_only", "description": ""}, "Alleen mijn naam, zonder meneer of mevrouw"),
        ({"answer": "address_custom", "description": "Dokter"}, "Spreek mij aan met: Dokter"),
        (None, ""),
    ],
)
def test_readable_answer_in_dutch(stored, dutch):
    with translation.override("nl"):
        assert readable_answer(stored) == dutch


def test_readable_answer_in_english():
    with translation.override("en"):
        assert readable_answer({"answer": "self_described", "description": "genderfluid"}) == (
            "I identify as: genderfluid"
        )
        assert (
            readable_answer({"answer": "undisclosed"}, answers.NOT_RELEVANT)
            == "I don't think that is relevant"
        )


def test_undisclosed_label_follows_the_editors_choice():
    with translation.override("nl"):
        assert readable_answer({"answer": "undisclosed"}, answers.NOT_RELEVANT) == "Dat vind ik niet relevant"


@pytest.mark.parametrize(
    ("legacy", "expected"),
    [
        ("M", Answer("male")),
        ("man", Answer("male")),
        ("Dhr.", Answer("male")),
        ("de heer", Answer("male")),
        ("V", Answer("female")),
        ("Mevr.", Answer("female")),
        ("female", Answer("female")),
        ("Vrouwelijk", Answer("female")),
        ("Anders", Answer("self_described")),
        ("X", Answer("self_described", "X")),
        ("wil ik niet zeggen", Answer("undisclosed")),
        ("", Answer()),
        ("Genderqueer", Answer("self_described", "Genderqueer")),
    ],
)
def test_legacy_values_map_to_codes_without_losing_words(legacy, expected):
    assert answer_from_legacy(legacy) == expected
    assert Answer.from_stored(legacy) == expected


def test_unknown_structured_code_keeps_the_value_as_text():
    assert Answer.from_stored({"answer": "unknown_code"}) == Answer("", "unknown_code")


def test_stored_answer_is_a_plain_dict_that_prints_readably():
    value = StoredAnswer(Answer("self_described", "non-binair"))
    assert value == {"answer": "self_described", "description": "non-binair"}
    with translation.override("nl"):
        assert str(value) == "Ik identificeer me als: non-binair"


def test_stored_answer_survives_copying_and_pickling():
    import copy
    import pickle

    value = StoredAnswer(Answer("undisclosed"), answers.NOT_RELEVANT)
    for clone in (copy.deepcopy(value), pickle.loads(pickle.dumps(value))):
        assert clone == value and clone.undisclosed_label == answers.NOT_RELEVANT


@pytest.mark.parametrize(
    ("legacy", "expected"),
    [
        ("Dhr.", Answer("address_mr")),
        ("De heer", Answer("address_mr")),
        ("Mevr.", Answer("address_ms")),
        ("mevrouw", Answer("address_ms")),
        ("Geen aanhef", Answer("address_name_only")),
        ("Zeg ik liever niet", Answer("address_name_only")),
        ("Mx", Answer("address_custom", "Mx")),
        ("Dr.", Answer("address_custom", "Dr.")),
        ("", Answer()),
        ("address_ms", Answer("address_ms")),
    ],
)
def test_legacy_values_in_a_form_of_address_question_become_forms_of_address(legacy, expected):
    assert answer_from_legacy(legacy, "form_of_address") == expected
    assert Answer.from_stored(legacy, "form_of_address") == expected


def test_readable_legacy_value_follows_the_mode():
    with translation.override("nl"):
        assert readable_answer("Dhr.") == "Man"
        assert readable_answer("Dhr.", mode="form_of_address") == "Meneer"


stored_values = st.one_of(
    st.none(),
    st.text(max_size=12),
    st.fixed_dictionaries(
        {"answer": st.sampled_from(["", "unknown", *answers.ALL_CODES]), "description": st.text(max_size=8)}
    ),
)


@given(
    stored_values,
    st.sampled_from(list(answers.UNDISCLOSED_LABELS)),
    st.sampled_from(["gender", "form_of_address"]),
    st.sampled_from(["nl", "en"]),
)
def test_answers_read_with_labels_translated_once_read_as_without(value, undisclosed_label, mode, language):
    """An export translates each question's labels once (``option_labels``)."""
    with translation.override(language):
        labels = answers.option_labels(undisclosed_label)
        assert readable_answer(value, undisclosed_label, mode, labels) == readable_answer(
            value, undisclosed_label, mode
        )
