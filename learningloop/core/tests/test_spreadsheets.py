import datetime
import io

import pytest
from openpyxl import load_workbook

from learningloop.core.spreadsheets import CSV, XLSX, csv_safe, spreadsheet_bytes, spreadsheet_response


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "\x00x"])
def test_cells_a_spreadsheet_could_run_are_escaped(text):
    assert csv_safe(text) == "'" + text


@pytest.mark.parametrize(
    ("value", "expected"), [("Plain", "Plain"), ("", ""), (None, ""), (42, "42"), ("a=b", "a=b")]
)
def test_other_cells_are_left_alone(value, expected):
    assert csv_safe(value) == expected


# --- The one writer for CSV and Excel ---


HEADERS = ["Title", "Due", "Count"]
ROWS = [['=HYPERLINK("http://x")', datetime.date(2026, 3, 31), 3], ["Plain", None, 0]]


def test_csv_escapes_formulas_and_writes_iso_dates():
    text = spreadsheet_bytes(headers=HEADERS, rows=ROWS, fmt=CSV).decode()
    assert text.splitlines() == ["Title,Due,Count", '"\'=HYPERLINK(""http://x"")",2026-03-31,3', "Plain,,0"]


def test_excel_escapes_formulas_and_keeps_dates_and_numbers():
    sheet = load_workbook(
        io.BytesIO(spreadsheet_bytes(headers=HEADERS, rows=ROWS, fmt=XLSX, sheet="Actions"))
    )["Actions"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Title", "Due", "Count")
    assert rows[1] == ('\'=HYPERLINK("http://x")', datetime.datetime(2026, 3, 31), 3)
    assert rows[2] == ("Plain", None, 0)


def test_the_download_is_an_attachment_that_browsers_do_not_sniff():
    response = spreadsheet_response(headers=HEADERS, rows=ROWS, fmt=CSV, filename="actions-2026-03-31")
    assert response["Content-Disposition"] == 'attachment; filename="actions-2026-03-31.csv"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "text/csv; charset=utf-8"
