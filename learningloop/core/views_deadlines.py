"""The statutory and operational deadlines page: every kind of deadline in the registry, filterable by
kind, group, agency and status, soonest first."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from .deadline_page import deadline_csv, deadline_rows, hydrate
from .pagination import paginate


@require_GET
@login_required
def deadline_list(request):
    today = timezone.localdate()
    filterset, combined, kinds = deadline_rows(request, today=today)
    if combined is None:
        page, pagination, rows = None, None, []
    else:
        page, pagination = paginate(request, combined)
        rows = hydrate(list(page.object_list), kinds, today)
    return render(
        request,
        "core/deadline_list.html",
        {
            "form": filterset.form,
            "page": page,
            "pagination": pagination,
            "rows": rows,
            "today": today,
            # The CSV download sits beside the page (deadlines/export.csv), with the same filters.
            "csv_url": filterset.url_with_filters(f"{request.path}export.csv"),
        },
    )


@require_GET
@login_required
def deadline_export(request):
    """The deadlines page's rows, every page of them, as CSV."""
    return deadline_csv(request)
