"""The business unit's side of the hub: what is online and when each item may be retired, what may be
published, the publishing form with its recorded check, retiring (the record is kept) and the website
statistics (views and downloads per item and month)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import OuterRef, Subquery, Sum
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from learningloop.core import publishing
from learningloop.core.access import require
from learningloop.core.breadcrumbs import breadcrumbs
from learningloop.core.pagination import paginate
from learningloop.core.policy import can
from learningloop.core.presenters import StatusTag
from learningloop.core.spreadsheets import spreadsheet_response
from learningloop.core.views_kit import apply_errors

from ..models import MonthlyCount, Publication, PublicationStatus
from . import services
from .forms import PublishForm, RetireForm, StatisticsRecordForm

MANAGE, PUBLISH = "website.manage", "website.publish"
HUB = ("Publications", reverse_lazy("website:manage_list"))


def publication_status(item, today) -> StatusTag:
    if item.status == PublicationStatus.RETIRED:
        return StatusTag(
            "Retired", "grey", hint=f"Retired on {timezone.localdate(item.retired_at):%-d %B %Y}"
        )
    if item.keep_until and today < item.keep_until:
        return StatusTag(
            "Online", "green", hint=f"May be retired from {item.keep_until:%-d %B %Y}", key="kept"
        )
    return StatusTag("Online", "green", hint="May be retired now", key="retirable")


@require_GET
@require(MANAGE)
def manage_list(request):
    today = timezone.localdate()
    # Counted and sorted on the plain table; the views and downloads are summed for the page's 50 items only.
    items = Publication.objects.order_by("status", "-published_at", "-pk")
    page, pagination = paginate(request, items, rows=_with_totals)
    rows = [(item, publication_status(item, today)) for item in page.object_list]
    return render(
        request,
        "website/manage/list.html",
        {
            "page": page,
            "rows": rows,
            "pagination": pagination,
            "can_publish": can(request.user, PUBLISH),
            "crumbs": breadcrumbs((HUB[0], None)),
        },
    )


def _with_totals(items):
    """The page's items with their views and downloads: one sum per item over its own months (read through
    the (publication, month) index), not a GROUP BY over every column of the items and their months."""
    months = MonthlyCount.objects.filter(publication=OuterRef("pk")).order_by().values("publication")
    return (
        items.select_related("published_by", "safety_check__checked_by")
        .defer("sections", "search_text")
        .annotate(
            total_views=Subquery(months.annotate(n=Sum("views")).values("n")),
            total_downloads=Subquery(months.annotate(n=Sum("downloads")).values("n")),
        )
    )


@require_GET
@require(PUBLISH)
def candidates(request):
    live = set(Publication.objects.live().values_list("kind", "source_id"))
    groups = []
    for kind in publishing.kinds():
        items = [obj for obj in kind.candidates() if (kind.code, obj.pk) not in live]
        groups.append((kind, [(obj, kind.snapshot(obj).title) for obj in items]))
    return render(
        request,
        "website/manage/candidates.html",
        {"groups": groups, "crumbs": breadcrumbs(HUB, ("Publish something", None))},
    )


def _kind_and_record(kind_code, source_id):
    kind = publishing.get_kind(kind_code)
    if kind is None:
        raise Http404
    obj = kind.candidates().filter(pk=source_id).first()
    if obj is None:
        raise Http404
    return kind, obj


@require_http_methods(["GET", "POST"])
@require(PUBLISH)
def publish(request, kind_code, source_id):
    kind, obj = _kind_and_record(kind_code, source_id)
    snapshot = kind.snapshot(obj)
    already = Publication.objects.live().filter(kind=kind.code, source_id=obj.pk).first()
    posted = request.method == "POST"
    form = PublishForm(request.POST if posted else None, request.FILES if posted else None, kind=kind)
    if request.method == "POST" and already is None and form.is_valid():
        checks = form.cleaned_data["checks"]
        try:
            item = services.publication_publish(
                kind_code=kind.code,
                source_id=obj.pk,
                by=request.user,
                no_child="no_child" in checks,
                no_family_member="no_family_member" in checks,
                no_practitioner="no_practitioner" in checks,
                notes=form.cleaned_data.get("notes") or "",
                document=form.cleaned_data.get("document"),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"‘{item.title}’ is published on the learning hub")
            return redirect("website:manage_list")
    return render(
        request,
        "website/manage/publish.html",
        {
            "form": form,
            "kind": kind,
            "snapshot": snapshot,
            "already": already,
            "crumbs": breadcrumbs(
                HUB, ("Publish something", reverse("website:candidates")), (snapshot.title, None)
            ),
        },
        status=409 if already is not None and request.method == "POST" else 200,
    )


@require_http_methods(["GET", "POST"])
@require(PUBLISH)
def retire(request, pk):
    item = get_object_or_404(Publication, pk=pk)
    today = timezone.localdate()
    form = RetireForm(request.POST if request.method == "POST" else None)
    retired = item.status == PublicationStatus.RETIRED
    if request.method == "POST" and not retired and form.is_valid():
        try:
            services.publication_retire(publication=item, by=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"‘{item.title}’ is no longer on the public site; its record is kept")
            return redirect("website:manage_list")
    return render(
        request,
        "website/manage/retire.html",
        {
            "form": form,
            "item": item,
            "status": publication_status(item, today),
            "too_early": bool(item.keep_until and today < item.keep_until),
            "crumbs": breadcrumbs(HUB, (f"Retire {item.title}", None)),
        },
        status=409 if retired and request.method == "POST" else 200,
    )


def _statistics_rows():
    # Every month's counts are sorted to show 50: only the columns shown, not each publication's sections
    # and search text (a sorter holds every column it is given, for every row).
    return (
        MonthlyCount.objects.select_related("publication")
        .only("month", "views", "downloads", "publication__title", "publication__kind_label")
        .order_by("-month", "publication__title")
    )


def _years():
    # The months held, read from the month index (each is stored as the first of its month already).
    months = MonthlyCount.objects.order_by().values_list("month", flat=True).distinct()
    return sorted({m.year if m.month >= 4 else m.year - 1 for m in months}, reverse=True)


@require_GET
@require(MANAGE)
def statistics(request):
    return _statistics_page(request, None)


def _statistics_page(request, record_form):
    rows = _statistics_rows()
    totals = rows.aggregate(views=Sum("views"), downloads=Sum("downloads"))
    page, pagination = paginate(request, rows)
    return render(
        request,
        "website/manage/statistics.html",
        {
            "page": page,
            "pagination": pagination,
            "totals": totals,
            "form": record_form,
            "record_form": record_form or StatisticsRecordForm(years=_years()),
            "can_record": can(request.user, PUBLISH),
            "crumbs": breadcrumbs(HUB, ("Website statistics", None)),
        },
        status=200,
    )


@require_http_methods(["POST"])
@require(PUBLISH)
def statistics_record(request):
    """Record a financial year's counts as a "Website statistics" source in the learning register."""
    form = StatisticsRecordForm(request.POST, years=_years())
    if form.is_valid():
        try:
            activity = services.website_statistics_record(
                start_year=form.cleaned_data["start_year"], by=request.user
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"‘{activity.title}’ is in the learning register")
            return redirect("website:statistics")
    return _statistics_page(request, form)


@require_GET
@require(MANAGE)
def statistics_export(request):
    fmt = "xlsx" if request.GET.get("format") == "xlsx" else "csv"
    rows = [
        [f"{row.month:%Y-%m}", row.publication.title, row.publication.kind_label, row.views, row.downloads]
        for row in _statistics_rows()
    ]
    return spreadsheet_response(
        headers=["Month", "Publication", "Type", "Page views", "Downloads"],
        rows=rows,
        fmt=fmt,
        filename="website-statistics",
        sheet="Website statistics",
    )
