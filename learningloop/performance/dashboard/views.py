"""The dashboard of the dataset and its Excel, PDF and Word downloads."""

import datetime

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from learningloop.core.access import require

from .. import scorecard
from ..curves import curve, latest_curves
from ..models import Category, Indicator, Submission
from .forms import DashboardFilterSet

RECENT_YEARS = 3  # the dashboard judges status and trend on the last three years of values


def _entries(request, *, by_agency=False):
    """The indicators shown and their curves over the last RECENT_YEARS: the partnership's latest values,
    status and trend (from the periods' totals: a large partnership's schools submit tens of thousands of
    values a year), or every period with each agency's series too for the documents whose charts draw
    them."""
    filters = DashboardFilterSet(
        request.GET or None, request=request, queryset=Indicator.objects.visible_to(request.user).active()
    )
    indicators = list(filters.qs.select_related("priority").distinct())
    since = timezone.localdate() - datetime.timedelta(days=366 * RECENT_YEARS)
    if by_agency:
        by_indicator = {}
        found = Submission.objects.filter(indicator__in=indicators, period_start__gte=since)
        for row in found.select_related("agency"):
            by_indicator.setdefault(row.indicator_id, []).append(row)
        entries = [(i, curve(i, by_indicator.get(i.pk, []), schools_together=True)) for i in indicators]
    else:
        entries = latest_curves(indicators, since)
    wanted = filters.form.cleaned_data.get("status") if filters.form.is_valid() else None
    if wanted:
        entries = [(i, c) for i, c in entries if c.status.key == wanted]
    return filters, entries


@require_GET
@require("impact.view")
def dashboard(request):
    filters, entries = _entries(request)
    by_priority = {}
    for indicator, data in entries:
        name = indicator.priority.name if indicator.priority_id else "No partnership priority"
        by_priority.setdefault(name, {c.value: [] for c in Category}).setdefault(
            indicator.category, []
        ).append((indicator, data))
    groups = sorted(by_priority.items(), key=lambda item: (item[0] == "No partnership priority", item[0]))
    counts = {}
    for _i, data in entries:
        counts[data.status.text] = counts.get(data.status.text, 0) + 1
    return render(
        request,
        "performance/dashboard.html",
        {
            "form": filters.form,
            "groups": groups,
            "categories": Category,
            "count": len(entries),
            "counts": counts,
            "query": filters.query_string(),
        },
    )


@require_GET
@require("impact.view")
def dashboard_export(request):
    fmt = request.GET.get("format", "xlsx")
    _filters, entries = _entries(request, by_agency=fmt in ("pdf", "docx"))
    if fmt in ("pdf", "docx"):
        return scorecard.scorecard_response(entries, title="Impact scorecard", fmt=fmt)
    return scorecard.dashboard_spreadsheet(entries, fmt=fmt)
