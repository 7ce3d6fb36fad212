"""Development settings: debug on, e-mail to the console. Never use these in production."""

import django

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "demo-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
# Django 6.1 replaced EMAIL_BACKEND by MAILERS (the old setting warns until 7.0).
if django.VERSION >= (6, 1):
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
