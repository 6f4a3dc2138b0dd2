"""The one way to bring rows in from a CSV or Excel file (docs/adr/0016-imports-and-charts.md).

An area describes its file once as an `ImportSpec` (its columns, how one row becomes a record, how the
records are saved, which rows its template is prefilled with) and registers it. This module does the rest,
the same way for every area:

- the upload is checked like every upload (core.uploads: type, size, unpacked size, virus scan);
- the file is read as people really make them: UTF-8 with or without a byte-order mark, Windows-1252 text,
  Excel workbooks read with openpyxl in read-only, data-only mode (a formula gives the value Excel last
  computed; it is never evaluated), Excel dates stored as numbers, thousands separators, blank rows;
- every row is validated and every problem is reported in plain words by row and column;
- all or nothing: nothing is saved unless the whole file is clean;
- a large file runs as a background task (core.tasks.run_import) with an `ImportRun` recording its
  progress and result, which the user can leave and come back to.
"""

import csv
import datetime
import functools
import io
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from .spreadsheets import CSV, XLSX, spreadsheet_response
from .uploads import check_upload

# --- Reading a file ---------------------------------------------------------------------------------------

UNREADABLE = (
    "The selected file could not be read. Save it as a CSV (UTF-8) or Excel (.xlsx) file and try again"
)
NO_ROWS = "The selected file has no rows below the column headings"
TOO_MANY_ROWS = "The selected file has more than {limit:,} rows. Split it into smaller files"
MISSING_COLUMN = "The file has no ‘{header}’ column. Download the template and use its column headings"
MAX_ERRORS_KEPT = 1000


@dataclass
class Table:
    """A file's header row and its data rows, each as (row number in the file, [cell values]). Blank rows
    are left out; row numbers are the ones a spreadsheet program shows (the header is row 1)."""

    headers: list[str]
    rows: list[tuple[int, list[Any]]]


class FileProblem(ValueError):
    """The file as a whole cannot be imported (unreadable, no rows, a column missing)."""


def _is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def decode_text(data: bytes) -> str:
    """UTF-8 (a byte-order mark is dropped), otherwise Windows-1252, the encoding Excel on Windows uses when
    it saves 'CSV (Comma delimited)'."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            raise FileProblem(UNREADABLE) from None


def _unescape(value: str) -> str:
    """Our downloads put a single quote before a text cell a spreadsheet could read as a formula
    (core.spreadsheets.csv_safe); take it off again so a downloaded template comes back as it went out."""
    if len(value) > 1 and value[0] == "'" and value[1] in "=+-@":
        return value[1:]
    return value


def _read_csv(data: bytes) -> list[list[Any]]:
    text = decode_text(data)
    try:
        return [[_unescape(cell) for cell in row] for row in csv.reader(io.StringIO(text, newline=""))]
    except csv.Error:
        raise FileProblem(UNREADABLE) from None


def _xlsx_value(cell):
    value = cell.value
    if isinstance(value, str):
        return _unescape(value)
    is_number = isinstance(value, (int, float)) and not isinstance(value, bool)
    if is_number and "%" in (cell.number_format or ""):  # 45% is stored as 0.45, shown as 45%: people mean 45
        return Decimal(repr(value)) * 100
    return value


def _read_xlsx(data: bytes) -> list[list[Any]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a broken workbook
        raise FileProblem(UNREADABLE) from None
    try:
        sheet = workbook.worksheets[0]
        return [[_xlsx_value(cell) for cell in row] for row in sheet.iter_rows()]
    finally:
        workbook.close()


def read_table(data: bytes, *, filename: str, max_rows: int | None = None) -> Table:
    """The header row and the non-blank rows of a CSV or Excel file. Raises FileProblem."""
    extension = os.path.splitext(filename or "")[1].lower()
    if extension == ".xlsx":
        raw = _read_xlsx(data)
    elif extension in (".csv", ".txt"):
        raw = _read_csv(data)
    else:
        raise FileProblem(UNREADABLE)
    lines = iter(enumerate(raw, start=1))
    headers = None
    for _number, cells in lines:
        if not all(_is_blank(c) for c in cells):
            headers = [normalise_header(c) for c in cells]
            break
    if headers is None:
        raise FileProblem(NO_ROWS)
    rows = [(number, cells) for number, cells in lines if not all(_is_blank(c) for c in cells)]
    if not rows:
        raise FileProblem(NO_ROWS)
    limit = max_rows or getattr(settings, "IMPORT_MAX_ROWS", 200_000)
    if len(rows) > limit:
        raise FileProblem(TOO_MANY_ROWS.format(limit=limit))
    return Table(headers=headers, rows=rows)


def normalise_header(value) -> str:
    return " ".join(str(value or "").split()).casefold()


# --- Reading a cell ---------------------------------------------------------------------------------------


class CellError(ValueError):
    """One cell's problem, in words a person can act on."""


