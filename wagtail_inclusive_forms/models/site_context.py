"""What the package reads of a form's site, read once per request.

A form page being served finds its site with Wagtail's own lookup, which the
page routing already did and cached on the request; the site's settings row is
then read in one query and shared by the form, the submission, the e-mails and
the change-link page of that request. Outside a request (commands, tasks) the
site is the one whose root (or, with Wagtail's i18n, a translation of it) is
the deepest above the page. Nothing is ever written: a site without settings
uses the package's defaults.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core import conf
from ..core.audit.policy import OFF
from ..core.question import SharedQuestion, default_shared_question
from ..core.retention import RetentionPolicy
from ..core.salutations import SalutationScheme, get_preset

_REQUEST_ATTRIBUTE = "_wagtail_inclusive_forms_site_context"
_PAGE_CONTEXTS_ATTRIBUTE = "_wagtail_inclusive_forms_page_contexts"


@dataclass(frozen=True)
class SiteContext:
    """A site's id and its settings row (None: the site has not saved settings)."""

    site_id: int | None = None
    settings: object | None = None

    def shared_question(self) -> SharedQuestion:
        return self.settings.get_shared_question() if self.settings else default_shared_question()

    def salutation_scheme(self) -> SalutationScheme:
        if self.settings is None:
            return get_preset(conf.salutation_preset())
        return self.settings.get_salutation_scheme()

    def uses_typed_address(self) -> bool:
        return bool(self.settings and self.settings.salutation_use_typed_address)

    def retention_policy(self) -> RetentionPolicy:
        return self.settings.get_retention_policy() if self.settings else RetentionPolicy()

    def publish_policy(self) -> str:
        return self.settings.publish_policy if self.settings else OFF


def load(site_id: int | None) -> SiteContext:
    """One query: the settings row of ``site_id`` (None: the default site's)."""
    from .settings import InclusiveFormsSettings

    rows = InclusiveFormsSettings.objects.select_related("site")
    row = rows.filter(site_id=site_id).first() if site_id else rows.filter(site__is_default_site=True).first()
    return SiteContext(site_id if site_id else (row.site_id if row else None), row)


class AllSites:
    """Every site's context at once (two queries, three with
    ``WAGTAIL_I18N_ENABLED``: ``settings.site_roots``), for code that goes
    through many pages: ``for_path(page.url_path)`` finds a page's without a
    query."""

    def __init__(self) -> None:
        from .settings import InclusiveFormsSettings, site_roots

        self.roots = site_roots()
        self.contexts = {
            row.site_id: SiteContext(row.site_id, row) for row in InclusiveFormsSettings.objects.all()
        }

    def for_path(self, url_path: str | None) -> SiteContext:
        from .settings import site_id_for_path

        site_id = site_id_for_path(url_path, self.roots)
        return self.contexts.get(site_id) or SiteContext(site_id)


def for_request(request) -> SiteContext:
    """The context of the site serving ``request``, cached on the request."""
    context = getattr(request, _REQUEST_ATTRIBUTE, None)
    if context is None:
        from wagtail.models import Site

        site = Site.find_for_request(request)
        context = load(site.pk if site else None)
        setattr(request, _REQUEST_ATTRIBUTE, context)
    return context


def for_page(page, request=None) -> SiteContext:
    """The context of the site a page lies in (two queries, three with
    ``WAGTAIL_I18N_ENABLED``), for code that does not serve the page: commands,
    tasks, and the editor, where ``request`` (the admin's) keeps it for each
    page so its panels read it once."""
    from .settings import site_id_of

    contexts = request.__dict__.setdefault(_PAGE_CONTEXTS_ATTRIBUTE, {}) if request is not None else {}
    if page.pk not in contexts:
        contexts[page.pk] = load(site_id_of(page))
    return contexts[page.pk]


def known_for_page(request, page_id) -> SiteContext | None:
    """The context ``for_page`` already read for ``page_id`` in this request, if any."""
    return getattr(request, _PAGE_CONTEXTS_ATTRIBUTE, {}).get(page_id)
