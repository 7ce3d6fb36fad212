"""Why a form asks sex or gender: the purposes of the guide's assessment
framework, each with its consideration (in our own words), and the decisions.

Plain Python. Site admins record one or more purposes, a legal basis and a
decision per form (``models.audit.FormPurposeRecord``).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

LEGAL_DUTY = "legal_duty"

# code -> (label, consideration)
PURPOSES = {
    LEGAL_DUTY: (
        _("A law requires it"),
        _(
            "Record the law and article (e.g. Paspoortwet art. 3 lid 1). "
            "Few registers outside the BRP need it."
        ),
    ),
    "communication": (
        _("Communication and salutation"),
        _("Rarely needed: use a neutral salutation, or ask how people want to be addressed."),
    ),
    "marketing": (
        _("Marketing and campaigns"),
        _("Sex is a poor stand-in for what people need; target on the traits that matter."),
    ),
    "third_parties": (
        _("A third party asks for it"),
        _("Ask them why. Without a legal duty, passing sex on is often unnecessary."),
    ),
    "positive_action": (
        _("(Internal) positive action"),
        _("Can be needed, within the strict rules of equal-treatment law."),
    ),
    "emancipation_policy": (
        _("Emancipation policy"),
        _("Statistics may need it; data about individuals seldom does. Report group figures only."),
    ),
    "health_care": (
        _("Appropriate health care"),
        _("Ask about the body characteristic that matters (e.g. a cervix) rather than legal sex."),
    ),
    "identification": (
        _("Identification"),
        _("Name, address and date of birth are enough to identify someone."),
    ),
    "research": (
        _("Scientific research"),
        _("Ask the person, explain why, and handle the answer under the GDPR."),
    ),
}

DECISIONS = {
    "keep": _("Keep the question"),
    "make_optional": _("Make it optional"),
    "form_of_address": _("Replace it by the form of address"),
    "remove": _("Remove the question"),
}
