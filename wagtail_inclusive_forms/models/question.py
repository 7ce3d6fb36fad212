"""Model mixins that add the inclusive question to a site's own form models.

``InclusiveFormFieldMixin`` adds the question's settings as columns on a form
field model (one ``makemigrations`` that only adds columns), and
``InclusiveFormMixin`` gives a form page the form builder and the readable
submissions listing. ``AbstractInclusiveFormField`` combines the field mixin with Wagtail's.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.forms.models import (
    FORM_FIELD_CHOICES,
    AbstractFormField,
)

from ..admin.panels import InclusiveHelpPanel, InclusiveSettingPanel, SharedQuestionPanel
from ..core import answers, conf
from ..core.purpose_texts import FormPromises, compose_purpose, is_default_purpose
from ..core.question import (
    FOLLOW_LABEL,
    FORM_OF_ADDRESS_MODE,
    GENDER_MODE,
    MODE_LABELS,
    QuestionAdapter,
    QuestionConfig,
    SharedQuestion,
)
from ..core.retention import RetentionPolicy
from ..forms.form_builder import INCLUSIVE_FIELD_CHOICES, INCLUSIVE_FIELD_TYPE, InclusiveFormBuilder
from ..forms.offered_answers import OfferedAnswersField
from . import site_context

# Model field that holds each QuestionConfig setting, for mapping errors and clearing settings.
_CONFIG_COLUMNS = {
    "mode": "inclusive_mode",
    "hidden_codes": "inclusive_hidden_answers",
    "undisclosed_label": "inclusive_undisclosed_label",
    "purpose": "inclusive_purpose",
}


def default_purpose_text() -> str:
    """Callable default, so migrations do not freeze the text or its language
    (the standard question's purpose column uses it; older migrations name it)."""
    return conf.default_purpose_text()


class HiddenAnswersField(models.CharField):
    """The answers an editor switched off, edited as "offered" checkboxes."""

    def formfield(self, **kwargs):
        # A nullable column may follow the standard question (NULL); the
        # standard question's own column may not.
        return super().formfield(**{"form_class": OfferedAnswersField, "allow_follow": self.null, **kwargs})

    def deconstruct(self):
        # Migrations name the public path, so moving the module changes nothing.
        name, _path, args, kwargs = super().deconstruct()
        return name, "wagtail_inclusive_forms.models.HiddenAnswersField", args, kwargs


class FieldQuestion(QuestionAdapter):
    """A form-builder field row as a :class:`~..core.question.StoredQuestion`:
    each setting in its own column."""

    def __init__(self, field: InclusiveFormFieldMixin):
        self.field = field

    @property
    def required(self) -> bool:
        return self.field.required

    def stored(self, name: str) -> Any:
        return getattr(self.field, _CONFIG_COLUMNS[name])

    def store(self, values: Mapping[str, Any]) -> None:
        for name, value in values.items():
            setattr(self.field, _CONFIG_COLUMNS[name], value)


class InclusiveFormFieldMixin(models.Model):
    """Adds the "Sex or gender (inclusive)" type to a form field model.

    Put it before ``AbstractFormField``::

        class FormField(InclusiveFormFieldMixin, AbstractFormField):
            page = ParentalKey("FormPage", related_name="form_fields", on_delete=models.CASCADE)
    """

    field_type = models.CharField(
        verbose_name=_("field type"),
        max_length=16,
        choices=FORM_FIELD_CHOICES + INCLUSIVE_FIELD_CHOICES,
    )
    field_type.required_on_save = True

    # Each setting is empty (NULL for the answers) while the field follows the
    # site's standard question; a value overrides the standard on this field.
    inclusive_mode = models.CharField(
        verbose_name=_("what the question asks"),
        max_length=20,
        choices=[("", FOLLOW_LABEL), *((m, MODE_LABELS[m]) for m in (GENDER_MODE, FORM_OF_ADDRESS_MODE))],
        blank=True,
        default="",
        help_text=_(
            "Do you ask only so that you can address people correctly in a letter or e-mail? "
            "Then ask for the preferred form of address instead of sex or gender."
        ),
    )
    inclusive_hidden_answers = HiddenAnswersField(
        verbose_name=_("answers offered"),
        max_length=255,
        blank=True,
        null=True,
        default=None,
        help_text=_(
            "Switch off answers you do not need. Labels such as “other” are not offered: they set "
            "people apart as the rest. “I identify as” with their own words lets everyone describe "
            "themselves."
        ),
    )
    inclusive_undisclosed_label = models.CharField(
        verbose_name=_("label of the last answer"),
        max_length=20,
        choices=[("", FOLLOW_LABEL), *answers.UNDISCLOSED_LABELS.items()],
        blank=True,
        default="",
    )
    inclusive_purpose = models.TextField(
        verbose_name=_("purpose text"),
        blank=True,
        default="",
        help_text=_(
            "Shown with the question. Leave empty to use the purpose text of the site's standard "
            "question. Say why you ask, how you use the answer and how long you keep it, that it "
            "need not match the passport, and that it can be changed or withdrawn."
        ),
    )

    sensitive = models.BooleanField(
        verbose_name=_("sensitive answer"),
        default=False,
        help_text=_(
            "Only people allowed to see sensitive answers read this answer in the submissions, "
            "exports and staff e-mails; others see “hidden”. Inclusive questions are always sensitive."
        ),
    )

    panels = [
        *AbstractFormField.panels,
        FieldPanel("sensitive", classname="wif-unless-inclusive"),
        InclusiveHelpPanel(
            content=_(
                "<p>This question is optional by default: only ask for sex or gender when you really "
                "need it, and let people decide whether to answer. Make it required only when a law "
                "demands it, and explain why in the purpose text.</p>"
            ),
            classname="wif-when-inclusive",
        ),
        # The settings below are rendered only where they apply (panels.shows_inclusive_settings).
        InclusiveHelpPanel(
            content=_(
                "<p>This field becomes the inclusive question when you save the page. Its settings "
                "appear here after saving.</p>"
            ),
            classname="wif-when-inclusive",
            later=True,
        ),
        SharedQuestionPanel(heading=_("Standard question of the site"), classname="wif-when-inclusive"),
        InclusiveSettingPanel("inclusive_mode", classname="wif-when-inclusive"),
        InclusiveSettingPanel("inclusive_hidden_answers", classname="wif-when-inclusive"),
        InclusiveSettingPanel(
            "inclusive_undisclosed_label", classname="wif-when-inclusive wif-when-gender-mode"
        ),
        InclusiveSettingPanel("inclusive_purpose", classname="wif-when-inclusive"),
    ]

    class Meta:
        abstract = True
        # The site's form field model takes its Meta from this first base, so
        # repeat AbstractFormField's ordering or fields would lose their order.
        ordering = ["sort_order"]

    @property
    def is_inclusive_question(self) -> bool:
        return self.field_type == INCLUSIVE_FIELD_TYPE

    @property
    def question(self) -> FieldQuestion:
        """This field as the package's one interface to an inclusive question."""
        return FieldQuestion(self)

    def clean(self) -> None:
        super().clean()
        if not self.is_inclusive_question:
            return
        page = getattr(self, "page", None) if self.page_id else None
        shared = page.get_shared_question() if isinstance(page, InclusiveFormMixin) else None
        problems = self.question.config(shared, strict=True).errors()
        if problems:
            raise ValidationError({_CONFIG_COLUMNS[key]: message for key, message in problems.items()})


class InclusiveFormMixin:
    """Gives a form page the inclusive form builder and readable submissions.

    Put it before Wagtail's form classes::

        class FormPage(InclusiveFormMixin, AbstractEmailForm): ...
    """

    form_builder = InclusiveFormBuilder
    # Wagtail's FormMixin reads ``template`` when a page is created, and the
    # historical models of a data migration (such as Wagtail's MigrateStreamData)
    # lack the one Wagtail's page class sets (wagtail#11911). Real page classes
    # always set their own, so this only keeps those migrations working.
    template = ""
    # The page's URL + this + a token: where a person changes or withdraws
    # their sensitive answers (see change_links).
    change_answers_path = "antwoord-wijzigen"

    def route(self, request, path_components):
        # Wagtail's URLs allow only letters, digits, _ and -: the token's three
        # parts (data, time, signature) are three path segments.
        if len(path_components) == 4 and path_components[0] == self.change_answers_path and self.live:
            from wagtail.url_routing import RouteResult

            return RouteResult(self, kwargs={"change_token": ":".join(path_components[1:])})
        return super().route(request, path_components)

    def serve(self, request, *args, change_token=None, **kwargs):
        # The page object lives for this one request: what it reads of its site is
        # read once, through Wagtail's site lookup of this request.
        self._request = request
        if change_token is not None:
            from ..admin.views.change_answers import change_answers

            return change_answers(request, self, change_token)
        return super().serve(request, *args, **kwargs)

    def get_change_link(self, submission, request=None) -> str:
        """The full URL where the person who sent ``submission`` changes or
        withdraws its sensitive answers; "" when it holds none."""
        from ..core.change_links import make_token, stored_sensitive_answers

        answers = stored_sensitive_answers(submission.form_data, self.get_sensitive_field_names())
        if not answers:
            return ""
        base = self.get_full_url(request)
        if not base:  # not routable: no site serves it
            return ""
        token = make_token(self.pk, submission.pk, answers).replace(":", "/")
        return f"{base.rstrip('/')}/{self.change_answers_path}/{token}/"

    def get_shared_question(self) -> SharedQuestion:
        """The standard question of this page's site (read once per instance),
        its default purpose text saying only what this form does."""
        if getattr(self, "_shared_question", None) is None:
            shared = self.get_site_context().shared_question()
            if is_default_purpose(shared.purpose):
                # Composed when a question shows it: a form whose questions have their own
                # text does not read its retention.
                shared = replace(shared, purpose=lazy(self._composed_purpose, str)())
            self._shared_question = shared
        return self._shared_question

    def _composed_purpose(self) -> str:
        if getattr(self, "_composed_purpose_text", None) is None:
            self._composed_purpose_text = compose_purpose(self.get_promises())
        return self._composed_purpose_text

    def get_form_fields(self):
        # While the page is served its fields cannot change: read them once for the
        # form, the submission, the salutation and both e-mails.
        if getattr(self, "_served_form_fields", None) is not None:
            return self._served_form_fields
        fields = super().get_form_fields()
        if getattr(self, "_request", None) is not None:
            self._served_form_fields = fields = list(fields)
        return fields

    def keep_form_fields(self, fields=None) -> None:
        """Read the form fields once for the rest of this object's life: for a
        request that only reads them, such as the submissions listing, which
        asks for them for every column, filter and export heading. ``fields``:
        rows already read (the page editor's, see ``admin.forms``)."""
        self._served_form_fields = None
        self._served_form_fields = list(self.get_form_fields() if fields is None else fields)

    def get_site_context(self) -> site_context.SiteContext:
        """The site's settings, read once: through the request being served
        (Wagtail's cached site lookup), else through the page's place in the tree."""
        if getattr(self, "_site_context", None) is None:
            request = getattr(self, "_request", None)
            if request is not None and not getattr(request, "is_preview", False):
                self._site_context = site_context.for_request(request)
            else:  # commands, tasks, and previews (served on the admin's host)
                self._site_context = site_context.for_page(self)
        return self._site_context

    def get_retention_policy(self) -> RetentionPolicy:
        """The retention that applies: the form's purpose record's, else its site's."""
        from .audit import FormPurposeRecord, form_retention_policy  # lazy: audit models import this one

        record = FormPurposeRecord.objects.filter(page_id=self.pk).first()
        return form_retention_policy(self.get_site_context().retention_policy(), record)

    def get_promises(self) -> FormPromises:
        """What this form really does with answers: its retention period and change link."""
        from ..services.sources import page_promises

        return page_promises(self, self.get_retention_policy())

    def get_form_class(self):
        builder = self.form_builder(self.get_form_fields())
        # Read only when the form has an inclusive question: others cost no query.
        builder.shared_question = self.get_shared_question
        return builder.get_form_class()

    def get_submissions_list_view_class(self):
        if getattr(self, "submissions_list_view_class", None):
            return self.submissions_list_view_class
        from ..admin.views.submissions import InclusiveSubmissionsListView

        return InclusiveSubmissionsListView

    def get_data_fields(self):
        return [*super().get_data_fields(), *self.get_registration_code_columns()]

    def get_registration_code_columns(self) -> list[tuple[str, str]]:
        """With ``REGISTRATION_CODE_COLUMNS``: (column, heading) of the BRP code of
        each sex question, for listings and exports (keyed by ``registration_column``)."""
        if not conf.registration_code_columns():
            return []
        labels = {name: label for name, label, _type in self.get_field_descriptions()}
        return [
            (registration_column(name), _("%(label)s (BRP M/V/O)") % {"label": labels.get(name, name)})
            for name, config in self.get_inclusive_questions().items()
            if config.mode == GENDER_MODE
        ]

    def get_field_descriptions(self) -> list[tuple[str, str, str]]:
        """(stored name, label, field type) of each question, in form order."""
        return [(field.clean_name, field.label, field.field_type) for field in self.get_form_fields()]

    def render_email(self, form):
        """Wagtail's staff e-mail, with sensitive answers hidden unless every
        recipient is a user allowed to read them (need-to-know)."""
        from ..admin.need_to_know import addresses_may_see_sensitive, hide_sensitive

        sensitive = self.get_sensitive_field_names()
        addresses = (getattr(self, "to_address", "") or "").split(",")
        if not sensitive or addresses_may_see_sensitive(addresses):
            return super().render_email(form)
        original = form.cleaned_data
        form.cleaned_data = hide_sensitive(original, sensitive)
        try:
            return super().render_email(form)
        finally:
            form.cleaned_data = original

    def get_sensitive_field_names(self) -> set[str]:
        """Stored names of the answers only people with need-to-know may read:
        every inclusive question, and the fields an editor marked sensitive."""
        return {
            field.clean_name
            for field in self.get_form_fields()
            if isinstance(field, InclusiveFormFieldMixin) and (field.is_inclusive_question or field.sensitive)
        }

    def get_inclusive_questions(self) -> dict[str, QuestionConfig]:
        """Each inclusive question on the form, by the name its answers are stored under."""
        return {
            field.clean_name: field.question.config(self.get_shared_question())
            for field in self.get_form_fields()
            if isinstance(field, InclusiveFormFieldMixin) and field.is_inclusive_question
        }


def registration_column(name: str) -> str:
    """The export column of a sex question's BRP code."""
    return f"{name}__brp"


class AbstractInclusiveFormField(InclusiveFormFieldMixin, AbstractFormField):
    """Wagtail's form field with the inclusive type; add the ``page`` ParentalKey."""

    class Meta(AbstractFormField.Meta):
        abstract = True
