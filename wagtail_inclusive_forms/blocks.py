"""The inclusive question as a StreamField block: the public import path.

The blocks live in the form layer (:mod:`.forms.blocks`); sites and their
migrations import them from here.
"""

from .forms.blocks import (
    BlockQuestion,
    InclusiveQuestionBlock,
    OfferedAnswersBlock,
    PurposeTextBlock,
    QuestionBlock,
    RewriteOfferedAnswersOperation,
)

__all__ = [
    "BlockQuestion",
    "InclusiveQuestionBlock",
    "OfferedAnswersBlock",
    "PurposeTextBlock",
    "QuestionBlock",
    "RewriteOfferedAnswersOperation",
]
