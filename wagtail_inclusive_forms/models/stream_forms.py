"""Form pages built from StreamField blocks instead of form-builder fields.

Any block with ``get_field_name(value)`` and ``get_form_field(value)`` is a
question (:class:`~..forms.blocks.QuestionBlock`);
:class:`~..forms.blocks.InclusiveQuestionBlock` and the simple
:class:`~..forms.blocks.LabelledFieldBlock` are. Everything else in the stream
(text, images) is left to the page template. Sites import it from
``wagtail_inclusive_forms.stream_forms``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ..core.question import QuestionConfig
from ..forms.blocks import InclusiveQuestionBlock, is_question_block
from ..forms.form_builder import SubmissionForm, builder_type
from .question import InclusiveFormMixin


class StreamFormMixin(InclusiveFormMixin):
    """Builds a page's form from the question blocks in one StreamField.

    Set ``form_stream_field`` to the StreamField's name; put the mixin before
    Wagtail's ``FormMixin``.
    """

    form_stream_field = "form_fields"

    def iter_question_blocks(self) -> Iterator[tuple[str, Any, Any]]:
        """(stored name, block, value) of each question, in page order."""
        for child in getattr(self, self.form_stream_field):
            if is_question_block(child.block):
                yield child.block.get_field_name(child.value), child.block, child.value

    def get_form_fields(self):
        return []

    def form_field_for(self, block, value) -> forms.Field:
        """A question block's form field; inclusive ones under the site's standard question."""
        if isinstance(block, InclusiveQuestionBlock):
            return block.get_form_field(value, self.get_shared_question())
        return block.get_form_field(value)

    def get_form_class(self):
        fields = {
            name: self.form_field_for(block, value) for name, block, value in self.iter_question_blocks()
        }
        return type("StreamForm", (SubmissionForm,), fields)

    def get_data_fields(self):
        return (
            [("submit_time", _("Submission date"))]
            + [
                (name, self.form_field_for(block, value).label)
                for name, block, value in self.iter_question_blocks()
            ]
            + self.get_registration_code_columns()
        )

    def get_field_descriptions(self) -> list[tuple[str, str, str]]:
        descriptions = []
        for name, block, value in self.iter_question_blocks():
            field = self.form_field_for(block, value)
            descriptions.append((name, str(field.label), builder_type(field)))
        return descriptions

    def get_sensitive_field_names(self) -> set[str]:
        """Every inclusive question (other blocks cannot be marked sensitive)."""
        return {
            name
            for name, block, _value in self.iter_question_blocks()
            if isinstance(block, InclusiveQuestionBlock)
        }

    def get_inclusive_questions(self) -> dict[str, QuestionConfig]:
        return {
            name: block.question(value).config(self.get_shared_question())
            for name, block, value in self.iter_question_blocks()
            if isinstance(block, InclusiveQuestionBlock)
        }
