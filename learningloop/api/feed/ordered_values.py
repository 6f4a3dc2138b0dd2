"""The feed's values a page at a time without sorting or counting every value (ADR 0040). The values are in
the order of their indicator (position, code), period, agency name and id; the periods' totals
(performance.PeriodTotal, one row per indicator and period, kept current on every write of a value) say how
many values each indicator and period holds, so a page's place is found among those few rows and only the
periods on that page are read from the values."""

from django.db.models import Q, Sum

GROUP_ORDER = ("indicator__position", "indicator__code", "period_start")


class ValuesInOrder:
    """What Django's Paginator needs of a list (count() and slicing) over `values` (the feed's filtered,
    ordered values) and `totals` (the periods' totals with the same indicator and period filters)."""

    ordered = True

    def __init__(self, values, totals):
        self.values = values
        self.totals = totals

    def count(self) -> int:
        return self.totals.aggregate(n=Sum("count"))["n"] or 0

    def __getitem__(self, item):
        if not isinstance(item, slice) or item.step is not None:
            raise TypeError("Only a plain slice of the values is read")
        start, stop = item.start or 0, item.stop
        groups = self.totals.order_by(*GROUP_ORDER).values_list("indicator_id", "period_start", "count")
        chosen, before, seen = [], None, 0
        for indicator_id, period_start, count in groups.iterator(chunk_size=2000):
            if seen + count > start:
                if before is None:
                    before = seen
                chosen.append((indicator_id, period_start))
            seen += count
            if stop is not None and seen >= stop:
                break
        if not chosen:
            return []
        skip = start - before
        found = self.values.filter(_spanning(chosen))
        return list(found[skip : None if stop is None else skip + stop - start])


def _spanning(chosen) -> Q:
    """The values of these consecutive (indicator, period start) groups, in their order."""
    (first, first_start), (last, last_start) = chosen[0], chosen[-1]
    if first == last:
        return Q(indicator_id=first, period_start__gte=first_start, period_start__lte=last_start)
    middle = {indicator_id for indicator_id, _start in chosen[1:-1]} - {first, last}
    return (
        Q(indicator_id=first, period_start__gte=first_start)
        | Q(indicator_id__in=middle)
        | Q(indicator_id=last, period_start__lte=last_start)
    )
