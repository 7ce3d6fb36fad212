"""The purpose text visitors read, made true by the form's own settings. Plain Python.

The package's default purpose text says why the question is asked. What it
promises about keeping and withdrawing the answer is added per form from what
that form really does (``FormPromises``): "We keep your answer 30 days" only
with a retention period of 30 days, the change link only when the confirmation
e-mail carries it. An editor's own text is left as written; the audit checks
its promises (``audit.promises``).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext, gettext_noop, ngettext

from . import conf

# Earlier releases' default text, which promised what no setting enforced;
# sites that still store it get the composed text instead.
LEGACY_DEFAULT_TEXTS = (
    gettext_noop(
        "We ask this so that we can address you the way you prefer. Your answer "
        "does not have to match your passport. We use it only for this purpose and "
        "keep it no longer than we need to handle your request. You can change or "
        "withdraw your answer at any time."
    ),
)


@dataclass(frozen=True, slots=True)
class FormPromises:
    """What a form really does with an answer."""

    retention_days: int | None = None
    change_link: bool = False


def _normalised(text: str) -> str:
    return " ".join((text or "").split())


def is_default_purpose(text: str) -> bool:
    """Whether ``text`` is the package's default purpose text (today's or an
    earlier release's, in any of the site's languages), not an editor's own."""
    text = _normalised(text)
    if not text:
        return False
    languages = {code for code, _name in settings.LANGUAGES} | {settings.LANGUAGE_CODE}
    for language in languages:
        with translation.override(language):
            candidates = [conf.default_purpose_text(), *(gettext(legacy) for legacy in LEGACY_DEFAULT_TEXTS)]
        if text in {_normalised(candidate) for candidate in candidates}:
            return True
    return text in {_normalised(legacy) for legacy in LEGACY_DEFAULT_TEXTS}


def compose_purpose(promises: FormPromises) -> str:
    """The default purpose text with only the promises this form keeps."""
    sentences = [conf.default_purpose_text().strip()]
    if promises.retention_days is not None:
        sentences.append(
            ngettext(
                "We keep your answer %(days)d day.",
                "We keep your answer %(days)d days.",
                promises.retention_days,
            )
            % {"days": promises.retention_days}
        )
    if promises.change_link:
        sentences.append(
            gettext("You can change or withdraw your answer through the link in the confirmation e-mail.")
        )
    return " ".join(sentences)


def purpose_for_form(text: str, promises: FormPromises) -> str:
    """What visitors read: the composed text where ``text`` is the default."""
    return compose_purpose(promises) if is_default_purpose(text) else text
