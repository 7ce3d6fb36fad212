"""How one inclusive question is configured, and the rules editors must follow.

Plain Python. The builder field type, the StreamField block and the validation
of both read their settings through :class:`QuestionConfig`, so the rules (at
least two answers, a purpose text when the question is required, no
stigmatising labels) live in one place. :class:`SharedQuestion` is a site's
standard question; :func:`resolve_question` merges it with the settings a
field overrides, so changing the standard changes every field that follows it.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any, Protocol

from django.utils.translation import gettext_lazy as _

from . import answers, conf

GENDER_MODE = answers.GENDER_MODE
FORM_OF_ADDRESS_MODE = answers.FORM_OF_ADDRESS_MODE
MODES = (GENDER_MODE, FORM_OF_ADDRESS_MODE)
MODE_LABELS = {
    GENDER_MODE: _("Sex or gender"),
    FORM_OF_ADDRESS_MODE: _("Preferred form of address"),
}
MODE_CODES = {
    GENDER_MODE: answers.GENDER_CODES,
    FORM_OF_ADDRESS_MODE: answers.ADDRESS_CODES,
}
# The form builder's field type of the inclusive question: stored in form field
# rows, read by the audit, the bulk fix and the editor's script.
INCLUSIVE_FIELD_TYPE = "inclusive_gender"

# Words that may not label an answer: they set people apart as "the rest".
STIGMATISING_LABELS = ("anders", "overig", "overige", "other", "others", "rest")


@dataclass(frozen=True, slots=True)
class QuestionConfig:
    """Everything that shapes the question a visitor sees.

    ``hidden_codes`` lists the answers the editor switched off; everything else
    in the mode is offered, so a new answer added by a later release is offered
    by default rather than silently missing.
    """

    mode: str = GENDER_MODE
    hidden_codes: tuple[str, ...] = ()
    undisclosed_label: str = answers.PREFER_NOT_TO_SAY
    purpose: str = ""
    required: bool = False
    max_description_length: int = 100

    @property
    def offered_codes(self) -> tuple[str, ...]:
        return tuple(c for c in MODE_CODES.get(self.mode, ()) if c not in self.hidden_codes)

    def options(self) -> list[tuple[str, str]]:
        """(code, label) for each offered answer, in the order shown."""
        return [(c, answers.option_label(c, self.undisclosed_label)) for c in self.offered_codes]

    @property
    def open_code(self) -> str | None:
        """The offered answer that comes with an open text field, if any."""
        return next((c for c in self.offered_codes if c in answers.OPEN_CODES), None)

    def errors(self) -> dict[str, str]:
        """Problems an editor must fix before saving, keyed by setting name."""
        problems: dict[str, str] = {}
        if self.mode not in MODES:
            problems["mode"] = str(_("Choose what the question asks: sex or gender, or the form of address."))
        if self.undisclosed_label not in answers.UNDISCLOSED_LABELS:
            problems["undisclosed_label"] = str(_("Choose one of the offered labels for the last answer."))
        if len(self.offered_codes) < 2:
            problems["hidden_codes"] = str(
                _("Offer at least two answers. To stop asking altogether, remove the question from the form.")
            )
        if self.required and not self.purpose.strip():
            problems["purpose"] = str(
                _(
                    "A required question needs a purpose text: tell people why you ask, how you use "
                    "the answer and how long you keep it. Or make the question optional."
                )
            )
        return problems


def parse_codes(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """Read a stored list of answer codes (comma separated or a list), keeping known ones."""
    if not value:
        return ()
    items = value.split(",") if isinstance(value, str) else value
    return tuple(code for code in (item.strip() for item in items) if code in answers.ALL_CODES)


# The settings a field may take from its site's standard question.
INHERITABLE_SETTINGS = ("mode", "hidden_codes", "undisclosed_label", "purpose")
# What a form-builder column and a block child alike store where a question
# follows the standard question: None for the answers switched off ("" would
# mean "none switched off"), "" for the rest.
FOLLOWING_STORED = {"mode": "", "hidden_codes": None, "undisclosed_label": "", "purpose": ""}
SETTING_LABELS = {
    "mode": _("what the question asks"),
    "hidden_codes": _("answers offered"),
    "undisclosed_label": _("label of the last answer"),
    "purpose": _("purpose text"),
}


def setting_labels(names: Iterable[str]) -> str:
    """Settings in words, for lists such as "purpose text, answers offered";
    names that are not settings (from older stored data) are left out."""
    return ", ".join(str(SETTING_LABELS[name]) for name in names if name in SETTING_LABELS)


# The pseudo answer code of the first "answers offered" box: the answers
# follow the standard question (stored as None, see FOLLOWING_STORED).
FOLLOW_SHARED = "shared"
FOLLOW_LABEL = _("As in the site's standard question")


@dataclass(frozen=True)
class SharedQuestion:
    """A site's standard question: what every following field asks. (The
    question's label stays the form's own: it gives context, such as "Geslacht
    kind", and names the stored answers of StreamField forms.)"""

    mode: str = GENDER_MODE
    hidden_codes: tuple[str, ...] = ()
    undisclosed_label: str = answers.PREFER_NOT_TO_SAY
    purpose: str = ""

    def config(self, *, required: bool = False, max_description_length: int = 100) -> QuestionConfig:
        return resolve_question(self, {}, required=required, max_description_length=max_description_length)


