"""Every export is safe to open and never fails on what is stored; answers
with control characters are refused with a clear message, on every database."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook
from wagtail.contrib.forms.models import FormSubmission

from tests.factories import StreamFormPageFactory
from wagtail_inclusive_forms.core.spreadsheets import safe_cell, tolerant_form_data

pytestmark = pytest.mark.django_db

CONTROL_MESSAGE = "onzichtbare besturingstekens"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("", ""),
        (None, None),
        (12, 12),
        ("=SUM(A1)", "'=SUM(A1)"),
        ("+31 6 123", "'+31 6 123"),
        ("-1", "'-1"),
        ("@cmd", "'@cmd"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("a=b", "a=b"),
        ("nul\x00teken\x1b", "nul\N{REPLACEMENT CHARACTER}teken\N{REPLACEMENT CHARACTER}"),
        ("regel\nregel", "regel\nregel"),
    ],
)
def test_safe_cell(value, expected):
    assert safe_cell(value) == expected


@given(st.text())
def test_safe_cell_never_leaves_a_control_character_or_a_formula(text):
    """Whatever takes the fast path (plain printable ASCII) or not."""
    from wagtail_inclusive_forms.core.spreadsheets import CONTROL_CHARACTERS, FORMULA_STARTS, REPLACEMENT

    cell = safe_cell(text)
    assert not CONTROL_CHARACTERS.search(cell)
    assert not cell.startswith(FORMULA_STARTS)
    body = cell[1:] if cell.startswith("'") and not text.startswith("'") else cell
    assert body == CONTROL_CHARACTERS.sub(REPLACEMENT, text)  # nothing else changed


@pytest.mark.parametrize(
    ("stored", "expected"),
    [
        ({"naam": "Sam", "keuzes": ["a", 1, None]}, {"naam": "Sam", "keuzes": ["a", "1", "null"]}),
        (["Sam", "man"], {"naam": '["Sam", "man"]'}),
        ("oude tekst", {"naam": "oude tekst"}),
        (None, {}),
        (42, {"naam": "42"}),
    ],
)
def test_stored_form_data_of_any_shape_becomes_showable_without_losing_anything(stored, expected):
    assert tolerant_form_data(stored, "naam") == expected


def export(client, page, fmt):
    response = client.get(reverse("wagtailforms:list_submissions", args=(page.pk,)) + f"?export={fmt}")
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def csv_rows(content: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


def xlsx_rows(content: bytes) -> list[list]:
    sheet = load_workbook(io.BytesIO(content)).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def test_formulas_in_any_column_are_neutralised_and_empty_cells_stay_empty(client, admin_user, form_page):
    FormSubmission.objects.create(
        page=form_page, form_data={"naam": '=HYPERLINK("http://x","klik")', "geslacht": None}
    )
    client.force_login(admin_user)
    (row,) = csv_rows(export(client, form_page, "csv"))
    assert row["Naam"] == '\'=HYPERLINK("http://x","klik")'
    assert row["Geslacht"] == ""
    header, values = xlsx_rows(export(client, form_page, "xlsx"))
    assert values[header.index("Naam")] == '\'=HYPERLINK("http://x","klik")'


def test_control_characters_stored_earlier_do_not_break_the_exports(client, admin_user, form_page):
    FormSubmission.objects.create(
        page=form_page,
        form_data={"naam": "Sam\x1b", "geslacht": {"answer": "self_described", "description": "x\x07y"}},
    )
    client.force_login(admin_user)
    header, values = xlsx_rows(export(client, form_page, "xlsx"))
    assert values[header.index("Naam")] == "Sam\N{REPLACEMENT CHARACTER}"
    assert values[header.index("Geslacht")] == "Ik identificeer me als: x\N{REPLACEMENT CHARACTER}y"


@pytest.mark.parametrize(
    ("form_data", "shown"),
    [
        (["Sam", "man"], '["Sam", "man"]'),
        ("tekst", "tekst"),
        (7, "7"),
        ({"naam": ["a", {"b": 1}, 2]}, 'a, {"b": 1}, 2'),
        ({"geslacht": {"onbekend": 1}}, '{"onbekend": 1}'),  # not an answer of ours: shown, not dropped
        ({}, ""),
    ],
)
def test_legacy_form_data_of_any_shape_is_listed_and_exported(
    client, admin_user, form_page, form_data, shown
):
    submission = FormSubmission.objects.create(page=form_page, form_data={})
    FormSubmission.objects.filter(pk=submission.pk).update(form_data=form_data)  # as a script left it
    client.force_login(admin_user)
    listing = client.get(reverse("wagtailforms:list_submissions", args=(form_page.pk,)))
    assert listing.status_code == 200
    assert shown in listing.content.decode().replace("&quot;", '"')
    (row,) = csv_rows(export(client, form_page, "csv"))
    header, values = xlsx_rows(export(client, form_page, "xlsx"))
    assert shown in " ".join(row.values())
    assert shown in " ".join(str(value) for value in values if value is not None)


def test_the_audit_report_export_neutralises_formulas(client, admin_user, root_page):
    from tests.factories import FormFieldFactory, FormPageFactory
    from wagtail_inclusive_forms.services.audit_runs import run_and_store_audit

    page = FormPageFactory(parent=root_page, slug="oud", title="=cmd|' /C calc'!A0")
    FormFieldFactory(page=page, label="@Geslacht", field_type="dropdown", choices="Man\nVrouw")
    page.save_revision().publish()
    run_and_store_audit()
    client.force_login(admin_user)
    response = client.get(reverse("wagtail_inclusive_forms:audit_report") + "?export=csv")
    rows = csv_rows(b"".join(response.streaming_content))
    assert rows and all(row["Formulier"].startswith("'=") for row in rows)
    assert any(row["Veld of tekst"] == "'@Geslacht" for row in rows)


def test_the_audit_command_leaves_empty_cells_empty(root_page):
    from django.core.management import call_command

    from tests.factories import FormFieldFactory, FormPageFactory

    page = FormPageFactory(parent=root_page, slug="oud", title="Oud")
    FormFieldFactory(page=page, label="Geslacht", field_type="dropdown", choices="Man\nVrouw")
    page.save_revision().publish()
    out = io.StringIO()
    call_command("audit_forms", "--format", "csv", stdout=out)
    text = out.getvalue()
    assert "'," not in text and not text.rstrip().endswith("'")


@pytest.mark.parametrize("value", ["Sam\x00", "Sam\x1b[31m"])
def test_control_characters_in_a_builder_answer_are_refused_with_a_clear_message(client, form_page, value):
    response = client.post(
        form_page.url, {"naam": "Sam", "geslacht": "self_described", "geslacht_description": value}
    )
    assert response.status_code == 200 and CONTROL_MESSAGE in response.content.decode()
    assert not FormSubmission.objects.filter(page=form_page).exists()


def test_control_characters_in_a_stream_form_answer_are_refused(client, root_page):
    page = StreamFormPageFactory(parent=root_page, slug="stroom", body=[("name", "Naam")])
    page.save_revision().publish()
    response = client.post(page.url, {"naam": "Sam\x00"})
    assert response.status_code == 200
    assert "Null-tekens zijn niet toegestaan" in response.content.decode() or (
        CONTROL_MESSAGE in response.content.decode()
    )
    assert not FormSubmission.objects.filter(page=page).exists()
    response = client.post(page.url, {"naam": "Sam\x07"})
    assert CONTROL_MESSAGE in response.content.decode()


XLSX_VALUES = st.one_of(
    st.none(),
    st.text(),
    st.sampled_from(["=SUM(A1)", "@x", "0612345678", "12", "waar", "=", "\x1b"]),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.booleans(),
    st.datetimes(min_value=datetime.datetime(1901, 1, 1), max_value=datetime.datetime(2999, 1, 1)),
    st.dates(min_value=datetime.date(1901, 1, 1), max_value=datetime.date(2999, 1, 1)),
)


@pytest.mark.fuzz
@given(st.lists(XLSX_VALUES, min_size=1, max_size=6))
def test_xlsx_rows_hold_the_same_cells_as_wagtails_own_row_writer(values):
    """The export writes plain values where Wagtail wraps each in a cell
    object: every cell still reads back with the same value, type and number
    format as Wagtail's own row writer gives (safe cells in both)."""
    from openpyxl import Workbook
    from wagtail.admin.views.mixins import ExcelDateFormatter, SpreadsheetExportMixin

    from wagtail_inclusive_forms.admin.views.exports import SafeSpreadsheetExportMixin

    class Export(SafeSpreadsheetExportMixin, SpreadsheetExportMixin):
        list_export = [f"column_{index}" for index in range(len(values))]

    def written(row_writer):
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet()
        row = dict(zip(Export.list_export, values, strict=True))
        sheet.append(row_writer(Export(), sheet, row, date_format=ExcelDateFormatter().get()))
        output = io.BytesIO()
        workbook.save(output)
        return [
            [(cell.value, cell.data_type, cell.number_format) for cell in cells]
            for cells in load_workbook(output).active.iter_rows()
        ]

    assert written(Export.generate_xlsx_row) == written(SpreadsheetExportMixin.generate_xlsx_row)


