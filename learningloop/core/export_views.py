"""The pages of a spreadsheet built in the background (core.spreadsheets, ADR 0038): its progress, which
polls with htmx and, without JavaScript, refreshes itself; then its download. Both are the requester's
only. A link to one that is gone (deleted by the daily clean-up after SPREADSHEET_EXPORT_KEEP_DAYS) says so
and asks the user to ask for it again, with a 404: whether it expired or was never theirs is not told apart,
so the page gives away nothing about other people's downloads."""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .models import SpreadsheetExport
from .spreadsheets import CONTENT_TYPES, keep_days
from .stored_files import field_file_response


def _own_export(request, pk):
    return SpreadsheetExport.objects.visible_to(request.user).filter(pk=pk).first()


def _expired(request):
    return render(request, "core/export_expired.html", {"keep_days": keep_days()}, status=404)


@require_GET
def export_run(request, pk):
    export = _own_export(request, pk)
    if export is None:
        return _expired(request)
    context = {"export": export, "back_url": export.back_path}
    if getattr(request, "htmx", False):
        return render(request, "core/_export_progress.html", context)
    return render(request, "core/export_run.html", context)


@require_GET
def export_download(request, pk):
    export = _own_export(request, pk)
    if export is None:
        return _expired(request)
    if export.status != SpreadsheetExport.Status.DONE or not export.file:
        raise Http404
    return field_file_response(export.file, filename=export.filename, content_type=CONTENT_TYPES[export.fmt])
