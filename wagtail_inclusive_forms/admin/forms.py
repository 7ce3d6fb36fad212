"""Admin forms: the page form that lets editors pick a form's name fields, and
the record of why a form asks sex or gender.

The picks are stored as field names; the choices come from the form's saved
fields, with "automatic" (match by label) as the default, so a new form works
before anyone picks anything.
"""

from __future__ import annotations

from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.contrib.forms.utils import get_field_clean_name

from ..core.salutations.messages import validate_message
from ..forms.option_widgets import InlineOptionsSelect
from ..models.audit import FormPurposeRecord
from ..models.question import InclusiveFormMixin


class SalutationPageForm(WagtailAdminPageForm):
    """Choice lists for the field picks, and a check of the confirmation
    e-mail's placeholders against the fields the form will have."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._share_saved_form_fields()
        saved = self.instance._descriptions() if self.instance.pk else []
        automatic = self.instance.get_automatic_salutation_fields(saved)
        labels = {name: label for name, label, _type in saved}
        for role, column in type(self.instance)._salutation_field_columns().items():
            if column not in self.fields:
                continue
            current = self.initial.get(column) or ""
            matched = labels.get(automatic.get(role, ""))
            auto_label = _("Automatic (now: %(label)s)") % {"label": matched} if matched else _("Automatic")
            choices = [("", auto_label), *((name, label) for name, label, _type in saved)]
            if current and current not in labels:
                choices.append((current, _("%(name)s (no longer on the form)") % {"name": current}))
            old = self.fields[column]
            self.fields[column] = forms.ChoiceField(
                choices=choices,
                required=False,
                label=old.label,
                help_text=old.help_text,
                widget=InlineOptionsSelect,
            )

    def _form_fields_formset(self):
        """The formset of the form's fields, or None where this form does not edit them."""
        return getattr(self, "formsets", {}).get("form_fields")

    def _share_saved_form_fields(self) -> None:
        # Opening the editor, the rows Wagtail's inline panel reads also give the
        # name-field choices below and the audit panel's fields: one query, not
        # three. Only unbound: a posted form's fields are about to change.
        formset = self._form_fields_formset()
        if formset is None or self.is_bound or not self.instance.pk:
            return
        if isinstance(self.instance, InclusiveFormMixin):
            self.instance.keep_form_fields(formset.get_queryset())

    def _future_field_names(self) -> list[str] | None:
        """Stored names of the fields the form will have after this save, or
        None when the form's fields are not edited in this form."""
        formset = self._form_fields_formset()
        if formset is None:
            return (
                [name for name, _label, _type in self.instance._descriptions()] if self.instance.pk else None
            )
        names = []
        formset.errors  # noqa: B018 - cleans the field forms, which Wagtail does after this form
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if not data or data.get("DELETE"):
                continue
            names.append(form.instance.clean_name or get_field_clean_name(data.get("label", "")))
        return names

    def clean(self):
        cleaned = super().clean()
        if "confirmation_email_body" not in self.fields:
            return cleaned
        names = self._future_field_names()
        enabled = cleaned.get("confirmation_email_enabled")
        for column, subject in (("confirmation_email_subject", True), ("confirmation_email_body", False)):
            text = cleaned.get(column) or ""
            if not text and not enabled:
                continue
            try:
                validate_message(text, names, subject=subject)
            except ValueError as error:
                self.add_error(column, str(error))
        return cleaned


class PurposeRecordForm(forms.ModelForm):
    """Why a form asks sex or gender; each purpose shows the guide's consideration."""

    purposes = forms.MultipleChoiceField(
        label=_("Purposes"), required=False, widget=forms.CheckboxSelectMultiple, choices=()
    )
    # Declared here for assume_scheme: an address typed without a scheme is an https one.
    dpia_url = forms.URLField(
        label=_("DPIA"), required=False, assume_scheme="https", help_text=_("Link to the DPIA, if any.")
    )
    register_url = forms.URLField(
        label=_("processing register"),
        required=False,
        assume_scheme="https",
        help_text=_("Link to this processing in the register of processing activities."),
    )

    class Meta:
        model = FormPurposeRecord
        fields = [
            "purposes",
            "legal_basis",
            "decision",
            "notes",
            "retention_days",
            "retention_action",
            "review_date",
            "dpia_url",
            "register_url",
        ]
        widgets = {"review_date": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, **kwargs):
        from ..core.audit.purposes import PURPOSES

        super().__init__(*args, **kwargs)
        self.fields["purposes"].choices = [
            (code, format_html("{} <span class='help'>{}</span>", label, consideration))
            for code, (label, consideration) in PURPOSES.items()
        ]

    def clean(self):
        from ..core.audit.purposes import LEGAL_DUTY

        cleaned = super().clean()
        # A purpose ticked twice (a crafted or replayed POST) is one purpose.
        cleaned["purposes"] = list(dict.fromkeys(cleaned.get("purposes") or []))
        purposes, basis = cleaned["purposes"], (cleaned.get("legal_basis") or "").strip()
        if LEGAL_DUTY in purposes and not basis:
            self.add_error("legal_basis", _("Name the law and article that require the answer."))
        if basis and LEGAL_DUTY not in purposes:
            self.add_error("purposes", _("Tick “A law requires it” when you record a legal basis."))
        if not purposes and not cleaned.get("decision"):
            self.add_error(None, _("Choose at least one purpose, or a decision."))
        return cleaned
