"""The package's StreamField blocks: the inclusive question, and a plain labelled question.

For sites that build forms from StreamField blocks. The inclusive block produces
the same Django form field and stores the same value as the form-builder field
type, and follows the site's standard question the same way: an empty choice,
the "as in the standard question" box or an empty purpose text follow it.

Sites import the blocks from ``wagtail_inclusive_forms.blocks`` and
``wagtail_inclusive_forms.stream_forms``; those paths are also the ones Django
writes into a site's migrations (``DECONSTRUCT_ALIASES`` below), so this module
can move without changing anyone's migrations.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.forms.utils import get_field_clean_name

from ..core import answers
from ..core.question import (
    FOLLOW_LABEL,
    FOLLOW_SHARED,
    FORM_OF_ADDRESS_MODE,
    GENDER_MODE,
    MODE_LABELS,
    QuestionAdapter,
    SharedQuestion,
)
from .fields import InclusiveQuestionField, form_help_text

# Block child holding each QuestionConfig setting, for mapping errors and clearing settings.
_CONFIG_CHILDREN = {
    "mode": "mode",
    "hidden_codes": "offered_answers",
    "undisclosed_label": "undisclosed_label",
    "purpose": "purpose",
}


class PurposeTextBlock(blocks.TextBlock):
    """The question's own purpose text; empty follows the standard question.

    (Blocks saved before the standard question existed keep the text they were given.)
    """


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
        choices=[("", FOLLOW_LABEL), *((m, MODE_LABELS[m]) for m in (GENDER_MODE, FORM_OF_ADDRESS_MODE))],
        default="",
        required=False,
        help_text=_(
            "Do you ask only so that you can address people correctly? Then ask for the "
            "preferred form of address instead of sex or gender."
        ),
    )
    offered_answers = blocks.MultipleChoiceBlock(
        label=_("Answers offered"),
        choices=[
            (FOLLOW_SHARED, FOLLOW_LABEL),
            *((code, answers.lazy_option_label(code)) for code in answers.ALL_CODES),
        ],
        default=[FOLLOW_SHARED],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Only the answers that belong to what the question asks are shown. Untick the first box "
            "to choose this question's own answers."
        ),
    )
    undisclosed_label = blocks.ChoiceBlock(
        label=_("Label of the last answer"),
        choices=[("", FOLLOW_LABEL), *answers.UNDISCLOSED_LABELS.items()],
        default="",
        required=False,
    )
    purpose = PurposeTextBlock(
        label=_("Purpose text"),
        required=False,
        help_text=_(
            "Why you ask, how you use the answer and for how long. Leave empty to use the purpose "
            "text of the site's standard question."
        ),
    )

    class Meta:
        icon = "user"
        label = _("Sex or gender (inclusive)")

    def question(self, value: Any) -> BlockQuestion:
        """A value of this block as the package's one interface to an inclusive question."""
        return BlockQuestion(self, value)

    def get_field_name(self, value: Any) -> str:
        """The key the answer is stored under in a submission."""
        return get_field_clean_name(value.get("label") or "")

    def get_form_field(self, value: Any, shared: SharedQuestion | None = None) -> InclusiveQuestionField:
        return InclusiveQuestionField(
            config=self.question(value).config(shared),
            label=value.get("label"),
            help_text=form_help_text(value.get("help_text") or ""),
        )

    def clean(self, value: Any) -> Any:
        value = super().clean(value)
        problems = self.question(value).config(strict=True).errors()
        if problems:
            raise StructBlockValidationError(
                block_errors={_CONFIG_CHILDREN[key]: ValidationError(msg) for key, msg in problems.items()}
            )
        return value


class BlockQuestion(QuestionAdapter):
    """A value of :class:`InclusiveQuestionBlock` as a :class:`~..core.question.StoredQuestion`:
    "" or the "as in the standard question" box where it follows.
    :meth:`follow_standard` replaces ``value`` with a changed copy."""

    def __init__(self, block: InclusiveQuestionBlock, value: Any):
        self.block = block
        self.value = value

    @property
    def required(self) -> bool:
        return bool(self.value.get("required"))

    def own_settings(self) -> dict:
        value = self.value
        offered = set(value.get("offered_answers") or ())
        return {
            "mode": value.get("mode") or "",
            "hidden_codes": None
            if FOLLOW_SHARED in offered
            else tuple(c for c in answers.ALL_CODES if c not in offered),
            "undisclosed_label": value.get("undisclosed_label") or "",
            "purpose": (value.get("purpose") or "").strip(),
        }

    def follow_standard(self, settings: Iterable[str]) -> None:
        raw = self.block.get_prep_value(self.value)
        for name in settings:
            raw[_CONFIG_CHILDREN[name]] = [FOLLOW_SHARED] if name == "hidden_codes" else ""
        self.value = self.block.to_python(raw)


class LabelledFieldBlock(blocks.CharBlock):
    """A plain question typed as its label: a text line, or an e-mail address."""

    def __init__(self, field_class: type[forms.Field] = forms.CharField, **kwargs: Any):
        self.field_class = field_class
        super().__init__(**kwargs)
        # In the StreamField editor a top-level block shows its label as a heading
        # only; the input itself needs an accessible name.
        self.field.widget.attrs.setdefault("aria-label", self.label)

    def deconstruct(self):
        path, args, kwargs = super().deconstruct()
        if self.field_class is not forms.CharField:
            kwargs["field_class"] = self.field_class
        return path, args, kwargs

    def get_field_name(self, value: str) -> str:
        return get_field_clean_name(value)

    def get_form_field(self, value: str) -> forms.Field:
        return self.field_class(label=value, max_length=255)


# Wagtail's Block.deconstruct() reads this: the public path goes into migrations.
DECONSTRUCT_ALIASES = {
    InclusiveQuestionBlock: "wagtail_inclusive_forms.blocks.InclusiveQuestionBlock",
    PurposeTextBlock: "wagtail_inclusive_forms.blocks.PurposeTextBlock",
    LabelledFieldBlock: "wagtail_inclusive_forms.stream_forms.LabelledFieldBlock",
}
