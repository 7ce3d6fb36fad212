"""Need-to-know: who may read sensitive answers, and what everyone else sees.

Answers to inclusive questions, and to fields an editor marked sensitive, are
shown only to users with the permission ``view_sensitive_answers`` (superusers
and the group "Privacyfunctionarissen" have it); everyone else reads "hidden"
in the submissions listing, the exports and the template filter. The staff
e-mail shows them only when every recipient is such a user. The salutation
worked out from an answer stays visible: it is what letters use.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from ..core.answers import holds_an_answer

SENSITIVE_PERMISSION = "wagtail_inclusive_forms.view_sensitive_answers"
PRIVACY_OFFICERS_GROUP = "Privacyfunctionarissen"
HIDDEN = _("hidden")


def may_see_sensitive(user) -> bool:
    return bool(user is not None and user.is_active and user.has_perm(SENSITIVE_PERMISSION))


def hide_sensitive(values: dict[str, Any], names: Iterable[str]) -> dict[str, Any]:
    """A copy of ``values`` with every answer of ``names`` that holds anything
    replaced by "hidden" (an empty answer stays empty: nothing to hide)."""
    hidden = dict(values)
    for name in names:
        if name in hidden and holds_an_answer(hidden[name]):
            hidden[name] = str(HIDDEN)
    return hidden


def addresses_may_see_sensitive(addresses: Iterable[str]) -> bool:
    """Whether every address belongs to an active user who may read sensitive answers."""
    wanted = {address.strip().lower() for address in addresses if address.strip()}
    if not wanted:
        return False
    user_model = get_user_model()
    email_field = user_model.get_email_field_name()
    users = user_model._default_manager.annotate(address=Lower(email_field)).filter(
        address__in=wanted, is_active=True
    )
    allowed = {user.address for user in users if may_see_sensitive(user)}
    return wanted <= allowed
