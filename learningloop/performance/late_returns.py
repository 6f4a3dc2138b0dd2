"""The late and missing returns page's rows, read a page at a time without counting or sorting every late
return the partnership has ever had (ten years of every agency's returns).

The page lists them by agency (by name), then the newest period first. Each agency's number of late returns
comes from two grouped counts that read only the partial indexes of late and of open returns; from those
the page's rows are known to lie in a few agencies, and only those agencies' returns are read and sorted.
Django's Paginator takes this as its object list: it asks for `count()` and a slice."""

import bisect
import itertools
from collections import Counter

from django.db.models import Count

from learningloop.partnership.models import Agency

PAGE_ORDER = ("agency__name", "agency_id", "-period_start", "indicator__name", "pk")


class LateReturns:
    def __init__(self, dues, today):
        """`dues`: the DataDue queryset the reader may see, filtered as asked (agency)."""
        self.dues = dues
        self.today = today
        late = dues.came_in_late().order_by().values_list("agency_id").annotate(n=Count("pk"))
        per_agency = Counter(dict(late.values_list("agency_id", "n")))
        # The missing ones are the few still open past their due date: read one by one from the index of
        # open returns (grouped by agency, SQLite would rather skim every return by agency).
        per_agency.update(dues.missing(today).order_by().values_list("agency_id", flat=True))
        names = Agency.objects.filter(pk__in=list(per_agency)).order_by("name", "pk")
        self.agencies = list(names.values_list("pk", flat=True))
        counts = [per_agency[pk] for pk in self.agencies]
        # Where each agency's rows start in the whole list.
        self.starts = [0, *itertools.accumulate(counts)]
        self.total = self.starts[-1]

    def count(self):
        return self.total

    def __getitem__(self, window):
        if not isinstance(window, slice):
            raise TypeError("LateReturns is read a page at a time")
        start, stop, _ = window.indices(self.total)
        if start >= stop:
            return []
        first = bisect.bisect_right(self.starts, start) - 1
        last = bisect.bisect_left(self.starts, stop) - 1
        agencies = self.agencies[first : last + 1]
        skip = start - self.starts[first]
        rows = (
            self.dues.late_or_missing(self.today)
            .filter(agency_id__in=agencies)
            .select_related("indicator", "agency")
            .order_by(*PAGE_ORDER)
        )
        return list(rows[skip : skip + (stop - start)])
