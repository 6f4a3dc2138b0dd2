"""The partnership-wide contribution table and a page per agency; every figure links to its rows."""

from django.shortcuts import get_object_or_404, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.views.decorators.http import require_GET

from learningloop.core.access import require
from learningloop.core.breadcrumbs import breadcrumbs
from learningloop.core.contributions import figures, percent
from learningloop.partnership.models import Agency, StatutoryRole

SCORECARD = ("Agency contribution", reverse_lazy("performance:contribution_list"))


def _rows(agencies):
    today = timezone.localdate()
    ids = [a.pk for a in agencies]
    shown = figures()
    counts = {f.key: f.counts(ids, today) for f in shown}
    rows = []
    for agency in agencies:
        cells = []
        for f in shown:
            met, of = counts[f.key].get(agency.pk, (0, 0))
            share = None if f.unit else percent(met, of)
            cells.append({"figure": f, "met": met, "of": of, "percent": share, "href": f.link(agency)})
        rows.append((agency, cells))
    return shown, rows


@require_GET
@require("impact.view")
def contribution_list(request):
    agencies = list(
        Agency.objects.visible_to(request.user)
        .filter(is_active=True)
        .exclude(statutory_role=StatutoryRole.BUSINESS_UNIT)
        .order_by("name")
    )
    shown, rows = _rows(agencies)
    return render(request, "performance/contribution_list.html", {"figures": shown, "rows": rows})


@require_GET
@require("impact.view")
def contribution_detail(request, pk):
    agency = get_object_or_404(Agency.objects.visible_to(request.user), pk=pk)
    shown, rows = _rows([agency])
    return render(
        request,
        "performance/contribution_detail.html",
        {
            "agency": agency,
            "cells": rows[0][1],
            "crumbs": breadcrumbs(SCORECARD, (agency.name, None)),
        },
    )
