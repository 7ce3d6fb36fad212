"""The public page where a person changes or withdraws their sensitive answers.

Reached through the personal link in the confirmation e-mail (see
``change_links``), without an account. It shows only that submission's
sensitive answers, never its other answers; withdrawing removes them from the
stored submission and keeps the rest. Changes are logged in Wagtail's audit
log without the answers. A link that is invalid, expired or used, or whose
answers are gone, explains itself and shows nothing.
"""

from __future__ import annotations

import datetime
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from ...core import conf
from ...core.change_links import EXPIRED, GONE, INVALID, USED, VALID, read_token, stored_sensitive_answers

CHANGED_ACTION = "wagtail_inclusive_forms.answers_changed"
WITHDRAWN_ACTION = "wagtail_inclusive_forms.answers_withdrawn"
WITHDRAW, SAVE = "withdraw", "save"
TEMPLATE = "wagtail_inclusive_forms/change_answers.html"

# status -> (HTTP status, heading, explanation)
PROBLEMS = {
    INVALID: (
        404,
        _("This link does not work"),
        _("The link is incomplete or was changed. Copy the whole link from the e-mail, or contact us."),
    ),
    EXPIRED: (
        410,
        _("This link has expired"),
        _("The link works only as long as we keep your answers. Contact us if you have a question."),
    ),
    USED: (
        410,
        _("This link has been used"),
        _("Your answers were changed or withdrawn after this link was sent. A link works once."),
    ),
    GONE: (
        410,
        _("No answers stored any more"),
        _("We no longer keep the answers this link was about: they were withdrawn or removed."),
    ),
}


def link_max_age(page) -> datetime.timedelta:
    """A link lives as long as the form keeps its answers (its retention
    period), or ``CHANGE_LINK_DAYS`` when the form sets none."""
    from ...services.retention_runs import policy_for_page

    days = policy_for_page(page).days
    return datetime.timedelta(days=days if days is not None else conf.change_link_days())


def change_answers(request, page, token: str):
    response = _respond(request, page, token)
    # Personal: never cached, never indexed, and the token never leaves in a Referer
    # to another site ("no-referrer" would also blank the Origin of its own form, failing CSRF).
    add_never_cache_headers(response)
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _render(request, page, status: int = 200, **context):
    base_template = getattr(page, "change_answers_base_template", None)
    context = {"page": page, "self": page, "base_template": base_template, **context}
    return TemplateResponse(request, TEMPLATE, context, status=status)


def _problem(request, page, status: str):
    http_status, heading, explanation = PROBLEMS[status]
    return _render(request, page, http_status, problem=status, heading=heading, explanation=explanation)


def _sensitive_form(page, request, data=None, initial=None):
    """The page's own form, cut down to the sensitive questions it still has."""
    names = page.get_sensitive_field_names()
    form = page.get_form(data, page=page, user=request.user, initial=initial)
    for name in list(form.fields):
        if name not in names:
            del form.fields[name]
    return form


def _respond(request, page, token: str):
    if request.method not in ("GET", "HEAD", "POST"):
        return _problem(request, page, INVALID)
    link = read_token(token, page.pk, link_max_age(page))
    if link.status != VALID:
        return _problem(request, page, link.status)
    names = page.get_sensitive_field_names()
    with transaction.atomic():
        submissions = page.get_submission_class().objects.filter(page=page, pk=link.submission_id)
        submission = (submissions.select_for_update() if request.method == "POST" else submissions).first()
        answers = stored_sensitive_answers(submission.form_data, names) if submission else None
        status = link.status_for(answers)
        if status != VALID:
            return _problem(request, page, status)
        if request.method != "POST":
            form = _sensitive_form(page, request, initial=answers)
            return _render(request, page, form=form)
        if request.POST.get("action") == WITHDRAW:
            for name in answers:
                del submission.form_data[name]
            submission.save(update_fields=["form_data"])
            _log(page, submission, WITHDRAWN_ACTION, sorted(answers))
            return _render(request, page, done=WITHDRAW)
        form = _sensitive_form(page, request, data=request.POST, initial=answers)
        if not form.is_valid():
            return _render(request, page, 400, form=form)
        new = {name: form.cleaned_data[name] for name in form.fields}
        changed = sorted(name for name in new if _stored(new[name]) != _stored(answers.get(name)))
        if not changed:  # nothing stored changes, so the link stays good
            return _render(request, page, done=SAVE, unchanged=True)
        submission.form_data.update(new)
        submission.save(update_fields=["form_data"])
        _log(page, submission, CHANGED_ACTION, changed)
        return _render(request, page, done=SAVE)


def _stored(value):
    """A value as the JSON column holds it, so a typed date equals its stored text."""
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def _log(page, submission, action: str, fields: list[str]) -> None:
    # Which answers, never what they were or became.
    log(instance=page, action=action, user=None, data={"submission": submission.pk, "fields": fields})
