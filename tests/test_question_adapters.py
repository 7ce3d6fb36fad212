"""The two places a form keeps an inclusive question read and change it alike.

A form-builder field row and a StreamField block's value store the settings
alike, one in columns and the other in block children; through their adapters
(``field.question``, ``block.question(value)``) the same settings must give
the same question, the same overridden settings, and clear the same way.
Blocks saved before (answers offered as a list of ticked codes) read the same.
"""

from hypothesis import given
from hypothesis import strategies as st

from tests.testapp.models import FormField
from wagtail_inclusive_forms.blocks import InclusiveQuestionBlock
from wagtail_inclusive_forms.core import answers
from wagtail_inclusive_forms.core.question import (
    FOLLOW_SHARED,
    FORM_OF_ADDRESS_MODE,
    GENDER_MODE,
    INHERITABLE_SETTINGS,
    SharedQuestion,
)

BLOCK = InclusiveQuestionBlock()

own_settings = st.fixed_dictionaries(
    {
        "mode": st.sampled_from(["", GENDER_MODE, FORM_OF_ADDRESS_MODE]),
        # None follows; a tuple (in the codes' order) is the answers switched off.
        "hidden": st.none()
        | st.lists(st.sampled_from(answers.ALL_CODES), unique=True).map(
            lambda codes: tuple(c for c in answers.ALL_CODES if c in codes)
        ),
        "undisclosed_label": st.sampled_from(["", *answers.UNDISCLOSED_LABELS]),
        "purpose": st.sampled_from(["", "  ", "Voor de aanhef."]),
        "required": st.booleans(),
    }
)
standards = st.builds(
    SharedQuestion,
    mode=st.sampled_from([GENDER_MODE, FORM_OF_ADDRESS_MODE]),
    hidden_codes=st.sampled_from([(), ("self_described",), ("address_custom",)]),
    purpose=st.just("Standaard doel."),
)


def both(own, *, earlier_block_storage=False):
    hidden = None if own["hidden"] is None else ",".join(own["hidden"])
    field = FormField(
        label="Geslacht",
        field_type="inclusive_gender",
        required=own["required"],
        inclusive_mode=own["mode"],
        inclusive_hidden_answers=hidden,
        inclusive_undisclosed_label=own["undisclosed_label"],
        inclusive_purpose=own["purpose"],
    )
    if earlier_block_storage:  # the ticked boxes
        offered = (
            [FOLLOW_SHARED]
            if own["hidden"] is None
            else [c for c in answers.ALL_CODES if c not in own["hidden"]]
        )
    value = BLOCK.to_python(
        {
            "label": "Geslacht",
            "required": own["required"],
            "mode": own["mode"],
            "offered_answers": offered if earlier_block_storage else hidden,
            "undisclosed_label": own["undisclosed_label"],
            "purpose": own["purpose"],
        }
    )
    return field.question, BLOCK.question(value)


def seen(question, shared):
    return question.own_settings(), question.overridden_settings(), question.config(shared)


@given(own_settings, standards, st.sets(st.sampled_from(INHERITABLE_SETTINGS)), st.booleans())
def test_a_field_and_a_block_with_the_same_settings_ask_the_same_question(
    own, shared, cleared, earlier_block_storage
):
    field_question, block_question = both(own, earlier_block_storage=earlier_block_storage)
    assert seen(field_question, shared) == seen(block_question, shared)

    field_question.follow_standard(cleared)
    block_question.follow_standard(cleared)
    assert seen(field_question, shared) == seen(block_question, shared)
    assert not set(field_question.overridden_settings()) & cleared


@given(own_settings)
def test_a_field_and_a_block_store_the_same_values(own):
    field_question, block_question = both(own, earlier_block_storage=True)
    for name in INHERITABLE_SETTINGS:
        assert block_question.stored(name) == field_question.stored(name)


def test_following_everything_asks_the_standard_question():
    shared = SharedQuestion(mode=FORM_OF_ADDRESS_MODE, hidden_codes=("address_custom",), purpose="Doel.")
    field_question, block_question = both(
        {
            "mode": GENDER_MODE,
            "hidden": ("male",),
            "undisclosed_label": "",
            "purpose": "Eigen.",
            "required": True,
        }
    )
    for question in (field_question, block_question):
        question.follow_standard(INHERITABLE_SETTINGS)
        assert question.overridden_settings() == ()
        assert question.config(shared) == shared.config(required=True)
    assert field_question.field.inclusive_hidden_answers is None
    assert field_question.field.inclusive_mode == block_question.value["mode"] == ""
    assert block_question.value["offered_answers"] is None
