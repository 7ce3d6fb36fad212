"""How the package's actions read in Wagtail's history and audit log: with
what changed, old and new, in words (Wagtail's ``LogFormatter``)."""

from __future__ import annotations

from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter

from ..core import answers
from ..core.question import MODE_LABELS, SETTING_LABELS
from ..forms.form_builder import field_type_label


def _shown(name: str, value) -> str:
    """A standard question setting's stored value in words."""
    if name == "mode":
        return str(MODE_LABELS.get(value, value))
    if name == "hidden_codes":  # stored as the answers switched off
        hidden = [str(answers.LABELS.get(code, code)) for code in value or ()]
        return gettext("all but %(answers)s") % {"answers": ", ".join(hidden)} if hidden else gettext("all")
    if name == "undisclosed_label":
        return answers.option_label(answers.UNDISCLOSED, value)
    return Truncator(str(value)).chars(80)


class StandardQuestionChanged(LogFormatter):
    label = _("Change the standard question")

    def format_message(self, log_entry):
        changed = (log_entry.data or {}).get("changed", {})
        parts = [
            gettext("%(setting)s from “%(old)s” to “%(new)s”")
            % {
                "setting": SETTING_LABELS.get(name, name),
                "old": _shown(name, values.get("old")),
                "new": _shown(name, values.get("new")),
            }
            for name, values in changed.items()
        ]
        if not parts:
            return gettext("Changed the standard question of the site")
        return gettext("Changed the standard question of the site: %(changes)s") % {
            "changes": "; ".join(parts)
        }


class OldQuestionsReplaced(LogFormatter):
    label = _("Replace old sex questions")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        fields = [
            gettext("“%(label)s” (%(type)s) became the inclusive question")
            % {"label": fix.get("label", ""), "type": field_type_label(fix.get("old_type", ""))}
            for fix in data.get("fields", [])
        ]
        follows = [fix.get("label", "") for fix in data.get("follows", [])]
        if follows:
            fields.append(
                gettext("follows the standard question: %(labels)s") % {"labels": ", ".join(follows)}
            )
        if not fields:
            return gettext("Replaced old sex questions by the standard question")
        return gettext("Replaced old sex questions: %(changes)s") % {"changes": "; ".join(fields)}
