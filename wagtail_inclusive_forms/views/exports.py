"""Spreadsheet exports that are safe to open and never fail on what is stored.

Used by every CSV/XLSX export the package adds or takes over (submissions,
audit report): each cell, in every column, goes through ``safe_cell``.
"""

from __future__ import annotations

from django.db.models.query import ModelIterable

from ..spreadsheets import safe_cell, tolerant_form_data


class SafeSpreadsheetExportMixin:
    """For views with Wagtail's ``SpreadsheetExportMixin``."""

    def preprocess_field_value(self, field, value, export_format):
        return safe_cell(super().preprocess_field_value(field, value, export_format))


class TolerantSubmissionIterable(ModelIterable):
    """Yields submissions whose ``form_data`` is a dict of showable values,
    whatever JSON is stored, so Wagtail's listing and exports (which assume
    a dict of strings and lists of strings) never fail on legacy rows. The
    rows are changed in memory only."""

    first_field = "form_data"

    def __iter__(self):
        for submission in super().__iter__():
            submission.form_data = tolerant_form_data(submission.form_data, self.first_field)
            yield submission
