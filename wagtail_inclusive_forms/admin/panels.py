"""Admin panels of the package: the live salutation preview in site settings,
the audit's notice in the page editor of a form page, and on each inclusive
question what it takes from the site's standard question."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel, Panel

from ..core.question import INCLUSIVE_FIELD_TYPE
from ..core.salutations import SalutationScheme, SchemeError, preview_rows, sample_names


def shows_inclusive_settings(field) -> bool:
    """Whether the page editor renders a form field's inclusive settings: on an
    inclusive question, and on a new field (including the template for adding
    one). On a saved field of another type they are left out: rendered on every
    field, they made the editor of a twelve-field form about twice as slow as
    stock Wagtail's. Their stored values stay (``offered_answers.OfferedAnswersWidget``)."""
    return field is None or not field.pk or field.field_type == INCLUSIVE_FIELD_TYPE


class InclusiveSettingPanel(FieldPanel):
    """A setting of the inclusive question on a form field (see :func:`shows_inclusive_settings`)."""

    class BoundPanel(FieldPanel.BoundPanel):
        def is_shown(self):
            return shows_inclusive_settings(self.instance) and super().is_shown()


class InclusiveHelpPanel(HelpPanel):
    """Help shown with the inclusive settings; with ``later=True`` instead, on
    a saved field of another type: its settings appear once it is saved as one."""

    def __init__(self, *args, later: bool = False, **kwargs):
        self.later = later
        super().__init__(*args, **kwargs)

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "later": self.later}

    class BoundPanel(HelpPanel.BoundPanel):
        def is_shown(self):
            return shows_inclusive_settings(self.instance) != self.panel.later and super().is_shown()


def preview_context(build_scheme) -> dict:
    """Context of the preview table for the scheme ``build_scheme()`` returns;
    a scheme that cannot be built shows its problems instead."""
    names = sample_names()
    try:
        scheme: SalutationScheme = build_scheme()
    except SchemeError as error:
        return {"preview_errors": list(error.errors.values()), "preview_names": [], "preview_rows": []}
    except LookupError as error:
        return {"preview_errors": [str(error)], "preview_names": [], "preview_rows": []}
    return {
        "preview_errors": [],
        "preview_names": [label for label, _name in names],
        "preview_rows": preview_rows(scheme, names),
    }


class SalutationPreviewPanel(Panel):
    """Every answer's salutation for a few sample names; updates while typing."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Preview"))
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "salutation_preview"

    class BoundPanel(Panel.BoundPanel):
        template_name = "wagtail_inclusive_forms/panels/salutation_preview.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["preview_url"] = reverse("wagtail_inclusive_forms:salutation_preview")
            context.update(preview_context(self.instance.get_salutation_scheme_as_entered))
            return context


class AuditNoticePanel(Panel):
    """The audit's findings on this form page, with advice; add it to a form
    page's panels like Wagtail's ``FormSubmissionsPanel``."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Sex, gender and wording on this form"))
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "inclusive_forms_audit"

    class BoundPanel(Panel.BoundPanel):
        template_name = "wagtail_inclusive_forms/panels/audit_notice.html"

        def is_shown(self):
            return self.instance is not None

        def get_context_data(self, parent_context=None):
            from ..services.audit_runs import describe_page_in_memory
            from .editor_guidance import guidance_on

            context = super().get_context_data(parent_context)
            page = self.instance
            context["guidance_url"] = guidance_url(page, self.request)
            if not page.pk:  # a new page: the script checks it once there is something to check
                return context
            # The editor's instance is already the latest revision: audit it as it is,
            # with the site's settings the other panels of this request read too. The
            # script starts from this answer instead of asking the server again.
            in_memory = describe_page_in_memory(page, self.request)
            retention = in_memory.retention
            context["guidance"] = guidance_on(in_memory, page, self.form)
            context["page_id"] = page.pk
            from ..models.question import InclusiveFormMixin

            if isinstance(page, InclusiveFormMixin):
                context["retention"] = retention.describe()
            return context


def guidance_url(page, request) -> str:
    """Where the editor's script posts the form to have it checked as edited."""
    if page.pk:
        return reverse("wagtail_inclusive_forms:editor_guidance", args=[page.pk])
    match = getattr(request, "resolver_match", None)
    kwargs = match.kwargs if match else {}
    keys = ("content_type_app_name", "content_type_model_name", "parent_page_id")
    if not all(key in kwargs for key in keys):
        return ""
    return reverse("wagtail_inclusive_forms:editor_guidance_new", kwargs={key: kwargs[key] for key in keys})


def standard_question_rows(shared, own: dict | None = None) -> list[dict]:
    """Each inheritable setting of the standard question, readable, and whether
    the field (``own`` settings) follows it."""
    from ..core import answers
    from ..core.question import INHERITABLE_SETTINGS, MODE_LABELS, SETTING_LABELS, overridden_settings

    config = shared.config()
    shown = {
        "mode": str(MODE_LABELS.get(shared.mode, shared.mode)),
        "hidden_codes": ", ".join(label for _code, label in config.options()),
        "undisclosed_label": answers.option_label(answers.UNDISCLOSED, shared.undisclosed_label),
        "purpose": shared.purpose,
    }
    overridden = set(overridden_settings(own or {}))
    return [
        {"label": SETTING_LABELS[name], "standard": shown[name], "overridden": name in overridden}
        for name in INHERITABLE_SETTINGS
    ]


def shared_question_of(instance, request):
    """The standard question that applies to a form field in the editor: its
    page's site's; for a field not saved yet, the edited page's site's when this
    request has read it, else the site being edited from."""
    from wagtail.models import Site

    from ..models import site_context

    if getattr(instance, "page_id", None):
        return site_context.for_page(instance.page, request).shared_question()
    match = getattr(request, "resolver_match", None)
    known = site_context.known_for_page(request, match.kwargs.get("page_id")) if match else None
    if known is not None:
        return known.shared_question()
    site = Site.find_for_request(request) if request else None
    return site_context.load(site.pk if site else None).shared_question()


class SharedQuestionPanel(Panel):
    """On an inclusive question in the form builder: the site's standard
    question, which of its settings this field follows and which it overrides,
    and a button that resets the field to follow it entirely."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "wagtail_inclusive_forms/panels/shared_question.html"

        def is_shown(self):
            return shows_inclusive_settings(self.instance)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            instance = self.instance
            own = instance.question.own_settings() if instance is not None and instance.pk else {}
            shared = shared_question_of(instance, self.request)
            context["rows"] = standard_question_rows(shared, own)
            context["standard_mode"] = shared.mode
            context["follows"] = not any(row["overridden"] for row in context["rows"])
            return context
