"""CSV and Excel downloads: one writer for both formats (`spreadsheet_response`), with safe cells (OWASP CSV
injection): a cell a spreadsheet could read as a formula — starting with = + - @, tab, CR or NUL — gets a
leading single quote, in both formats."""

import csv
import io

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from .stored_files import attachment_response

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\0")


def csv_safe(value) -> str:
    """Stop spreadsheet programs reading a cell as a formula."""
    text = "" if value is None else str(value)
    if text and text[0] in FORMULA_STARTS:
        return "'" + text
    return text


CSV = "csv"
XLSX = "xlsx"
CONTENT_TYPES = {
    CSV: "text/csv; charset=utf-8",
    XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, (int, float)):
        return str(value)
    return csv_safe(value)


def _xlsx_cell(value):
    if value is None or isinstance(value, (bool, int, float)) or hasattr(value, "isoformat"):
        return value
    # Escape first (so a leading NUL or CR still earns its quote), then drop what XML cannot hold.
    return ILLEGAL_CHARACTERS_RE.sub("", csv_safe(value))


def spreadsheet_bytes(*, headers, rows, fmt, sheet="Sheet1") -> bytes:
    """A header row and data rows as CSV or Excel. Text cells a spreadsheet could run as a formula are
    escaped in both formats; numbers and dates stay numbers and dates (ISO dates in CSV)."""
    if fmt == CSV:
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow([_csv_cell(h) for h in headers])
        for row in rows:
            writer.writerow([_csv_cell(v) for v in row])
        return out.getvalue().encode("utf-8")
    if fmt == XLSX:
        workbook = Workbook(write_only=True)
        worksheet = workbook.create_sheet(sheet[:31])
        worksheet.append([_xlsx_cell(h) for h in headers])
        for row in rows:
            worksheet.append([_xlsx_cell(v) for v in row])
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()
    raise ValueError(f"Unknown spreadsheet format: {fmt}")


def spreadsheet_response(*, headers, rows, fmt, filename, sheet="Sheet1"):
    """The download: `filename` gets the format's extension; served as an attachment with nosniff."""
    return attachment_response(
        spreadsheet_bytes(headers=headers, rows=rows, fmt=fmt, sheet=sheet),
        filename=f"{filename}.{fmt}",
        content_type=CONTENT_TYPES[fmt],
    )
