"""The package's StreamField blocks: the inclusive question, and a plain labelled question.

For sites that build forms from StreamField blocks. The inclusive block produces
the same Django form field and stores the same value as the form-builder field
type, and stores its settings as the field type's columns do: an empty choice
or purpose text, and no answers switched off (None, the "as in the standard
question" box) follow the site's standard question.

Sites import the blocks from ``wagtail_inclusive_forms.blocks`` and
``wagtail_inclusive_forms.stream_forms``; those paths are also the ones Django
writes into a site's migrations (``DECONSTRUCT_ALIASES`` below), so this module
can move without changing anyone's migrations.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any, Protocol, runtime_checkable

from django import forms
from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.migrations.operations import BaseBlockOperation
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.forms.utils import get_field_clean_name

from ..core import answers
from ..core.question import (
    FOLLOW_LABEL,
    FORM_OF_ADDRESS_MODE,
    GENDER_MODE,
    MODE_LABELS,
    QuestionAdapter,
    SharedQuestion,
)
from .fields import InclusiveQuestionField, form_help_text
from .offered_answers import OfferedAnswersField, stored_from_offered

# Block child holding each QuestionConfig setting, for mapping errors and clearing settings.
_CONFIG_CHILDREN = {
    "mode": "mode",
    "hidden_codes": "offered_answers",
    "undisclosed_label": "undisclosed_label",
    "purpose": "purpose",
}


@runtime_checkable
class QuestionBlock(Protocol):
    """What makes a StreamField block a question of a stream form: the
    package's blocks and any block of a site's own with these two methods."""

    def get_field_name(self, value: Any) -> str:
        """The key the answer is stored under in a submission."""
        ...

    def get_form_field(self, value: Any) -> forms.Field: ...


@cache
def _asks_a_question(block_class: type) -> bool:
    # A protocol check costs microseconds; a stream has a handful of block classes.
    return issubclass(block_class, QuestionBlock)


def is_question_block(block: blocks.Block) -> bool:
    """Whether a stream's block asks a question (is a :class:`QuestionBlock`)."""
    return _asks_a_question(type(block))


class PurposeTextBlock(blocks.TextBlock):
    """The question's own purpose text; empty follows the standard question.

    (Blocks saved before the standard question existed keep the text they were given.)
    """


def offered_answers_as_stored(value: Any) -> str | None:
    """A stored "answers offered" value in the form :class:`OfferedAnswersBlock`
    stores: as it is, or from a list of ticked codes (the earlier storage)."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return stored_from_offered(str(code) for code in value)
    return None  # anything else (edited by hand) follows the standard question


class OfferedAnswersBlock(blocks.FieldBlock):
    """The "answers offered" checkboxes, stored as the form builder's column
    stores them: None while the answers follow the standard question, else
    the codes switched off ("male,address_mr"; "" when none are).

    Values saved as a list of the ticked codes (before the two were made one)
    are read as that list meant, and saved in the new form with the page.
    """

    def __init__(self, required: bool = False, help_text: Any = None, **kwargs: Any):
        # Never required: no box ticked is a choice too. A block's form always shows
        # every child, so the builder's "were they shown" marker is not needed (and
        # Wagtail's block script wants the widget as one element).
        self.field = OfferedAnswersField(
            allow_follow=True, help_text=help_text or "", widget=forms.CheckboxSelectMultiple
        )
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> str | None:
        return offered_answers_as_stored(value)

    normalize = value_from_form = to_python

    def value_for_form(self, value: Any) -> list[str]:
        return self.field.prepare_value(value)


@deconstructible(path="wagtail_inclusive_forms.blocks.RewriteOfferedAnswersOperation")
class RewriteOfferedAnswersOperation(BaseBlockOperation):
    """For a site's data migration with Wagtail's ``MigrateStreamData``:
    rewrites "answers offered" saved as a list of ticked codes in the form
    :class:`OfferedAnswersBlock` stores, in pages and their revisions. Values
    already in that form stay as they are. Point it at the block child::

        MigrateStreamData("myapp", "ContactPage", "body",
                          [(RewriteOfferedAnswersOperation(), "gender.offered_answers")])
    """

    def apply(self, block_value: Any) -> str | None:
        return offered_answers_as_stored(block_value)

    @property
    def operation_name_fragment(self) -> str:
        return "rewrite_offered_answers"


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
    offered_answers = OfferedAnswersBlock(
        label=_("Answers offered"),
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
    each setting in a child. :meth:`follow_standard` replaces ``value`` with a changed copy."""

    def __init__(self, block: InclusiveQuestionBlock, value: Any):
        self.block = block
        self.value = value

    @property
    def required(self) -> bool:
        return bool(self.value.get("required"))

    def stored(self, name: str) -> Any:
        return self.value.get(_CONFIG_CHILDREN[name])

    def store(self, values: Mapping[str, Any]) -> None:
        raw = self.block.get_prep_value(self.value)
        for name, value in values.items():
            raw[_CONFIG_CHILDREN[name]] = value
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
    OfferedAnswersBlock: "wagtail_inclusive_forms.blocks.OfferedAnswersBlock",
    LabelledFieldBlock: "wagtail_inclusive_forms.stream_forms.LabelledFieldBlock",
}
