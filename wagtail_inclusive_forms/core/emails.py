"""The confirmation e-mail to the person who filled in a form.

Wagtail mails only staff; this builds the message to the visitor from the
form's subject and body texts, with the salutation and the answers filled in,
as plain text with an HTML alternative. Sending is the caller's affair, so a
failure can be logged without losing the submission.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.core.validators import validate_email
from django.utils.formats import date_format
from django.utils.html import escape, format_html, linebreaks

from .salutations.messages import ANSWERS, FORM_TITLE, SALUTATION, fill_message


def readable_value(value: Any) -> str:
    """An answer as a person reads it: lists joined, dates in the local format,
    inclusive answers as their label (``StoredAnswer.__str__``)."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(readable_value(item) for item in value)
    if isinstance(value, datetime.datetime):
        return date_format(value, "SHORT_DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return date_format(value, "SHORT_DATE_FORMAT")
    return str(value)


def answer_lines(labelled_values: list[tuple[str, Any]]) -> str:
    """One "Label: answer" line per question, as in Wagtail's staff e-mail."""
    return "\n".join(f"{label}: {readable_value(value)}" for label, value in labelled_values)


def message_values(
    salutation: str, form_title: str, labelled_values: Mapping[str, tuple[str, Any]]
) -> dict[str, str]:
    """Values for the placeholders: ``{aanhef}``, ``{formulier}``,
    ``{antwoorden}`` and each question by its stored name."""
    return {
        **{name: readable_value(value) for name, (_label, value) in labelled_values.items()},
        SALUTATION: salutation,
        FORM_TITLE: form_title,
        ANSWERS: answer_lines(list(labelled_values.values())),
    }


def valid_address(value: Any) -> str | None:
    address = readable_value(value).strip()
    try:
        validate_email(address)
    except ValidationError:
        return None
    return address


def build_confirmation_email(
    *,
    to: str,
    subject: str,
    body: str,
    values: Mapping[str, str],
    from_email: str | None = None,
    links: Iterable[str] = (),
) -> EmailMultiAlternatives:
    """The message with plain text and HTML bodies; all typed text is escaped
    in HTML, and only the package's own ``links`` become clickable there."""
    text = fill_message(body, values)
    message = EmailMultiAlternatives(
        subject=fill_message(subject, values, subject=True),
        body=text,
        from_email=from_email or None,
        to=[to],
    )
    html = linebreaks(text, autoescape=True)
    for link in links:
        html = html.replace(escape(link), format_html('<a href="{0}">{0}</a>', link))
    message.attach_alternative(html, "text/html")
    return message