def default_shared_question() -> SharedQuestion:
    """The standard question of a site that has not set one: the package's defaults."""
    return SharedQuestion(purpose=conf.default_purpose_text())


def overridden_settings(own: Mapping[str, Any]) -> tuple[str, ...]:
    """The settings a field sets itself, in the order of ``INHERITABLE_SETTINGS``."""
    return tuple(name for name in INHERITABLE_SETTINGS if own.get(name) not in (None, ""))


def resolve_question(
    shared: SharedQuestion,
    own: Mapping[str, Any],
    *,
    required: bool = False,
    max_description_length: int = 100,
    strict: bool = False,
) -> QuestionConfig:
    """The question a visitor sees: the field's own settings where it has
    them, the standard question's elsewhere.

    When the field's own answers leave fewer than two for the mode it takes
    from the standard (which an admin may have changed since), the standard's
    answers are offered instead, so a change of the standard never breaks a
    following form. ``strict`` skips that, to validate what an editor saves.
    """
    overrides = set(overridden_settings(own))

    def pick(name: str) -> Any:
        return own[name] if name in overrides else getattr(shared, name)

    config = QuestionConfig(
        mode=pick("mode"),
        hidden_codes=tuple(pick("hidden_codes")),
        undisclosed_label=pick("undisclosed_label"),
        purpose=pick("purpose") or "",
        required=required,
        max_description_length=max_description_length,
    )
    if (
        not strict
        and len(config.offered_codes) < 2
        and "mode" not in overrides
        and "hidden_codes" in overrides
    ):
        config = replace(config, hidden_codes=tuple(shared.hidden_codes))
    return config


class StoredQuestion(Protocol):
    """One inclusive question where a form keeps it.

    Two adapters implement it: ``models.question.FieldQuestion`` (a form-builder
    field row) and ``blocks.BlockQuestion`` (a StreamField block's value). Both
    store "follows the standard question" alike (``FOLLOWING_STORED``); only
    they know where the values live. The audit's sources, the bulk fix, the
    editor's panels and the submissions listing go through this interface.
    """

    @property
    def required(self) -> bool: ...

    def own_settings(self) -> dict[str, Any]:
        """The settings the question sets itself (``INHERITABLE_SETTINGS``
        names); None or "" where it follows the standard question."""
        ...

    def follow_standard(self, settings: Iterable[str]) -> None:
        """Make these settings follow the standard question."""
        ...

    def config(self, shared: SharedQuestion | None = None, *, strict: bool = False) -> QuestionConfig:
        """The question as visitors see it under the standard ``shared``."""
        ...

    def overridden_settings(self) -> tuple[str, ...]: ...


class QuestionAdapter(ABC):
    """What both adapters share: they store the settings the same way
    (``FOLLOWING_STORED``) and differ only in where, a column or a block child."""

    required: bool

    @abstractmethod
    def stored(self, name: str) -> Any:
        """The stored value of one of ``INHERITABLE_SETTINGS``."""

    @abstractmethod
    def store(self, values: Mapping[str, Any]) -> None:
        """Store these values (by setting name) in place of the current ones."""

    def own_settings(self) -> dict[str, Any]:
        hidden = self.stored("hidden_codes")
        return {
            "mode": self.stored("mode") or "",
            "hidden_codes": None if hidden is None else parse_codes(hidden),
            "undisclosed_label": self.stored("undisclosed_label") or "",
            "purpose": (self.stored("purpose") or "").strip(),
        }

    def follow_standard(self, settings: Iterable[str]) -> None:
        self.store({name: FOLLOWING_STORED[name] for name in settings})

    def config(self, shared: SharedQuestion | None = None, *, strict: bool = False) -> QuestionConfig:
        return resolve_question(
            shared or default_shared_question(),
            self.own_settings(),
            required=self.required,
            max_description_length=conf.self_description_max_length(),
            strict=strict,
        )

    def overridden_settings(self) -> tuple[str, ...]:
        return overridden_settings(self.own_settings())
