"""The site's own settings for inclusive forms: its salutation scheme.

One ``InclusiveFormsSettings`` row per Wagtail site (Settings > Inclusieve
formulieren). Every form on the site uses this scheme unless the form picks a
preset of its own.
"""

from __future__ import annotations

import logging

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from .. import answers, conf
from ..panels import SalutationPreviewPanel
from ..salutations import SalutationScheme, SchemeError, get_preset, preset_choices, template_list_error

logger = logging.getLogger(__name__)

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


@register_setting(icon="form")
class InclusiveFormsSettings(BaseSiteSetting):
    """Per site: the salutation scheme every form uses unless it picks its own."""

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

    panels = [
        FieldPanel("salutation_scheme", widget=forms.RadioSelect),
        MultiFieldPanel(
            [FieldPanel(name) for name in CUSTOM_TEMPLATE_FIELDS.values()],
            heading=_("My own salutations"),
            help_text=_(
                "Used when the scheme is “My own salutations”. Names you can use: {voornaam}, "
                "{voorletters} and {achternaam} (with its prefix, written the Dutch way)."
            ),
        ),
        SalutationPreviewPanel(),
    ]

    class Meta:
        verbose_name = _("inclusive forms")
        verbose_name_plural = _("inclusive forms")

    def get_custom_scheme(self) -> SalutationScheme:
        return SalutationScheme(
            {code: split_lines(getattr(self, column)) for code, column in CUSTOM_TEMPLATE_FIELDS.items()},
            label=str(_("My own salutations")),
            key=CUSTOM_SCHEME,
        )

    def get_salutation_scheme_as_entered(self) -> SalutationScheme:
        """The scheme exactly as chosen; LookupError or SchemeError if unusable."""
        if self.salutation_scheme == CUSTOM_SCHEME:
            return self.get_custom_scheme()
        return get_preset(self.salutation_scheme)

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
            return get_preset(conf.salutation_preset())

    def clean(self) -> None:
        super().clean()
        errors = {}
        for column in CUSTOM_TEMPLATE_FIELDS.values():
            lines = split_lines(getattr(self, column))
            # Own salutations are checked even when not in use, so nothing broken is stored.
            if lines or self.salutation_scheme == CUSTOM_SCHEME:
                if problem := template_list_error(lines):
                    errors[column] = problem
        if errors:
            raise ValidationError(errors)
