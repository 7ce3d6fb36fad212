"""Personal links to change or withdraw sensitive answers, without an account.

The confirmation e-mail's ``{wijzigen}`` placeholder becomes a link holding a
token signed with Django's ``signing`` (the site's SECRET_KEY, a salt of its
own): the form page, the submission and a fingerprint of the sensitive answers
as stored when the link was made. The token carries no answers (its payload is
readable, only not forgeable). A link is good for one change: once the answers
differ from the fingerprint it is "used". It expires with the form's retention
period, so it never outlives the answers it is about.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.core import signing
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.crypto import constant_time_compare, salted_hmac

from .answers import holds_an_answer

SALT = "wagtail_inclusive_forms.change_answers"
VALID, INVALID, EXPIRED, USED, GONE = "valid", "invalid", "expired", "used", "gone"


def stored_sensitive_answers(form_data: Mapping[str, Any], names: Iterable[str]) -> dict[str, Any]:
    """The sensitive answers a submission still holds (empty ones left out)."""
    return {name: form_data[name] for name in sorted(names) if holds_an_answer(form_data.get(name))}


def fingerprint(submission_id: int, answers: Mapping[str, Any]) -> str:
    """A keyed hash of the stored answers: it changes when they change, and
    says nothing about them to whoever reads the token."""
    text = json.dumps([submission_id, answers], sort_keys=True, cls=DjangoJSONEncoder)
    return salted_hmac(SALT, text, algorithm="sha256").hexdigest()[:32]


def make_token(page_id: int, submission_id: int, answers: Mapping[str, Any]) -> str:
    payload = {"p": page_id, "s": submission_id, "f": fingerprint(submission_id, answers)}
    return signing.TimestampSigner(salt=SALT).sign_object(payload, compress=False)


@dataclass(frozen=True)
class LinkCheck:
    """What a token says, before the submission is looked up."""

    status: str
    submission_id: int | None = None
    fingerprint: str = ""

    def status_for(self, answers: Mapping[str, Any] | None) -> str:
        """VALID when ``answers`` (None: no such submission) are as they were
        when the link was made; GONE when none are left; USED otherwise."""
        if self.status != VALID:
            return self.status
        if not answers:
            return GONE
        current = fingerprint(self.submission_id, answers)
        return VALID if constant_time_compare(current, self.fingerprint) else USED


def read_token(token: str, page_id: int, max_age: datetime.timedelta) -> LinkCheck:
    """Check a token's signature, age and form page. A token signed for another
    form, or changed in any character, is INVALID."""
    try:
        payload = signing.TimestampSigner(salt=SALT).unsign_object(token, max_age=max_age)
    except signing.SignatureExpired:
        return LinkCheck(EXPIRED)
    except (signing.BadSignature, ValueError, TypeError):
        return LinkCheck(INVALID)
    if not isinstance(payload, dict) or payload.get("p") != page_id:
        return LinkCheck(INVALID)
    submission_id, mark = payload.get("s"), payload.get("f")
    if not isinstance(submission_id, int) or not isinstance(mark, str):
        return LinkCheck(INVALID)
    return LinkCheck(VALID, submission_id, mark)
