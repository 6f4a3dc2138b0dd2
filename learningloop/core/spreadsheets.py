"""CSV and Excel downloads: one writer for both formats (`spreadsheet_response`), with safe cells (OWASP CSV
injection): a cell a spreadsheet could read as a formula — starting with = + - @, tab, CR or NUL — gets a
leading single quote, in both formats.

Every export in the app goes through `spreadsheet_response`, which keeps downloads off the request path
(ADR 0038): a spreadsheet of up to settings.SPREADSHEET_BACKGROUND_ROWS rows is written in the request (a
CSV streamed as it is written); a larger one is built by the background worker (`manage.py db_worker`), and
the user is sent to a page that shows its progress and then the download. The worker builds it by calling
the same view again with the same path, filters and user, so the rows, the columns and the user's rights
are exactly those of a download in the request."""

import contextvars
import csv
import datetime
import io
import itertools
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect
from django.urls import resolve
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from .stored_files import attachment_response, streaming_attachment_response

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


class _Line:
    """A file-like target for csv.writer that hands back each line it is given."""

    def write(self, text):
        return text


def _csv_lines(headers, rows):
    writer = csv.writer(_Line())
    yield writer.writerow([_csv_cell(h) for h in headers]).encode("utf-8")
    for row in rows:
        yield writer.writerow([_csv_cell(v) for v in row]).encode("utf-8")


def spreadsheet_bytes(*, headers, rows, fmt, sheet="Sheet1", progress=None) -> bytes:
    """A header row and data rows as CSV or Excel. Text cells a spreadsheet could run as a formula are
    escaped in both formats; numbers and dates stay numbers and dates (ISO dates in CSV). `progress(n)` is
    called every 1,000 rows."""
    if progress is not None:
        rows = _counted(rows, progress)
    if fmt == CSV:
        return b"".join(_csv_lines(headers, rows))
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


def _counted(rows, progress, every=1000):
    count = 0
    for count, row in enumerate(rows, start=1):  # noqa: B007 - the last count is reported below
        if count % every == 0:
            progress(count)
        yield row
    progress(count)


# The same download asked for again within this time gets the export already queued or built.
REUSE_FOR = datetime.timedelta(minutes=10)


def background_threshold() -> int:
    """Spreadsheets with more rows than this are built by the background worker."""
    return getattr(settings, "SPREADSHEET_BACKGROUND_ROWS", 2000)


# --- Which request is asking (set by ExportRequestMiddleware), and whether the worker is building ---

_request: contextvars.ContextVar = contextvars.ContextVar("spreadsheet_request", default=None)
_building: contextvars.ContextVar = contextvars.ContextVar("spreadsheet_building", default=None)


