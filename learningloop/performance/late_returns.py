"""The late and missing returns page's rows, read a page at a time without counting or sorting every late
return the partnership has ever had (ten years of every agency's returns).

The page lists them by agency (by name), then the newest period first. Each agency's number of late returns
comes from two grouped counts that read only the partial indexes of late and of open returns; from those
the page's rows are known to lie in a few agencies, and only those agencies' returns are read and sorted.
The paging itself is core.pagination.GroupedRows (the outstanding responses page pages the same way)."""

from collections import Counter

from django.db.models import Count

from learningloop.core.pagination import GroupedRows
from learningloop.partnership.models import Agency

PAGE_ORDER = ("agency__name", "agency_id", "-period_start", "indicator__name", "pk")


def late_returns(dues, today) -> GroupedRows:
    """`dues`: the DataDue queryset the reader may see, filtered as asked (agency)."""
    late = dues.came_in_late().order_by().values_list("agency_id").annotate(n=Count("pk"))
    per_agency = Counter(dict(late.values_list("agency_id", "n")))
    # The missing ones are the few still open past their due date: read one by one from the index of
    # open returns (grouped by agency, SQLite would rather skim every return by agency).
    per_agency.update(dues.missing(today).order_by().values_list("agency_id", flat=True))
    names = Agency.objects.filter(pk__in=list(per_agency)).order_by("name", "pk")
    return GroupedRows(
        [(pk, per_agency[pk]) for pk in names.values_list("pk", flat=True)],
        lambda agencies: (
            dues.late_or_missing(today)
            .filter(agency_id__in=agencies)
            .select_related("indicator", "agency")
            .order_by(*PAGE_ORDER)
        ),
    )
