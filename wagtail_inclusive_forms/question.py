"""How one inclusive question is configured, and the rules editors must follow.

Plain Python. The builder field type, the StreamField block and the validation
of both read their settings through :class:`QuestionConfig`, so the rules (at
least two answers, a purpose text when the question is required, no
stigmatising labels) live in one place.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from . import answers

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

# Words that may not label an answer: they set people apart as "the rest".
STIGMATISING_LABELS = ("anders", "overig", "overige", "other", "others", "rest")


@dataclass(frozen=True)
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
