"""Wagtail's submissions listing and export, with readable inclusive answers.

Submissions store ``{"answer": code, "description": text}``; staff read
"Ik identificeer me als: non-binair" instead. Legacy values ("M", "Dhr.") in a
field that later became an inclusive question are shown mapped, not hidden.
Forms with salutations get a "Salutation" column, worked out per row from the
stored answers, with the scheme and field picks read once per request.
"""

from __future__ import annotations

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.views import SubmissionsListView

from ...core.answers import option_labels, readable_answer, registration_sex_code
from ...models.question import registration_column
from ...models.salutations import SALUTATION_COLUMN, SalutationFormMixin
from ..need_to_know import hide_sensitive, may_see_sensitive
from .exports import SafeSpreadsheetExportMixin, TolerantSubmissionIterable, counted_without_loading


class InclusiveSubmissionsListView(SafeSpreadsheetExportMixin, SubmissionsListView):
    """Readable inclusive answers and the salutation, in the listing and exports;
    cells safe to open; legacy rows of any shape shown, never a server error."""

    sheet_title = _("Submissions")

    def dispatch(self, request, *args, **kwargs):
        # The page object (an InclusiveFormMixin page: only those use this view) is this
        # request's own: its fields are read once, not per column, filter and heading.
        kwargs["form_page"].keep_form_fields()
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def tolerant_iterable_class(self) -> type[TolerantSubmissionIterable]:
        # Data of another shape is shown under the form's first question. Built once
        # per request: the filter set and the listing both ask for the base queryset.
        first = next((name for name, _label in self.form_page.get_data_fields()[1:]), "form_data")
        return type("TolerantSubmissions", (TolerantSubmissionIterable,), {"first_field": first})

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        # Django's hook for what a queryset yields; clones (filters, pages) keep it.
        queryset._iterable_class = self.tolerant_iterable_class
        return counted_without_loading(queryset) if self.is_export else queryset

    @cached_property
    def inclusive_questions(self):
        # Read once per request: the export calls to_row_dict for every row.
        return self.form_page.get_inclusive_questions()

    @cached_property
    def answer_labels(self) -> dict[str, dict[str, str]]:
        # Each question's answer labels translated once, not once per row.
        return {
            name: option_labels(config.undisclosed_label) for name, config in self.inclusive_questions.items()
        }

    @cached_property
    def salutation_context(self):
        if not isinstance(self.form_page, SalutationFormMixin):
            return None
        return {
            "scheme": self.form_page.get_salutation_scheme(),
            "fields": self.form_page.get_salutation_fields(),
        }

    @cached_property
    def registration_columns(self) -> dict[str, str]:
        """Sex question -> the column of its BRP code, where the site shows them."""
        columns = {column for column, _heading in self.form_page.get_registration_code_columns()}
        return {
            name: registration_column(name)
            for name in self.inclusive_questions
            if registration_column(name) in columns
        }

    @cached_property
    def hidden_names(self) -> set[str]:
        """The sensitive answers this user may not read (need-to-know), and
        the BRP codes worked out from them."""
        if may_see_sensitive(self.request.user):
            return set()
        names = self.form_page.get_sensitive_field_names()
        return names | {column for name, column in self.registration_columns.items() if name in names}

    def readable_values(self, data: dict) -> dict:
        """What this user reads for one submission's stored data."""
        values = dict(data)
        for name, config in self.inclusive_questions.items():
            if name in self.registration_columns:
                values[self.registration_columns[name]] = registration_sex_code(values.get(name), config.mode)
            if name in values:
                values[name] = readable_answer(
                    values[name], config.undisclosed_label, config.mode, self.answer_labels[name]
                )
        if self.hidden_names:  # (a copy per row otherwise, for nothing)
            values = hide_sensitive(values, self.hidden_names)
        if self.salutation_context is not None:  # from the stored answers: letters need it
            values[SALUTATION_COLUMN] = self.form_page.get_salutation(data, **self.salutation_context)
        return values

    def to_row_dict(self, item):
        values = self.readable_values(item.get_data())
        return {field: values.get(field) for field in self.list_export}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.is_export:
            return context
        names = [name for name, _label in self.form_page.get_data_fields()]
        rewritten = set(self.inclusive_questions) | self.hidden_names | {SALUTATION_COLUMN}
        rewritten |= set(self.registration_columns.values())
        for submission, row in zip(context["submissions"], context.get("data_rows", []), strict=False):
            values = self.readable_values(submission.get_data())
            for index, name in enumerate(names):
                if name in rewritten and name in values:
                    row["fields"][index] = values[name]
        return context
