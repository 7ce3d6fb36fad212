"""Salutations and the confirmation e-mail on a form page.

``SalutationFormMixin`` adds, per form: which fields hold the name parts, the
answer and the e-mail address (matched by label until an editor picks them),
an optional preset instead of the site's scheme, and the confirmation e-mail
to the person who submitted. It also puts the salutation in the staff e-mail
and as a column in the submissions listing and its export.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import classproperty
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm

from ..core import conf, emails, rate_limits
from ..core.answers import Answer
from ..core.salutations import PersonName, SalutationScheme, get_preset, match_name_fields, preset_choices
from ..core.salutations import matching as roles
from ..core.salutations.messages import CHANGE_LINK, uses_placeholder, validate_message
from ..forms.form_builder import INCLUSIVE_FIELD_TYPE
from . import site_context
from .question import InclusiveFormMixin

logger = logging.getLogger(__name__)

SALUTATION_COLUMN = "inclusive_salutation"
ANSWER_ROLE = "answer"
# Role -> column holding the field an editor picked for it ("" = automatic).
FIELD_COLUMNS = {
    ANSWER_ROLE: "salutation_answer_field",
    roles.GIVEN_NAME: "salutation_given_name_field",
    roles.INITIALS: "salutation_initials_field",
    roles.SURNAME_PREFIX: "salutation_prefix_field",
    roles.SURNAME: "salutation_surname_field",
    roles.EMAIL: "confirmation_email_field",
}


def form_preset_choices() -> list[tuple[str, str]]:
    return [("", str(_("The site's scheme (Settings > Inclusive forms)"))), *preset_choices()]


def default_confirmation_subject() -> str:
    return gettext("Confirmation: {formulier}")


def default_confirmation_body() -> str:
    return gettext(
        "{aanhef},\n\nThank you for filling in the form “{formulier}”. This is what we received from "
        "you:\n\n{antwoorden}\n\nKind regards"
    )


def _field_column(verbose_name, help_text=""):
    return models.CharField(
        verbose_name=verbose_name, max_length=255, blank=True, default="", help_text=help_text
    )


def _text(value: Any) -> str:
    """A name part from stored data; structured answers are never names."""
    if isinstance(value, str):
        return value
    if isinstance(value, list | tuple):
        return " ".join(item for item in value if isinstance(item, str))
    return ""


class SalutationFormMixin(models.Model):
    """Salutations and a confirmation e-mail for a form page.

    Put it first, before Wagtail's form classes, and add its panels::

        class FormPage(SalutationFormMixin, InclusiveFormMixin, AbstractEmailForm):
            content_panels = [..., *SalutationFormMixin.salutation_panels,
                              *SalutationFormMixin.confirmation_email_panels]
    """

    salutation_preset = models.CharField(
        verbose_name=_("salutation scheme"),
        max_length=40,
        blank=True,
        default="",
        choices=form_preset_choices,
    )
    salutation_answer_field = _field_column(
        _("answer that sets the salutation"), _("Automatic: the form's first inclusive question.")
    )
    salutation_given_name_field = _field_column(_("given name field"))
    salutation_initials_field = _field_column(_("initials field"))
    salutation_prefix_field = _field_column(_("surname prefix field"))
    salutation_surname_field = _field_column(_("surname field"))
    confirmation_email_enabled = models.BooleanField(
        verbose_name=_("send a confirmation e-mail"),
        default=False,
        help_text=_("Mail the person who filled in the form, at the address they gave."),
    )
    confirmation_email_field = _field_column(_("e-mail address field"))
    confirmation_email_subject = models.CharField(
        verbose_name=_("subject"), max_length=255, blank=True, default=default_confirmation_subject
    )
    confirmation_email_body = models.TextField(
        verbose_name=_("message"),
        blank=True,
        default=default_confirmation_body,
        help_text=_(
            "Use {aanhef} for the salutation, {antwoorden} for all answers, {formulier} for the form's "
            "title, a field's name in braces for one answer, and {wijzigen} for a personal link where "
            "people change or withdraw their sensitive answers."
        ),
    )

    confirmation_email_include_sensitive = models.BooleanField(
        verbose_name=_("include sensitive answers"),
        default=False,
        help_text=_(
            "Off: {antwoorden} and field placeholders leave out the answers to inclusive questions and "
            "fields marked sensitive. Anyone can type any address into a public form, so the message "
            "may reach someone else: switch this on only when people must get those answers back."
        ),
    )

    salutation_panels = [
        MultiFieldPanel(
            [
                FieldPanel("salutation_preset"),
                *(FieldPanel(column) for role, column in FIELD_COLUMNS.items() if role != roles.EMAIL),
            ],
            heading=_("Salutation"),
            help_text=_(
                "Fields left on “automatic” are found by their label. Save the form to pick from its fields."
            ),
        ),
    ]
    confirmation_email_panels = [
        MultiFieldPanel(
            [
                FieldPanel("confirmation_email_enabled"),
                FieldPanel("confirmation_email_field"),
                FieldPanel("confirmation_email_subject"),
                FieldPanel("confirmation_email_body"),
                FieldPanel("confirmation_email_include_sensitive"),
            ],
            heading=_("Confirmation e-mail to the person who filled in the form"),
        ),
    ]

    class Meta:
        abstract = True

    @classproperty
    def base_form_class(cls):
        # The admin's page form, imported when the editor needs it: models load before the admin.
        from ..admin.forms import SalutationPageForm

        return SalutationPageForm

    @classmethod
    def _salutation_field_columns(cls) -> dict[str, str]:
        return FIELD_COLUMNS

    # Reading the form -------------------------------------------------------
    def _descriptions(self) -> list[tuple[str, str, str]]:
        if isinstance(self, InclusiveFormMixin):
            return self.get_field_descriptions()
        return [(f.clean_name, f.label, f.field_type) for f in self.get_form_fields()]

    def get_automatic_salutation_fields(self, descriptions=None) -> dict[str, str]:
        """Role -> stored field name as matched by label, and the first
        inclusive question as the answer; the editor's picks left out."""
        descriptions = self._descriptions() if descriptions is None else descriptions
        fields = match_name_fields(descriptions)
        inclusive = [name for name, _label, field_type in descriptions if field_type == INCLUSIVE_FIELD_TYPE]
        if inclusive:
            fields[ANSWER_ROLE] = inclusive[0]
        return fields

    def get_salutation_fields(self) -> dict[str, str]:
        """Role -> stored field name: the editor's pick while that field still
        exists, otherwise the automatic match."""
        descriptions = self._descriptions()
        fields = self.get_automatic_salutation_fields(descriptions)
        existing = {name for name, _label, _type in descriptions}
        for role, column in FIELD_COLUMNS.items():
            if getattr(self, column) in existing:
                fields[role] = getattr(self, column)
        return fields

    def get_salutation_scheme(self, site=None) -> SalutationScheme:
        """The form's own preset, else the scheme of its site."""
        if self.salutation_preset:
            try:
                preset = get_preset(self.salutation_preset)
            except LookupError:
                logger.warning(
                    "Form %s: unknown salutation preset %r; using the site's.",
                    self.pk,
                    self.salutation_preset,
                )
            else:
                # Whether typed forms of address are used is the site's choice, whatever the scheme.
                context = site_context.load(site.pk) if site is not None else self.get_site_context()
                return replace(preset, typed_address=context.uses_typed_address())
        if site is not None:
            return site_context.load(site.pk).salutation_scheme()
        return self.get_site_context().salutation_scheme()

    def get_person_name(self, data: dict, fields: dict[str, str]) -> PersonName:
        def value(role: str) -> str:
            return _text(data.get(fields.get(role, "")))

        rules = conf.name_rules()
        if roles.SURNAME not in fields and roles.FULL_NAME in fields:
            whole = PersonName.from_full_name(value(roles.FULL_NAME), rules)
            return PersonName(
                whole.given_name, value(roles.INITIALS), whole.surname_prefix, whole.surname, rules
            )
        return PersonName(
            given_name=value(roles.GIVEN_NAME),
            initials=value(roles.INITIALS),
            surname_prefix=value(roles.SURNAME_PREFIX),
            surname=value(roles.SURNAME),
            rules=rules,
        )

    def get_salutation(self, data: dict, *, scheme: SalutationScheme | None = None, fields=None) -> str:
        """The salutation for submitted data (a form's cleaned data or a
        submission's stored data). Pass ``scheme`` and ``fields`` when doing
        many submissions, so they are read once."""
        fields = self.get_salutation_fields() if fields is None else fields
        scheme = scheme or self.get_salutation_scheme()
        answer = Answer.from_stored(data.get(fields[ANSWER_ROLE])) if ANSWER_ROLE in fields else Answer()
        return scheme.render(answer.code, self.get_person_name(data, fields), answer.description)

    def get_data_fields(self):
        # Not just "Salutation": old forms often have a field called that ("Aanhef").
        return [*super().get_data_fields(), (SALUTATION_COLUMN, _("Salutation for letters"))]

    # Sending ----------------------------------------------------------------
    def render_email(self, form):
        content = super().render_email(form)
        return f"{gettext('Salutation for letters')}: {self.get_salutation(form.cleaned_data)}\n{content}"

    def send_mail(self, form):
        # Wagtail's staff e-mail, rendered now and sent by a task: a slow or failing
        # mail server neither holds the visitor's request (with a worker backend) nor
        # loses the submission, which is saved already.
        from ..services.tasks import STAFF_EMAIL, send_email_task

        try:
            send_email_task.enqueue(
                kind=STAFF_EMAIL,
                subject=str(self.subject),
                body=str(self.render_email(form)),
                to=[address.strip() for address in self.to_address.split(",") if address.strip()],
                from_email=str(self.from_address or "") or None,
                page_id=self.pk,
            )
        except Exception:  # a task backend that is down must not turn a saved submission into an error
            logger.exception("Form %s: the staff e-mail could not be queued; submission kept.", self.pk)

    def serve(self, request, *args, **kwargs):
        # The client address limits confirmation e-mails (see rate_limits); the
        # page object lives for this one request.
        self._client_address = request.META.get("REMOTE_ADDR", "")
        return super().serve(request, *args, **kwargs)

    def process_form_submission(self, form):
        submission = super().process_form_submission(form)
        if self.confirmation_email_enabled:
            self.send_confirmation_email(form, submission)
        return submission

    def offers_change_link(self) -> bool:
        """Whether people get a link to change or withdraw their sensitive answers."""
        return bool(
            self.confirmation_email_enabled
            and uses_placeholder(self.confirmation_email_body, CHANGE_LINK)
            and self.get_sensitive_field_names()
        )

    def send_confirmation_email(self, form, submission=None) -> bool:
        """Mail the person who submitted, through a task; False (and logged)
        when there is no valid address or the message cannot be made."""
        try:
            fields = self.get_salutation_fields()
            address = emails.valid_address(form.cleaned_data.get(fields.get(roles.EMAIL, "")))
            if not address:
                logger.info("Form %s: no valid e-mail address given; no confirmation sent.", self.pk)
                return False
            if not rate_limits.allow_confirmation(address, getattr(self, "_client_address", "")):
                logger.warning("Form %s: confirmation e-mail limit reached; none sent.", self.pk)
                return False
            # Sensitive answers stay out of a mail to an address nobody verified, unless the
            # editor chose otherwise; their placeholders are left empty.
            include = self.confirmation_email_include_sensitive
            left_out = set() if include else self.get_sensitive_field_names()
            labelled = {
                field.name: (field.label, form.cleaned_data.get(field.name))
                for field in form
                if field.name not in left_out
            }
            values = emails.message_values(
                self.get_salutation(form.cleaned_data, fields=fields), self.title, labelled
            )
            values.update(dict.fromkeys(left_out, ""))
            link = ""
            if submission is not None and uses_placeholder(self.confirmation_email_body, CHANGE_LINK):
                link = self.get_change_link(submission, getattr(self, "_request", None))
            values[CHANGE_LINK] = link
            message = emails.build_confirmation_email(
                to=address,
                subject=self.confirmation_email_subject,
                body=self.confirmation_email_body,
                values=values,
                from_email=getattr(self, "from_address", None),
                links=[link] if link else [],
            )
            from ..services.tasks import CONFIRMATION_EMAIL, send_email_task

            html = next((body for body, mimetype in message.alternatives if mimetype == "text/html"), None)
            send_email_task.enqueue(
                kind=CONFIRMATION_EMAIL,
                subject=message.subject,
                body=message.body,
                to=list(message.to),
                from_email=message.from_email,
                html=html,
                page_id=self.pk,
            )
        except Exception:
            logger.exception(
                "Form %s: the confirmation e-mail could not be prepared; the submission is saved.", self.pk
            )
            return False
        return True

    def clean(self) -> None:
        super().clean()
        errors = {}
        for column, subject in (("confirmation_email_subject", True), ("confirmation_email_body", False)):
            text = getattr(self, column)
            if not text and not self.confirmation_email_enabled:
                continue
            try:
                validate_message(text, subject=subject)
            except ValueError as error:
                errors[column] = str(error)
        if errors:
            raise ValidationError(errors)


class AbstractInclusiveEmailForm(SalutationFormMixin, InclusiveFormMixin, AbstractEmailForm):
    """Wagtail's e-mailing form page with the inclusive question, salutations
    and the confirmation e-mail."""

    class Meta:
        abstract = True