_PLAIN_NUMBER = re.compile(r"^[-+]?(\d+(\.\d*)?|\.\d+)$")
_GROUPED_NUMBER = re.compile(r"^[-+]?\d{1,3}(,\d{3})+(\.\d*)?$")


def parse_number(value, *, label: str = "The value") -> Decimal:
    """A number as people write it: 1234, 1,234, 1,234.5, 12.5%, or a number cell from Excel."""
    if isinstance(value, bool):
        raise CellError(f"{label} must be a number, like 12 or 12.5")
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    text = str(value).strip().replace("\u00a0", "").replace(" ", "")
    if text.endswith("%"):
        text = text[:-1]
    if _GROUPED_NUMBER.match(text):
        text = text.replace(",", "")
    if not _PLAIN_NUMBER.match(text):
        raise CellError(f"{label} must be a number, like 12 or 12.5")
    try:
        return Decimal(text)
    except InvalidOperation:
        raise CellError(f"{label} must be a number, like 12 or 12.5") from None


EXCEL_EPOCH = datetime.date(1899, 12, 30)  # Excel's day 0 (with its 1900 leap-year bug folded in)
_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%d %B %Y", "%d %b %Y", "%d/%m/%y")
_SERIAL = re.compile(r"^\d{5}(\.0+)?$")  # text like 46112 (from 1927 on); 2026 alone is a year, not a date


_DAY_FIRST = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+)?$")


def parse_date(value, *, label: str = "The date") -> datetime.date:
    """A date as people and spreadsheets write it: a date cell, an Excel serial number (45382 is
    31 March 2024), 2024-03-31, 31/03/2024, 31-03-2024, 31.03.2024, 31 March 2024 or 31 Mar 2024. Day
    before month, as in England; 03/31/2024 is refused rather than guessed."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return _from_serial(value, CellError(f"{label} must be a real date, like 31/03/2026"))
    found = _parse_date_text(str(value))
    if found is None:
        raise CellError(f"{label} must be a real date, like 31/03/2026")
    return found


@functools.lru_cache(maxsize=4096)  # a file repeats the same few dates many times over
def _parse_date_text(text: str) -> datetime.date | None:
    text = " ".join(text.split())
    try:
        if _SERIAL.match(text):
            return _from_serial(Decimal(text), ValueError())
        if match := _DAY_FIRST.match(text):
            day, month, year = (int(g) for g in match.groups())
            return datetime.date(year, month, day)
        if match := _ISO.match(text):
            return datetime.date(*(int(g) for g in match.groups()))
    except ValueError:
        return None
    for fmt in _DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _from_serial(number, unreadable) -> datetime.date:
    days = int(number)
    if days != number or not 1 <= days <= 2958465 or days == 60:  # Excel's range: 1 Jan 1900 to 31 Dec 9999
        raise unreadable  # (day 60 is the 29 February 1900 that Excel counts and the calendar never had)
    return EXCEL_EPOCH + datetime.timedelta(days=days if days > 60 else days + 1)


def parse_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split()) if "\n" not in str(value) else str(value).strip()


# --- Describing a file ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """One column of an import file. `key` names it in the row dict the spec's clean_row receives."""

    key: str
    header: str
    required: bool = True
    hint: str = ""


@dataclass(frozen=True)
class RowError:
    row: int  # 0: the file as a whole
    column: str
    message: str

    def __str__(self):
        if not self.row:
            return self.message
        return (
            f"Row {self.row}, {self.column}: {self.message}"
            if self.column
            else f"Row {self.row}: {self.message}"
        )

    def as_dict(self):
        return {"row": self.row, "column": self.column, "message": self.message}


