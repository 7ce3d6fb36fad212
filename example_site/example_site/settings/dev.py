"""Development settings: debug on, e-mail to the console. Never use these in production."""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "demo-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
