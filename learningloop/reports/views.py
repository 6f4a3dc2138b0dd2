"""The learning trail: an index of key messages with their loop status, and a page per key message."""

from django.shortcuts import render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.views.decorators.http import require_GET

from learningloop.core.access import get_visible_or_404, require
from learningloop.core.pagination import paginate
from learningloop.core.spreadsheets import CSV, spreadsheet_response
from learningloop.learning.models import KeyMessage

from . import trail as trails
from .filters import TrailFilterSet

VIEW = "trail.view"
TRAIL = ("Learning trail", reverse_lazy("reports:trail_index"))


@require_GET
@require(VIEW)
def trail_index(request):
    filters = TrailFilterSet(request=request, queryset=KeyMessage.objects.visible_to(request.user))
    # Counted and sorted plain (indexes on the summaries' titles and the messages' positions give the
    # first page without sorting every message); the 50 rows shown get their summaries and loop status.
    page, pagination = paginate(
        request,
        filters.qs.order_by("summary__title", "summary_id", "position", "pk"),
        rows=lambda keys: trails.with_loop_status(keys).select_related("summary", "summary__subgroup"),
    )
    return render(
        request,
        "reports/trail_index.html",
        {
            "form": filters.form,
            "page": page,
            "pagination": pagination,
            "stage_tags": trails.STAGE_TAGS,
            "crumbs": [{"text": TRAIL[0]}],
            "csv_url": filters.url_with_filters(reverse("reports:trail_export")),
        },
    )


@require_GET
@require(VIEW)
def trail_export(request):
    """The trail index's key messages, for these filters, as CSV: summary, message and loop status."""
    filters = TrailFilterSet(request=request, queryset=KeyMessage.objects.visible_to(request.user))
    messages = trails.with_loop_status(filters.qs).order_by("summary__title", "summary_id", "position", "pk")

    def rows():  # read only when written: a generator expression would run the query at once
        for title, text, status in messages.values_list("summary__title", "text", "loop_status"):
            yield [title, text, trails.STAGE_LABELS[status]]

    # Plain values, and one COUNT first: a download too large to write now is queued without reading a row.
    return spreadsheet_response(
        headers=["Summary of Learning", "Key message", "Loop status"],
        rows=rows(),
        fmt=CSV,
        filename=f"learning-trail-{timezone.localdate():%Y-%m-%d}",
        count=messages.count,
    )


@require_GET
@require(VIEW)
def key_message_trail(request, pk):
    message = get_visible_or_404(trails.key_message_queryset(), request.user, pk=pk)
    trail = trails.build_trail(message, request.user)
    return render(
        request,
        "reports/key_message_trail.html",
        {
            "trail": trail,
            "message": message,
            "summary": message.summary,
            "stage_tags": trails.STAGE_TAGS,
            "crumbs": [{"text": TRAIL[0], "href": TRAIL[1]}, {"text": "Key message"}],
        },
    )
