"""Paginate a queryset and build the params for the GOV.UK pagination component."""

import bisect
import itertools

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator

PAGE_SIZE = 50


def paginate(request, queryset, per_page=PAGE_SIZE, *, rows=None, param="page", anchor=None, landmark=None):
    """The requested page of `queryset` (the first if the number is junk or past the end) and the GOV.UK
    pagination params. A page with several paged tables gives each its own query parameter (`param`), the
    id of the table its links go back to (`anchor`) and its own name for the pagination's navigation
    landmark (`landmark`: two landmarks both called "Pagination" cannot be told apart by a screen reader).

    `rows`, if given, turns a queryset into what each row shows (annotations that count or look up related
    rows): it is applied to the page's rows only, never to the whole list, so that counting and sorting
    stay on the plain queryset and the cost follows the 50 rows shown, not the rows in the database. It
    may give model objects or dicts with a "pk" (rows read as plain values), and must keep the order of
    the queryset it is given: that queryset is the page, in the list's order (one statement, the page's
    keys a subquery), so rows() annotates and narrows it but does not sort it again."""
    paginator = Paginator(queryset, per_page)
    try:
        page = paginator.page(request.GET.get(param) or 1)
    except (PageNotAnInteger, EmptyPage):
        page = paginator.page(1)
    if rows is not None:
        page.object_list = _page_rows(page.object_list, rows)
    return page, pagination_params(request, page, param=param, anchor=anchor, landmark=landmark)


def _page_rows(object_list, rows):
    query = object_list.query
    if not (query.annotations or query.distinct or query.extra):
        # One statement: the page's keys as a subquery (its order and window), the rows in the same order.
        # A list sorted by an annotation, or made distinct, reads its keys first (below): the ordering
        # would not carry over to a plain queryset of the rows.
        ordering = query.order_by or query.get_meta().ordering
        keys = object_list.model._default_manager.filter(pk__in=object_list.values("pk"))
        return list(rows(keys.order_by(*ordering)))
    pks = list(object_list.values_list("pk", flat=True))
    shown = rows(object_list.model._default_manager.filter(pk__in=pks))
    by_pk = {(obj["pk"] if isinstance(obj, dict) else obj.pk): obj for obj in shown}
    return [by_pk[pk] for pk in pks if pk in by_pk]


def pagination_params(request, page, *, param="page", anchor=None, landmark=None):
    if page.paginator.num_pages <= 1:
        return None
    query = request.GET.copy()
    query.pop(param, None)
    # The rest of the query string, encoded once: each link adds its page number (last) and the anchor.
    head = "?" + query.urlencode() + "&" if query else "?"
    tail = f"#{anchor}" if anchor else ""

    def href(number):
        return f"{head}{param}={number}{tail}"

    items = []
    for number in page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1):
        if number == page.paginator.ELLIPSIS:
            items.append({"ellipsis": True})
        else:
            items.append({"number": number, "href": href(number), "current": number == page.number})
    params = {"items": items}
    if landmark:
        params["landmarkLabel"] = landmark
    if page.has_previous():
        params["previous"] = {"href": href(page.previous_page_number())}
    if page.has_next():
        params["next"] = {"href": href(page.next_page_number())}
    return params


class GroupedRows:
    """A list of rows grouped (by agency, say) and read a page at a time without sorting every row: the
    groups in page order with how many rows each has (from one grouped count), and `rows_for(keys)`, a
    queryset of those groups' rows in page order. Only the page's groups' rows are read and sorted. Django's
    Paginator takes it as its object list: it asks for `count()` and a slice."""

    def __init__(self, groups, rows_for):
        """`groups`: [(key, number of rows)] in the order the page lists the groups."""
        self.keys = [key for key, _ in groups]
        self.starts = [0, *itertools.accumulate(n for _, n in groups)]  # where each group's rows start
        self.total = self.starts[-1]
        self.rows_for = rows_for

    def count(self):
        return self.total

    def __getitem__(self, window):
        if not isinstance(window, slice):
            raise TypeError("GroupedRows is read a page at a time")
        start, stop, _ = window.indices(self.total)
        if start >= stop:
            return []
        first = bisect.bisect_right(self.starts, start) - 1
        last = bisect.bisect_left(self.starts, stop) - 1
        skip = start - self.starts[first]
        return list(self.rows_for(self.keys[first : last + 1])[skip : skip + (stop - start)])
