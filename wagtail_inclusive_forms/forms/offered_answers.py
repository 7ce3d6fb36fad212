"""The "answers offered" checkboxes an editor ticks, and their form field.

Form layer: the model column that stores the answers switched off
(``models.question.HiddenAnswersField``) and the block child
(``blocks.OfferedAnswersBlock``) both edit themselves with this field; the
conversion between "offered" checkboxes and stored "switched off" codes lives
here so it is tested alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from ..core import answers
from ..core.question import (
    FOLLOW_LABEL,
    FOLLOW_SHARED,
    FORM_OF_ADDRESS_MODE,
    GENDER_MODE,
    MODE_CODES,
    MODE_LABELS,
    parse_codes,
)
from .option_widgets import InlineOptionsCheckboxes

# The hidden marker's name is the checkboxes' name with this added.
SHOWN_SUFFIX = "-shown"


def stored_from_offered(offered: Iterable[str], *, allow_follow: bool = True) -> str | None:
    """What a column or block child stores for these ticked boxes: None when
    the first box follows the standard question, else the codes left unticked."""
    offered = set(offered)
    if allow_follow and FOLLOW_SHARED in offered:
        return None
    return ",".join(code for code in answers.ALL_CODES if code not in offered)


def _grouped_choices() -> list:
    return [
        (MODE_LABELS[mode], [(code, answers.lazy_option_label(code)) for code in MODE_CODES[mode]])
        for mode in (GENDER_MODE, FORM_OF_ADDRESS_MODE)
    ]


def _choices_with_follow() -> list:
    return [(FOLLOW_SHARED, FOLLOW_LABEL), *_grouped_choices()]


class OfferedAnswersWidget(InlineOptionsCheckboxes):
    """Django's checkboxes, plus a hidden marker that they were shown.

    Unticked checkboxes send nothing, so without the marker "none ticked" and
    "not on the page" look alike. The page editor shows a form field's
    inclusive settings only where they apply; where they were not shown, the
    stored answers must stay as they are rather than become "none offered".
    """

    def render(self, name, value, attrs=None, renderer=None):
        marker = format_html('<input type="hidden" name="{}{}" value="1">', name, SHOWN_SUFFIX)
        return super().render(name, value, attrs, renderer) + marker

    def value_from_datadict(self, data, files, name):
        if self.value_omitted_from_data(data, files, name):
            return None  # not shown: the field keeps its stored value
        return super().value_from_datadict(data, files, name)

    def value_omitted_from_data(self, data, files, name):
        return f"{name}{SHOWN_SUFFIX}" not in data


class OfferedAnswersField(forms.MultipleChoiceField):
    """Checkboxes of the answers offered; stores the ones left unticked.

    Storing what is switched off means an answer added in a later release is
    offered on existing questions instead of silently missing. With
    ``allow_follow`` the first box takes the answers from the site's standard
    question instead (stored as None).
    """

    widget = OfferedAnswersWidget
    default_error_messages = {
        "invalid_choice": _("“%(value)s” is not one of the answers this question can offer."),
    }

    def __init__(
        self,
        *,
        max_length: int | None = None,
        empty_value: Any = None,
        allow_follow: bool = False,
        **kwargs: Any,
    ):
        kwargs.pop("choices", None)
        kwargs["required"] = False
        kwargs.setdefault("help_text", "")
        self.allow_follow = allow_follow
        super().__init__(choices=_choices_with_follow if allow_follow else _grouped_choices, **kwargs)

    def prepare_value(self, value: Any) -> list[str]:
        if isinstance(value, (list, tuple)):
            return list(value)
        if value is None and self.allow_follow:
            return [FOLLOW_SHARED, *answers.ALL_CODES]
        hidden = parse_codes(value)
        return [code for code in answers.ALL_CODES if code not in hidden]

    def clean(self, value: Any) -> str | None:
        if value is None:  # the checkboxes were not on the page (OfferedAnswersWidget)
            return None
        return stored_from_offered(super().clean(value), allow_follow=self.allow_follow)

    def has_changed(self, initial: Any, data: Any) -> bool:
        if data is None:  # not shown, so not changed
            return False
        return set(self.prepare_value(initial)) != set(data or [])
