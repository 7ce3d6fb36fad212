"""The site's own settings for inclusive forms: its standard question and its
salutation scheme.

One ``InclusiveFormsSettings`` row per Wagtail site (Settings > Inclusieve
formulieren). Every inclusive question on the site follows the standard
question except for the settings it overrides, and every form uses the scheme
unless the form picks a preset of its own.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, validate_email
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.log_actions import log
from wagtail.models import Site

from ..admin.panels import SalutationPreviewPanel
from ..core import answers, conf
from ..core.audit.policy import OFF, POLICY_LABELS
from ..core.question import (
    FORM_OF_ADDRESS_MODE,
    GENDER_MODE,
    INHERITABLE_SETTINGS,
    MODE_LABELS,
    SharedQuestion,
    parse_codes,
)
from ..core.retention import ACTIONS, ANONYMISE, MAX_DAYS, RetentionPolicy
from ..core.salutations import SalutationScheme, SchemeError, get_preset, preset_choices, template_list_error
from .question import HiddenAnswersField, default_purpose_text

logger = logging.getLogger(__name__)

STANDARD_QUESTION_CHANGED = "wagtail_inclusive_forms.change_standard_question"

CUSTOM_SCHEME = "custom"

# Answer code -> column with that answer's own templates, one per line.
CUSTOM_TEMPLATE_FIELDS = {
    answers.MALE: "salutation_male",
    answers.FEMALE: "salutation_female",
    answers.SELF_DESCRIBED: "salutation_self_described",
    answers.UNDISCLOSED: "salutation_undisclosed",
    answers.UNANSWERED: "salutation_unanswered",
}


def scheme_choices() -> list[tuple[str, str]]:
    """Callable choices: presets registered later still appear, and
    migrations do not freeze the list."""
    return [*preset_choices(), (CUSTOM_SCHEME, str(_("My own salutations (below)")))]


def split_lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in (text or "").splitlines() if line.strip())


def _preset_lines(code: str) -> str:
    try:
        return "\n".join(get_preset(conf.salutation_preset()).templates_for(code))
    except (LookupError, SchemeError):
        return ""


# Own salutations start as the default preset's, so admins edit a working example.
def default_male_templates() -> str:
    return _preset_lines(answers.MALE)


def default_female_templates() -> str:
    return _preset_lines(answers.FEMALE)


def default_self_described_templates() -> str:
    return _preset_lines(answers.SELF_DESCRIBED)


def default_undisclosed_templates() -> str:
    return _preset_lines(answers.UNDISCLOSED)


def default_unanswered_templates() -> str:
    return _preset_lines(answers.UNANSWERED)


def default_scheme() -> str:
    return conf.salutation_preset()


def _templates_field(verbose_name, default):
    return models.TextField(
        verbose_name=verbose_name,
        blank=True,
        default=default,
        help_text=_(
            "One salutation per line. The first whose names are known is used; end with one without names."
        ),
    )


# Standard-question setting -> its column, for mapping errors.
QUESTION_COLUMNS = {
    "mode": "question_mode",
    "hidden_codes": "question_hidden_answers",
    "undisclosed_label": "question_undisclosed_label",
    "purpose": "question_purpose",
}


@register_setting(icon="form")
class InclusiveFormsSettings(BaseSiteSetting):
    """Per site: the standard question and the salutation scheme."""

    question_mode = models.CharField(
        verbose_name=_("what the question asks"),
        max_length=20,
        choices=[(m, MODE_LABELS[m]) for m in (GENDER_MODE, FORM_OF_ADDRESS_MODE)],
        default=GENDER_MODE,
    )
    question_hidden_answers = HiddenAnswersField(
        verbose_name=_("answers offered"), max_length=255, blank=True, default=""
    )
    question_undisclosed_label = models.CharField(
        verbose_name=_("label of the last answer"),
        max_length=20,
        choices=list(answers.UNDISCLOSED_LABELS.items()),
        default=answers.PREFER_NOT_TO_SAY,
    )
    question_purpose = models.TextField(
        verbose_name=_("purpose text"),
        default=default_purpose_text,
        help_text=_(
            "Shown with every question that follows the standard. Say why you ask, how you use "
            "the answer and how long you keep it."
        ),
    )

    salutation_scheme = models.CharField(
        verbose_name=_("salutation scheme"),
        max_length=40,
        choices=scheme_choices,
        default=default_scheme,
        help_text=_(
            "How letters and e-mails address people, based on their answer to the inclusive question. "
            "Forms use this scheme unless they choose another one."
        ),
    )
    salutation_male = _templates_field(_("answer “Man”"), default_male_templates)
    salutation_female = _templates_field(_("answer “Woman”"), default_female_templates)
    salutation_self_described = _templates_field(
        _("answer “I identify as …”"), default_self_described_templates
    )
    salutation_undisclosed = _templates_field(_("answer “I'd rather not say”"), default_undisclosed_templates)
    salutation_unanswered = _templates_field(_("question not answered"), default_unanswered_templates)
    salutation_use_typed_address = models.BooleanField(
        verbose_name=_("use what people type after “Address me as”"),
        default=False,
        help_text=_(
            "On: someone who answers “Address me as” and types, say, “Mx. Jansen” gets “Beste Mx. "
            "Jansen” (with the first word of the scheme's salutations for “I identify as”). Only "
            "letters, spaces and . - ' and at most 40 characters are used; anything else gets the "
            "salutation for “I identify as”. Off: that salutation always."
        ),
    )

    retention_days = models.PositiveIntegerField(
        verbose_name=_("retention period in days"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_DAYS)],
        help_text=_(
            "How long form answers are kept. Empty: kept until someone removes them. A form's purpose "
            "record can set its own period."
        ),
    )
    retention_action = models.CharField(
        verbose_name=_("after the retention period"),
        max_length=10,
        choices=list(ACTIONS.items()),
        default=ANONYMISE,
    )
    publish_policy = models.CharField(
        verbose_name=_("publishing a form that asks sex or gender without a legal basis"),
        max_length=8,
        choices=list(POLICY_LABELS.items()),
        default=OFF,
        help_text=_(
            "Warn: the editor sees the findings and confirms before the form goes live. Block: the form "
            "is saved as a draft but not published until a legal basis is recorded or the question is "
            "removed or made inclusive. Moderators approving a workflow decide themselves."
        ),
    )
    digest_recipients = models.TextField(
        verbose_name=_("send the audit digest to"),
        blank=True,
        help_text=_(
            "E-mail addresses, one per line. When a scheduled audit finds something new, they get a "
            "summary of the new findings; nothing is sent when nothing changed."
        ),
    )

    question_panels = [
        FieldPanel("question_mode", widget=forms.RadioSelect),
        FieldPanel("question_hidden_answers"),
        FieldPanel("question_undisclosed_label"),
        FieldPanel("question_purpose"),
    ]
    salutation_panels = [
        FieldPanel("salutation_scheme", widget=forms.RadioSelect),
        MultiFieldPanel(
            [FieldPanel(name) for name in CUSTOM_TEMPLATE_FIELDS.values()],
            heading=_("My own salutations"),
            help_text=_(
                "Used when the scheme is “My own salutations”. Names you can use: {voornaam}, "
                "{voorletters} and {achternaam} (with its prefix, written the Dutch way)."
            ),
        ),
        FieldPanel("salutation_use_typed_address"),
        SalutationPreviewPanel(),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(
                question_panels,
                heading=_("Standard question"),
                help_text=_(
                    "Every inclusive question on this site follows these settings, except the ones "
                    "an editor overrides on that question. A change here applies at once to every "
                    "following form, without republishing."
                ),
            ),
            ObjectList(salutation_panels, heading=_("Salutations")),
            ObjectList(
                [FieldPanel("publish_policy", widget=forms.RadioSelect), FieldPanel("digest_recipients")],
                heading=_("Publishing"),
                help_text=_(
                    "New forms do not ask sex the old way unless a law requires it: hold forms whose "
                    "sex or gender question the audit faults (only man or woman, required, no purpose) "
                    "and that have no recorded legal basis. The inclusive question with its purpose passes."
                ),
            ),
            ObjectList(
                [FieldPanel("retention_days"), FieldPanel("retention_action", widget=forms.RadioSelect)],
                heading=_("Retention"),
                help_text=_(
                    "Run “manage.py apply_retention --apply” (or schedule its task) to apply it. "
                    "Inclusive questions and fields marked sensitive are the sensitive answers."
                ),
            ),
        ]
    )

    class Meta:
        verbose_name = _("inclusive forms")
        verbose_name_plural = _("inclusive forms")

    def get_digest_recipients(self) -> tuple[str, ...]:
        return split_lines(self.digest_recipients)

    def get_retention_policy(self) -> RetentionPolicy:
        return RetentionPolicy(days=self.retention_days, action=self.retention_action)

    def get_shared_question(self) -> SharedQuestion:
        return SharedQuestion(
            mode=self.question_mode,
            hidden_codes=parse_codes(self.question_hidden_answers),
            undisclosed_label=self.question_undisclosed_label,
            purpose=self.question_purpose,
        )

    def get_custom_scheme(self) -> SalutationScheme:
        return SalutationScheme(
            {code: split_lines(getattr(self, column)) for code, column in CUSTOM_TEMPLATE_FIELDS.items()},
            label=str(_("My own salutations")),
            key=CUSTOM_SCHEME,
        )

    def get_salutation_scheme_as_entered(self) -> SalutationScheme:
        """The scheme exactly as chosen; LookupError or SchemeError if unusable."""
        if self.salutation_scheme == CUSTOM_SCHEME:
            scheme = self.get_custom_scheme()
        else:
            scheme = get_preset(self.salutation_scheme)
        return replace(scheme, typed_address=self.salutation_use_typed_address)

    def get_salutation_scheme(self) -> SalutationScheme:
        """The chosen scheme. A preset that is no longer registered, or own
        salutations that became invalid, fall back to the default preset
        (logged), so letters never break."""
        try:
            return self.get_salutation_scheme_as_entered()
        except (LookupError, SchemeError) as error:
            logger.warning(
                "Salutation scheme of site %s unusable (%s); using the default preset.", self.site_id, error
            )
            fallback = get_preset(conf.salutation_preset())
            return replace(fallback, typed_address=self.salutation_use_typed_address)

    def clean(self) -> None:
        super().clean()
        errors = {}
        # Checked as required: a question that follows the standard may be required.
        for key, message in self.get_shared_question().config(required=True).errors().items():
            errors[QUESTION_COLUMNS[key]] = message
        for column in CUSTOM_TEMPLATE_FIELDS.values():
            lines = split_lines(getattr(self, column))
            # Own salutations are checked even when not in use, so nothing broken is stored.
            if lines or self.salutation_scheme == CUSTOM_SCHEME:
                if problem := template_list_error(lines):
                    errors[column] = problem
        if wrong := [line for line in self.get_digest_recipients() if not _is_email(line)]:
            errors["digest_recipients"] = _("Not an e-mail address: %(lines)s") % {"lines": ", ".join(wrong)}
        if errors:
            raise ValidationError(errors)


def _is_email(text: str) -> bool:
    try:
        validate_email(text)
    except ValidationError:
        return False
    return True


def site_roots() -> list[tuple[int, str]]:
    """(site id, root url path) of every site, deepest root first, as Wagtail
    routes pages: with ``WAGTAIL_I18N_ENABLED`` each translation of a site's
    root page is a root of that site too (``Site.get_site_root_paths``). Read
    from the database (one query, two with i18n enabled) rather than Wagtail's
    cache of the same list, so a run's query count does not depend on what an
    earlier request left in the cache."""
    from django.conf import settings

    from .page_model import get_page_model

    sites = list(
        Site.objects.order_by("-is_default_site", "pk").values_list(
            "pk", "root_page__url_path", "root_page__translation_key"
        )
    )
    rows = [(pk, path) for pk, path, _key in sites]
    if getattr(settings, "WAGTAIL_I18N_ENABLED", False) and rows:
        sites_of = {}
        for pk, _path, key in sites:
            sites_of.setdefault(key, []).append(pk)
        translations = get_page_model().objects.filter(translation_key__in=list(sites_of))
        known = set(rows)
        for key, path in translations.order_by("url_path").values_list("translation_key", "url_path"):
            rows += [(pk, path) for pk in sites_of[key] if (pk, path) not in known]
    # Stable: equally deep roots keep their order (the default site first).
    return sorted(rows, key=lambda row: -len(row[1] or ""))


def site_id_of(page) -> int | None:
    """The site a page belongs to: the one with the deepest root above it."""
    return site_id_for_path(page.url_path, site_roots())


def site_id_for_path(url_path: str | None, roots: list[tuple[int, str]]) -> int | None:
    return next((pk for pk, root in roots if root and (url_path or "").startswith(root)), None)


def log_standard_question(settings: InclusiveFormsSettings, before: SharedQuestion, user) -> None:
    """Record a change of the standard question in Wagtail's audit log: who,
    when (the log entry's own) and which settings changed, old and new."""
    after = settings.get_shared_question()
    changed = {
        name: {"old": _loggable(getattr(before, name)), "new": _loggable(getattr(after, name))}
        for name in INHERITABLE_SETTINGS
        if getattr(before, name) != getattr(after, name)
    }
    if changed:
        log(instance=settings, action=STANDARD_QUESTION_CHANGED, user=user, data={"changed": changed})


def _loggable(value):
    return list(value) if isinstance(value, tuple) else value
