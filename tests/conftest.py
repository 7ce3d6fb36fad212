"""Shared fixtures: a site root, form pages with an inclusive question, users."""

import os

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.core.servers.basehttp import WSGIServer
from django.test.testcases import LiveServerThread
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from wagtail.models import GroupPagePermission, Locale, Site

from tests.factories import FormFieldFactory, FormPageFactory, InclusiveFieldFactory
from wagtail_inclusive_forms.models.page_model import get_page_model

Page = get_page_model()  # wagtailcore.Page, or the site's own (WAGTAIL_PAGE_MODEL)


# Property-based tests: a few hundred examples per input surface by default;
# WIF_FUZZ_EXAMPLES=10000 runs the long campaign (docs/how-to/developers.md).
hypothesis_settings.register_profile(
    "wagtail_inclusive_forms",
    max_examples=int(os.environ.get("WIF_FUZZ_EXAMPLES", "200")),
    deadline=None,  # database round trips vary; speed is measured in benchmarks/, not here
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    # The same examples on every run (CI stays reproducible); WIF_FUZZ_RANDOM=1 draws new ones.
    derandomize=os.environ.get("WIF_FUZZ_RANDOM") != "1",
)
hypothesis_settings.load_profile("wagtail_inclusive_forms")


class OneRequestAtATimeServer(WSGIServer):
    """The live server for the browser tests shares the test's in-memory SQLite
    connection; Django's server opens a thread per request, and Chromium's
    parallel requests then use that connection at once (on Python 3.13:
    "bad parameter or other API misuse"). Served one at a time, they cannot."""

    def __init__(self, *args, connections_override=None, **kwargs):
        super().__init__(*args, **kwargs)


LiveServerThread.server_class = OneRequestAtATimeServer


@pytest.fixture(autouse=True)
def forget_cached_sites():
    """Wagtail caches site root paths outside the database, and the confirmation
    e-mail limits count in the cache; a test must not leave them to the next one."""
    yield
    Site.clear_site_root_paths_cache()
    cache.clear()


@pytest.fixture
def root_page(db):
    """The default site's home page; rebuilt when a transactional test flushed the tree."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site:
        return site.root_page
    locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=locale)
    )
    home = root.add_child(instance=Page(title="Home", slug="home", locale=locale))
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    return home


@pytest.fixture
def form_page(root_page):
    """A published form page: a name field and an optional inclusive question."""
    page = FormPageFactory(
        parent=root_page, title="Grofvuil ophalen", slug="grofvuil", to_address="team@example.org"
    )
    FormFieldFactory(page=page, label="Naam", field_type="singleline", required=True, sort_order=0)
    InclusiveFieldFactory(page=page, label="Geslacht", sort_order=1)
    page.save_revision().publish()
    return page


@pytest.fixture
def admin_user(django_user_model):
    return django_user_model.objects.create_superuser("admin", "admin@example.org", "password")


@pytest.fixture
def editor_without_form_access(django_user_model):
    """A user who may use the admin but has no permission on any form page."""
    user = django_user_model.objects.create_user("lezer", "lezer@example.org", "password")
    group = Group.objects.create(name="Alleen admin")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    return user


@pytest.fixture
def editor(django_user_model, root_page):
    """A Wagtail editor who may add, edit and publish pages below the site root."""
    user = django_user_model.objects.create_user("redacteur", "redacteur@example.org", "password")
    group = Group.objects.create(name="Redacteuren")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for permission_type in ("add", "change", "publish"):
        # By type, not codename: the codename names the base page model ("add_page").
        GroupPagePermission.objects.create(group=group, page=root_page, permission_type=permission_type)
    user.groups.add(group)
    return user


@pytest.fixture
def appointment_page(root_page):
    """A published form with name fields, an e-mail field and the inclusive question."""
    page = FormPageFactory(
        parent=root_page, title="Afspraak maken", slug="afspraak", to_address="balie@example.org"
    )
    for order, (label, field_type) in enumerate(
        [
            ("Voornaam", "singleline"),
            ("Tussenvoegsel", "singleline"),
            ("Achternaam", "singleline"),
            ("E-mailadres", "email"),
        ]
    ):
        FormFieldFactory(page=page, label=label, field_type=field_type, sort_order=order)
    InclusiveFieldFactory(page=page, label="Geslacht", sort_order=9)
    page.save_revision().publish()
    return page