class RowInvalid(Exception):
    """Raised by ImportSpec.clean_row with {column header: message} (or a message for the whole row)."""

    def __init__(self, problems: dict[str, str] | str):
        self.problems = problems if isinstance(problems, dict) else {"": problems}
        super().__init__(str(self.problems))


class ImportSpec:
    """Subclass per kind of file, set key, title and columns, and implement the four methods.

    `context` is a JSON-able dict the view passes (for example the agency the user imports for); it goes
    with a background run, so keep it to ids and plain values."""

    key: str = ""
    title: str = ""
    columns: tuple[Column, ...] = ()
    sheet: str = "Import"

    def prepare(self, *, user, context) -> Any:
        """Load once what every row needs to be checked (lookups by code, what is already saved)."""
        return None

    def clean_row(self, values: dict[str, Any], *, state, row: int):
        """One row's cells by column key (blank cells are None) -> the record to save, or raise RowInvalid."""
        raise NotImplementedError

    def check_rows(self, cleaned: list[tuple[int, Any]], *, state) -> list[RowError]:
        """Problems between rows (the same record twice); the rows are already clean one by one."""
        return []

    def save(self, cleaned: list[Any], *, state, user, run) -> int:
        """Save the clean records (bulk_create) inside the import's transaction; return how many."""
        raise NotImplementedError

    def template_rows(self, *, user, context) -> Iterable[list[Any]]:
        """The rows the downloadable template is prefilled with (for example what the user owes)."""
        return []

    @property
    def headers(self) -> list[str]:
        return [c.header for c in self.columns]


REGISTRY: dict[str, ImportSpec] = {}


def register(spec: ImportSpec) -> ImportSpec:
    REGISTRY[spec.key] = spec
    return spec


def get_spec(key: str) -> ImportSpec:
    return REGISTRY[key]


def template_response(spec: ImportSpec, *, user, context=None, fmt=XLSX, filename=None):
    """The downloadable template: the spec's column headings and its prefilled rows, as Excel or CSV."""
    return spreadsheet_response(
        headers=spec.headers,
        rows=list(spec.template_rows(user=user, context=context or {})),
        fmt=fmt if fmt in (CSV, XLSX) else XLSX,
        filename=filename or spec.key.replace(".", "-") + "-template",
        sheet=spec.sheet,
    )


# --- Validating and saving --------------------------------------------------------------------------------


@dataclass
class Outcome:
    cleaned: list[tuple[int, Any]] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    error_count: int = 0

    def add(self, error: RowError):
        self.error_count += 1
        if len(self.errors) < MAX_ERRORS_KEPT:
            self.errors.append(error)


def validate(spec: ImportSpec, table: Table, *, state, progress=None) -> Outcome:
    """Every row checked; every problem kept (up to MAX_ERRORS_KEPT listed, all counted)."""
    outcome = Outcome()
    positions = {}
    for column in spec.columns:
        wanted = normalise_header(column.header)
        if wanted in table.headers:
            positions[column.key] = table.headers.index(wanted)
        elif column.required:
            outcome.add(RowError(0, column.header, MISSING_COLUMN.format(header=column.header)))
    if outcome.errors:
        return outcome
    width = len(table.headers)
    keys = [c.key for c in spec.columns]
    for index, (number, cells) in enumerate(table.rows):
        if len(cells) < width:
            cells = [*cells, *([None] * (width - len(cells)))]
        values = dict.fromkeys(keys)  # an optional column the file leaves out reads as blank
        for key, position in positions.items():
            value = cells[position]
            values[key] = None if _is_blank(value) else value
        try:
            outcome.cleaned.append((number, spec.clean_row(values, state=state, row=number)))
        except RowInvalid as invalid:
            for column, message in invalid.problems.items():
                outcome.add(RowError(number, column, message))
        if progress and index % 5000 == 4999:
            progress(index + 1)
    if not outcome.error_count:
        for error in spec.check_rows(outcome.cleaned, state=state):
            outcome.add(error)
    return outcome


