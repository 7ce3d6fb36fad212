"""Spreadsheet exports that are safe to open, never fail on what is stored,
and stream.

Used by every CSV/XLSX export the package adds or takes over (submissions,
audit report, purpose records): each cell, in every column, goes through
``safe_cell``; rows are read from the database in chunks instead of all at
once, and an XLSX file is built in a temporary file, not in memory, so an
export of 100,000 submissions takes no more memory than one of 10,000.
"""

from __future__ import annotations

import datetime
import re
import tempfile
from functools import cache, cached_property

from django.db.models import QuerySet
from django.db.models.query import ModelIterable
from django.http import FileResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.mixins import ExcelDateFormatter, SpreadsheetExportMixin

from ...core.spreadsheets import safe_cell, tolerant_form_data

CHUNK_SIZE = 2000
BYTE_ORDER_MARK = "\ufeff"
_NOT_IN_SHEET_TITLES = re.compile(r"[\\/*?:\[\]]")


def sheet_title(title) -> str:
    """``title`` as an XLSX sheet name: at most 31 characters, none of ``\\ / * ? : [ ]``."""
    return _NOT_IN_SHEET_TITLES.sub(" ", str(title)).strip()[:31] or "Sheet1"


class ChunkedRows:
    """A queryset read in chunks and never kept, which still tells its model
    (Wagtail's export asks it for column headings)."""

    def __init__(self, queryset: QuerySet):
        self.queryset, self.model = queryset, queryset.model

    def __iter__(self):
        return self.queryset.iterator(chunk_size=CHUNK_SIZE)


class CountsWithoutLoading:
    """For a queryset class: ``len()`` without rows loaded asks the database to
    count. Wagtail's listing takes ``len()`` of an export's whole queryset
    before the export reads it: that loaded every row into memory once more."""

    def __len__(self):
        return self.count() if self._result_cache is None else super().__len__()


@cache
def _counted_class(queryset_class: type[QuerySet]) -> type[QuerySet]:
    return type(f"Counted{queryset_class.__name__}", (CountsWithoutLoading, queryset_class), {})


def counted_without_loading(queryset: QuerySet) -> QuerySet:
    queryset = queryset.all()
    queryset.__class__ = _counted_class(type(queryset))
    return queryset


def chunked(rows):
    return ChunkedRows(rows) if isinstance(rows, QuerySet) else rows


class SafeSpreadsheetExportMixin:
    """For views with Wagtail's ``SpreadsheetExportMixin``: safe cells, rows
    read in chunks, a CSV that spreadsheet programs open as UTF-8 and an XLSX
    sheet named for what it holds."""

    sheet_title = _("Export")

    def preprocess_field_value(self, field, value, export_format):
        function = self._preprocess_function(field, value, export_format)
        return safe_cell(function(value) if function is not None else value)

    def _preprocess_function(self, field, value, export_format):
        # Wagtail picks the function by column, value class and format only, but
        # looks it up (and builds a new partial) for every cell: an export of
        # 10,000 rows of 14 columns did that 140,000 times. A view that picks by
        # anything else overrides get_preprocess_function and is asked per cell.
        if type(self).get_preprocess_function is not SpreadsheetExportMixin.get_preprocess_function:
            return self.get_preprocess_function(field, value, export_format)
        key = (field, type(value), export_format)
        functions = self._preprocess_functions
        if key not in functions:
            functions[key] = self.get_preprocess_function(field, value, export_format)
        return functions[key]

    @cached_property
    def _preprocess_functions(self) -> dict:
        return {}

    def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        # Wagtail's, without a cell object per value: Wagtail wraps each value in
        # a WriteOnlyCell to keep text starting with "=" from becoming a formula,
        # which safe_cell has already prevented, and openpyxl then fails to bind
        # that cell as a value (an exception per cell) before taking it as is.
        # A plain value goes through openpyxl's one reused cell; only dates,
        # which need their number format, get a cell of their own.
        from openpyxl.cell import WriteOnlyCell  # only when exporting, as Wagtail does

        for field, value in row_dict.items():
            shown = self.preprocess_field_value(field, value, self.FORMAT_XLSX)
            if date_format and isinstance(value, datetime.datetime):
                cell = WriteOnlyCell(worksheet, shown)
                cell.number_format = date_format
                yield cell
            elif isinstance(shown, str) and shown.startswith("="):
                # Only a view that skips safe_cell gets here; still never a formula.
                cell = WriteOnlyCell(worksheet, shown)
                cell.data_type = "s"
                yield cell
            else:
                yield shown

    def stream_csv(self, queryset):
        # Excel reads a CSV without a byte order mark in the local code page,
        # which turns "é" and "“" into garbage.
        yield BYTE_ORDER_MARK
        yield from super().stream_csv(chunked(queryset))

    def get_sheet_title(self) -> str:
        return sheet_title(self.sheet_title)

    def write_xlsx(self, queryset, output):
        # Wagtail's own write_xlsx, with the sheet named instead of "Sheet1".
        from openpyxl import Workbook  # only when exporting, as Wagtail does

        workbook = Workbook(write_only=True, iso_dates=True)
        worksheet = workbook.create_sheet(title=self.get_sheet_title())
        rows = chunked(queryset)
        worksheet.append(self.get_heading(rows, field) for field in self.list_export)
        date_format = ExcelDateFormatter().get()
        for item in rows:
            row = self.to_row_dict(item)
            worksheet.append(self.generate_xlsx_row(worksheet, row, date_format=date_format))
        workbook.save(output)

    def write_xlsx_response(self, queryset):
        output = tempfile.TemporaryFile()  # removed when the response closes it
        self.write_xlsx(queryset, output)
        output.seek(0)
        return FileResponse(
            output,
            as_attachment=True,
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            filename=f"{self.get_filename()}.xlsx",
        )


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
