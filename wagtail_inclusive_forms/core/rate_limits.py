"""A public form must not become a way to send mail in the organisation's name
to anyone: confirmation e-mails are limited per recipient and per client.

Counts live in Django's cache (use a shared cache, such as Redis or the
database cache, when the site runs more than one process). Keys hold a hash of
the address, never the address itself.
"""

from __future__ import annotations

import hashlib

from django.core.cache import cache

from . import conf


def _key(kind: str, value: str) -> str:
    digest = hashlib.sha256(value.strip().lower().encode("utf-8")).hexdigest()
    return f"wagtail_inclusive_forms:confirmation:{kind}:{digest}"


def allow_confirmation(recipient: str, client: str) -> bool:
    """Count one confirmation to ``recipient`` asked from ``client``; False once
    either has reached the limit within the window (nothing is counted then)."""
    limit = conf.confirmation_email_rate_limit()
    if not limit:
        return True
    most, seconds = limit
    keys = [_key("to", recipient)] + ([_key("client", client)] if client else [])
    if any((cache.get(key) or 0) >= most for key in keys):
        return False
    for key in keys:
        if not cache.add(key, 1, timeout=seconds):
            try:
                cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.add(key, 1, timeout=seconds)
    return True
