"""The inclusive question as a StreamField block.

For sites that build forms from StreamField blocks. The block produces the same
Django form field and stores the same value as the form-builder field type.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.forms.utils import get_field_clean_name

from . import answers, conf
from .fields import InclusiveQuestionField
from .question import FORM_OF_ADDRESS_MODE, GENDER_MODE, MODE_LABELS, QuestionConfig

# Block child holding each QuestionConfig setting, for mapping errors.
_CONFIG_CHILDREN = {
    "mode": "mode",
    "hidden_codes": "offered_answers",
    "undisclosed_label": "undisclosed_label",
    "purpose": "purpose",
}


class PurposeTextBlock(blocks.TextBlock):
    """A text block whose default is the configured purpose text, at use time."""

    def get_default(self) -> str:
        return conf.default_purpose_text()


class InclusiveQuestionBlock(blocks.StructBlock):
    """One configurable sex/gender (or form-of-address) question."""

    label = blocks.CharBlock(label=_("Label"), max_length=255, default=_("Sex or gender"))
    help_text = blocks.CharBlock(label=_("Help text"), max_length=255, required=False)
    required = blocks.BooleanBlock(
        label=_("Required"),
        required=False,
        default=False,
        help_text=_("Optional by default: make it required only when a law demands an answer."),
    )
    mode = blocks.ChoiceBlock(
        label=_("What the question asks"),
        choices=[(m, MODE_LABELS[m]) for m in (GENDER_MODE, FORM_OF_ADDRESS_MODE)],
        default=GENDER_MODE,
        help_text=_(
            "Do you ask only so that you can address people correctly? Then ask for the "
            "preferred form of address instead of sex or gender."
        ),
    )
    offered_answers = blocks.MultipleChoiceBlock(
        label=_("Answers offered"),
        choices=[(code, answers.option_label(code)) for code in answers.ALL_CODES],
        default=list(answers.ALL_CODES),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only the answers that belong to what the question asks are shown."),
    )
    undisclosed_label = blocks.ChoiceBlock(
        label=_("Label of the last answer"),
        choices=list(answers.UNDISCLOSED_LABELS.items()),
        default=answers.PREFER_NOT_TO_SAY,
    )
    purpose = PurposeTextBlock(
        label=_("Purpose text"),
        required=False,
        help_text=_("Why you ask, how you use the answer and for how long."),
    )

    class Meta:
        icon = "user"
        label = _("Sex or gender (inclusive)")

    def get_question_config(self, value: Any) -> QuestionConfig:
        offered = set(value.get("offered_answers") or ())
        return QuestionConfig(
            mode=value.get("mode") or GENDER_MODE,
            hidden_codes=tuple(c for c in answers.ALL_CODES if c not in offered),
            undisclosed_label=value.get("undisclosed_label") or answers.PREFER_NOT_TO_SAY,
            purpose=value.get("purpose") or "",
            required=bool(value.get("required")),
            max_description_length=conf.self_description_max_length(),
        )

    def get_field_name(self, value: Any) -> str:
        """The key the answer is stored under in a submission."""
        return get_field_clean_name(value.get("label") or "")

    def get_form_field(self, value: Any) -> InclusiveQuestionField:
        return InclusiveQuestionField(
            config=self.get_question_config(value),
            label=value.get("label"),
            help_text=value.get("help_text") or "",
        )

    def clean(self, value: Any) -> Any:
        value = super().clean(value)
        problems = self.get_question_config(value).errors()
        if problems:
            raise StructBlockValidationError(
                block_errors={_CONFIG_CHILDREN[key]: ValidationError(msg) for key, msg in problems.items()}
            )
        return value


__all__ = ["InclusiveQuestionBlock", "PurposeTextBlock"]
