"""The test project with Wagtail's Page swapped for a site's own base page.

Wagtail ships the base page model its own suite uses for this
(``wagtail.test.basepage``). The test pages get migrations of their own
here (made by ``makemigrations`` with these settings), as a site that starts
on a swapped page model has; the package's own migrations run unchanged.
"""

import os

from tests.settings import *  # noqa: F403
from tests.settings import BASE_DIR, INSTALLED_APPS

INSTALLED_APPS = ["wagtail.test.basepage", *INSTALLED_APPS]
WAGTAIL_PAGE_MODEL = "basepage.BasePage"
MIGRATION_MODULES = {"wagtail_inclusive_forms_test": "tests.custom_page_model.migrations"}
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.path.join(BASE_DIR, "test-custom-page.sqlite3"),
    }
}
