"""The Django form field and widget that render one inclusive question.

The builder field type and the StreamField block both end here, so visitors
see the same accessible markup and submissions store the same value:
``{"answer": <code>, "description": <text>}`` (see :mod:`..core.answers`).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.forms.boundfield import BoundField
from django.utils.html import conditional_escape
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from ..core import answers
from ..core.question import QuestionConfig

DESCRIPTION_SUFFIX = "_description"


class InclusiveQuestionWidget(forms.Widget):
    """Radio buttons, the purpose text and the open text field, in one fieldset.

    The open field is always in the HTML, so the question works without
    JavaScript; the script only hides it until its answer is chosen.
    """

    template_name = "wagtail_inclusive_forms/widgets/inclusive_question.html"
    use_fieldset = True

    class Media:
        js = ["wagtail_inclusive_forms/js/inclusive-question.js"]

    def __init__(self, config: QuestionConfig | None = None, attrs: dict | None = None):
        super().__init__(attrs)
        self.config = config or QuestionConfig()

    def format_value(self, value: Any) -> answers.Answer:
        if isinstance(value, (list, tuple)):
            return answers.Answer(*(str(v or "") for v in value[:2]))
        return answers.Answer.from_stored(value)

    def value_from_datadict(self, data, files, name) -> tuple[str, str]:
        return (data.get(name, ""), data.get(name + DESCRIPTION_SUFFIX, ""))

    def value_omitted_from_data(self, data, files, name) -> bool:
        return name not in data and name + DESCRIPTION_SUFFIX not in data

    def id_for_label(self, id_: str) -> str:
        # As Django's RadioSelect: the question is a fieldset whose <legend> labels
        # the group; a "for" would be invalid on it and would name the first radio only.
        return ""

    def get_context(self, name: str, value: Any, attrs: dict | None) -> dict:
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        base_id = widget["attrs"].get("id") or f"id_{name}"
        answer = self.format_value(value)
        config = self.config
        widget.update(
            base_id=base_id,
            purpose=config.purpose,
            purpose_id=f"{base_id}_purpose",
            options=[
                {
                    "code": code,
                    "label": label,
                    "id": f"{base_id}_{index}",
                    "checked": code == answer.code,
                    "opens_description": code in answers.OPEN_CODES,
                }
                for index, (code, label) in enumerate(config.options())
            ],
            description_name=name + DESCRIPTION_SUFFIX,
            description_id=f"{base_id}{DESCRIPTION_SUFFIX}",
            description_value=answer.description,
            description_label=self._description_label(),
            max_length=config.max_description_length,
            required=config.required,
        )
        return context

    def _description_label(self) -> str:
        if self.config.mode == "form_of_address":
            return str(_("How would you like to be addressed?"))
        return str(_("How do you identify?"))


def form_help_text(text: str) -> str:
    """An editor's help text as Wagtail's form builder passes it on: escaped, as
    Django's field templates print help text unescaped, unless the site allows
    HTML with ``WAGTAILFORMS_HELP_TEXT_ALLOW_HTML``."""
    if getattr(settings, "WAGTAILFORMS_HELP_TEXT_ALLOW_HTML", False):
        return text or ""
    return conditional_escape(text or "")


class InclusiveBoundField(BoundField):
    """Ties the purpose text to the fieldset with ``aria-describedby``."""

    @property
    def aria_describedby(self) -> str:
        ids = [super().aria_describedby]
        if self.field.config.purpose and self.auto_id:
            ids.insert(0, f"{self.auto_id}_purpose")
        return " ".join(i for i in ids if i)


class InclusiveQuestionField(forms.Field):
    """Cleans to a :class:`~..core.answers.StoredAnswer` (a dict that prints readably)."""

    widget = InclusiveQuestionWidget
    default_error_messages = {
        "required": _("Please choose one of the answers."),
        "invalid_choice": _("Please choose one of the answers shown."),
        "description_required": _("You chose “%(label)s”: please fill in the text field as well."),
        "description_too_long": ngettext_lazy(
            "Please use at most %(max)d character (you used %(length)d).",
            "Please use at most %(max)d characters (you used %(length)d).",
            "max",
        ),
        "description_conflict": _(
            "You chose “%(label)s” and also typed a text. Choose “%(open_label)s” to use "
            "your own words, or empty the text field."
        ),
        "description_not_offered": _("This question has no text field: please choose one of the answers."),
    }

    def __init__(self, config: QuestionConfig | None = None, **kwargs: Any):
        self.config = config or QuestionConfig(required=kwargs.get("required", False))
        kwargs["required"] = self.config.required
        kwargs.setdefault("widget", InclusiveQuestionWidget(self.config))
        super().__init__(**kwargs)

    def get_bound_field(self, form, field_name) -> BoundField:
        return InclusiveBoundField(form, self, field_name)

    def to_python(self, value: Any) -> answers.Answer:
        if isinstance(value, (list, tuple)):
            code, description = (list(value) + ["", ""])[:2]
            # Collapse runs of white space: a description is one short line.
            return answers.Answer(str(code or "").strip(), " ".join(str(description or "").split()))
        return answers.Answer.from_stored(value)

    def validate(self, value: answers.Answer) -> None:
        config = self.config
        if value.code and value.code not in config.offered_codes:
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        if not value.code and self.required:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        open_code = config.open_code
        if value.description and not open_code:
            # Only a crafted request sends a text the question does not offer.
            raise forms.ValidationError(
                self.error_messages["description_not_offered"], code="description_not_offered"
            )
        if value.description:
            if len(value.description) > config.max_description_length:
                raise forms.ValidationError(
                    self.error_messages["description_too_long"],
                    code="description_too_long",
                    params={"max": config.max_description_length, "length": len(value.description)},
                )
            if value.code and value.code not in answers.OPEN_CODES:
                raise forms.ValidationError(
                    self.error_messages["description_conflict"],
                    code="description_conflict",
                    params={
                        "label": answers.option_label(value.code, config.undisclosed_label),
                        "open_label": answers.option_label(open_code) if open_code else "",
                    },
                )
        elif value.code in answers.OPEN_CODES:
            raise forms.ValidationError(
                self.error_messages["description_required"],
                code="description_required",
                params={"label": answers.option_label(value.code)},
            )

    def clean(self, value: Any) -> answers.StoredAnswer:
        answer = self.to_python(value)
        # Someone who typed a description but picked no answer (possible without
        # JavaScript) clearly meant the open answer: keep their words.
        if answer.description and not answer.code and self.config.open_code:
            answer = answers.Answer(self.config.open_code, answer.description)
        self.validate(answer)
        self.run_validators(answer)
        return answers.StoredAnswer(answer, self.config.undisclosed_label)

    def has_changed(self, initial: Any, data: Any) -> bool:
        return self.to_python(initial) != self.to_python(data)