class ExportRequestMiddleware:
    """Lets `spreadsheet_response` know who asked for a download and where, so that a large one can be
    queued for the worker without every export view passing its request down."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request.set(request)
        try:
            return self.get_response(request)
        finally:
            _request.reset(token)


def spreadsheet_response(*, headers, rows, fmt, filename, sheet="Sheet1", count=None):
    """The download: `filename` gets the format's extension; served as an attachment with nosniff.
    Up to background_threshold() rows it is written now (CSV streamed); above, the worker builds it and
    the user is redirected to its progress page (ADR 0038). `count`, if given, is a callable giving the
    number of rows (one COUNT query): a download it says is large is queued without reading any row."""
    if fmt not in CONTENT_TYPES:
        raise ValueError(f"Unknown spreadsheet format: {fmt}")
    name = f"{filename}.{fmt}"
    export = _building.get()
    if export is not None:
        return _write_export(export, headers=headers, rows=rows, fmt=fmt, name=name, sheet=sheet)
    request = _request.get()
    if count is not None and _can_queue(request) and count() > background_threshold():
        return redirect("exports:export_run", pk=_queue_export(request, fmt=fmt, name=name).pk)
    rows = iter(rows)
    first = list(itertools.islice(rows, background_threshold() + 1))
    if len(first) > background_threshold() and _can_queue(request):
        return redirect("exports:export_run", pk=_queue_export(request, fmt=fmt, name=name).pk)
    rows = itertools.chain(first, rows)
    if fmt == CSV:
        return streaming_attachment_response(
            _csv_lines(headers, rows), filename=name, content_type=CONTENT_TYPES[CSV]
        )
    return attachment_response(
        spreadsheet_bytes(headers=headers, rows=rows, fmt=fmt, sheet=sheet),
        filename=name,
        content_type=CONTENT_TYPES[fmt],
    )


def _can_queue(request) -> bool:
    return (
        request is not None
        and request.method == "GET"
        and getattr(getattr(request, "user", None), "is_authenticated", False)
    )


def _queue_export(request, *, fmt, name):
    from .models import SpreadsheetExport
    from .tasks import build_spreadsheet

    query = request.GET.urlencode()
    recent = (
        SpreadsheetExport.objects.filter(
            created_by=request.user,
            path=request.path_info,
            query=query,
            created_at__gte=timezone.now() - REUSE_FOR,
        )
        .exclude(status=SpreadsheetExport.Status.FAILED)
        .first()
    )
    if recent is not None:  # asked again (a second click, a reload): the same file, not a second build
        return recent
    with transaction.atomic():
        export = SpreadsheetExport.objects.create(
            created_by=request.user,
            path=request.path_info,
            query=query,
            back_path=_back_path(request),
            filename=name,
            fmt=fmt,
        )
        transaction.on_commit(lambda: build_spreadsheet.enqueue(export_id=export.pk))
    return export


def _back_path(request) -> str:
    """The page the user clicked the download on (this site's only), for the progress page's back link."""
    referer = request.META.get("HTTP_REFERER", "")
    if not url_has_allowed_host_and_scheme(referer, allowed_hosts={request.get_host()}):
        return "/"
    parts = urlsplit(referer)
    return (parts.path + (f"?{parts.query}" if parts.query else ""))[:500] or "/"


def _progress(export):
    from .models import SpreadsheetExport

    def record(count):
        export.written_rows = count
        SpreadsheetExport.objects.filter(pk=export.pk).update(written_rows=count)

    return record


def _write_export(export, *, headers, rows, fmt, name, sheet):
    """In the worker: write every row into the export's file and mark it ready."""
    from .models import SpreadsheetExport

    data = spreadsheet_bytes(headers=headers, rows=rows, fmt=fmt, sheet=sheet, progress=_progress(export))
    export.file.save(name, ContentFile(data), save=False)
    export.status = SpreadsheetExport.Status.DONE
    export.finished_at = timezone.now()
    export.save(update_fields=["file", "status", "finished_at", "written_rows"])
    return HttpResponse(status=204)


def build_in_background(export_id: int) -> None:
    """The worker task's body: ask the export's view again, as the user who asked for it (their rights now,
    not when they clicked), with the same filters; spreadsheet_response then writes the file."""
    from .models import SpreadsheetExport

    export = (
        SpreadsheetExport.objects.select_related("created_by")
        .filter(pk=export_id, status=SpreadsheetExport.Status.QUEUED)
        .first()
    )
    if export is None:
        return
    user = export.created_by
    SpreadsheetExport.objects.filter(pk=export.pk).update(status=SpreadsheetExport.Status.BUILDING)
    export.status = SpreadsheetExport.Status.BUILDING
    request = HttpRequest()
    request.method = "GET"
    request.path = request.path_info = export.path
    request.GET = QueryDict(export.query)
    request.META = {"REQUEST_METHOD": "GET", "QUERY_STRING": export.query, "SERVER_NAME": "worker"}
    request.user = user
    token = _building.set(export)
    try:
        if user is None or not user.is_active:
            raise PermissionDenied
        match = resolve(export.path)
        response = match.func(request, *match.args, **match.kwargs)
        if response.status_code != 204:
            raise Http404
    except (PermissionDenied, Http404):
        _fail(export, "You can no longer download this spreadsheet")
    except Exception:
        _fail(export, "The spreadsheet could not be built because of a fault. Try again")
        raise
    finally:
        _building.reset(token)


def _fail(export, problem):
    from .models import SpreadsheetExport

    SpreadsheetExport.objects.filter(pk=export.pk).update(
        status=SpreadsheetExport.Status.FAILED, problem=problem, finished_at=timezone.now()
    )


# --- Old files cleaned up (the daily reminders run, core.reminders.register_daily_run) ---


def keep_days() -> int:
    """How many days a spreadsheet built in the background is kept after it is built."""
    return getattr(settings, "SPREADSHEET_EXPORT_KEEP_DAYS", 7)


def spreadsheet_exports_delete_expired(*, now=None) -> int:
    """Delete the files and records of the exports finished more than keep_days() ago; returns how many.
    An export still waiting or being written is never deleted. Each record goes only after its file, so a
    failure part-way leaves no record pointing at a missing file."""
    from .models import SpreadsheetExport

    before = (now or timezone.now()) - datetime.timedelta(days=keep_days())
    deleted = 0
    for export in SpreadsheetExport.objects.expired(before=before).iterator():
        if export.file:
            export.file.delete(save=False)
        export.delete()
        deleted += 1
    return deleted


def run_export_clean_up(today) -> int:
    """The daily run's part: old exports deleted; no email, so it reports 0 sent."""
    spreadsheet_exports_delete_expired()
    return 0