def test_a_view_that_skips_safe_cells_still_writes_no_formula():
    from openpyxl import Workbook
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    from wagtail_inclusive_forms.admin.views.exports import SafeSpreadsheetExportMixin

    class RawExport(SafeSpreadsheetExportMixin, SpreadsheetExportMixin):
        list_export = ["naam"]

        def preprocess_field_value(self, field, value, export_format):
            return value

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(RawExport().generate_xlsx_row(sheet, {"naam": "=1+1"}))
    output = io.BytesIO()
    workbook.save(output)
    (cell,) = next(load_workbook(output).active.iter_rows())
    assert (cell.value, cell.data_type) == ("=1+1", "s")


@pytest.mark.fuzz
@given(st.lists(st.tuples(st.sampled_from(["a", "b"]), XLSX_VALUES), min_size=1, max_size=12))
def test_each_cell_is_prepared_as_wagtail_prepares_it_though_the_choice_is_remembered(cells):
    """The export remembers which function prepares a column's values of one
    type; a column holding values of several types, in any order, still gets
    each value prepared as Wagtail's own per-cell choice would."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    from wagtail_inclusive_forms.admin.views.exports import SafeSpreadsheetExportMixin

    class Export(SafeSpreadsheetExportMixin, SpreadsheetExportMixin):
        custom_field_preprocess = {"a": {"csv": lambda value: f"a:{value}"}}
        custom_value_preprocess = {
            **SpreadsheetExportMixin.custom_value_preprocess,
            bool: {"csv": lambda value: "ja" if value else "nee"},
        }

    view = Export()
    for export_format in ("csv", "xlsx"):
        for field, value in cells:
            wagtails = SpreadsheetExportMixin.preprocess_field_value(view, field, value, export_format)
            assert view.preprocess_field_value(field, value, export_format) == safe_cell(wagtails)


def test_a_view_that_chooses_by_value_is_asked_for_every_cell():
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    from wagtail_inclusive_forms.admin.views.exports import SafeSpreadsheetExportMixin

    class ByValue(SafeSpreadsheetExportMixin, SpreadsheetExportMixin):
        def get_preprocess_function(self, field, value, export_format):
            return str.upper if value.startswith("x") else str.lower

    view = ByValue()
    assert [view.preprocess_field_value("naam", value, "csv") for value in ("xA", "Yb", "xc")] == [
        "XA",
        "yb",
        "XC",
    ]