def _run_fields(run, **fields):
    """Record a run's progress at once, outside any transaction the import holds."""
    for name, value in fields.items():
        setattr(run, name, value)
    if run.pk:
        type(run).objects.filter(pk=run.pk).update(**fields)


def execute(run, data: bytes, *, user) -> None:
    """Read, validate and (only when every row is clean) save one import, recording the result on `run`.
    The same path for an import in the request and in the background task."""
    from .models import ImportRun

    spec = get_spec(run.spec)
    _run_fields(run, status=ImportRun.Status.CHECKING, started_at=timezone.now())
    try:
        table = read_table(data, filename=run.original_name)
    except FileProblem as problem:
        _finish(run, errors=[RowError(0, "", str(problem))], error_count=1)
        return
    _run_fields(run, total_rows=len(table.rows))
    state = spec.prepare(user=user, context=run.context)
    outcome = validate(spec, table, state=state, progress=lambda n: _run_fields(run, checked_rows=n))
    _run_fields(run, checked_rows=len(table.rows))
    if outcome.error_count:
        _finish(run, errors=outcome.errors, error_count=outcome.error_count)
        return
    _run_fields(run, status=ImportRun.Status.SAVING)
    try:
        with transaction.atomic():
            saved = spec.save([record for _row, record in outcome.cleaned], state=state, user=user, run=run)
    except ValidationError as error:
        _finish(run, errors=[RowError(0, "", message) for message in error.messages], error_count=1)
        return
    _finish(run, saved_rows=saved)


def _finish(run, *, errors=(), error_count=0, saved_rows=0):
    from .models import ImportRun

    _run_fields(
        run,
        status=ImportRun.Status.FAILED if error_count else ImportRun.Status.DONE,
        errors=[e.as_dict() for e in errors],
        error_count=error_count,
        saved_rows=saved_rows,
        finished_at=timezone.now(),
    )


def background_threshold() -> int:
    """Files with more rows than this run as a background task (settings.IMPORT_BACKGROUND_ROWS)."""
    return getattr(settings, "IMPORT_BACKGROUND_ROWS", 2000)


def _count_rows(data: bytes, filename: str) -> int:
    """A cheap upper bound on the rows, to decide whether a file runs in the background."""
    if filename.lower().endswith(".xlsx"):
        return len(data) // 20  # an .xlsx row is rarely smaller than 20 compressed bytes
    return data.count(b"\n")


def import_run_start(*, spec: ImportSpec, upload, user, context=None):
    """Check an upload and import it: at once when it is small (the returned run, not saved, is DONE or
    FAILED), or queued as a background task when it is large (the run is saved and QUEUED; its page shows
    the progress and then the result).
    Raises ValidationError when the upload fails the checks every upload gets."""
    from .models import ImportRun
    from .tasks import run_import

    check_upload(upload)
    upload.seek(0)
    data = upload.read()
    name = os.path.basename((upload.name or "import.csv").replace("\\", "/"))[-200:]
    run = ImportRun(spec=spec.key, created_by=user, original_name=name, context=context or {})
    if _count_rows(data, name) <= background_threshold():
        # Checked and saved in this request: the run is the answer, not a record (a file that fails leaves
        # the database exactly as it was).
        run.full_clean(exclude=["file"])
        execute(run, data, user=user)
        return run
    from django.core.files.base import ContentFile

    with transaction.atomic():
        run.file.save(name, ContentFile(data), save=False)
        run.full_clean()
        run.save()
        transaction.on_commit(lambda: run_import.enqueue(run_id=run.pk))
    return run


def run_in_background(run_id: int) -> None:
    """The background task's body: import the stored file of a queued run."""
    from .models import ImportRun

    run = (
        ImportRun.objects.select_related("created_by")
        .filter(pk=run_id, status=ImportRun.Status.QUEUED)
        .first()
    )
    if run is None:
        return
    try:
        with run.file.open("rb") as handle:
            data = handle.read()
        execute(run, data, user=run.created_by)
    except Exception:
        _finish(
            run, errors=[RowError(0, "", "The import stopped because of a fault. Try again")], error_count=1
        )
        raise
    finally:
        run.file.delete(save=False)
        ImportRun.objects.filter(pk=run.pk).update(file="")
