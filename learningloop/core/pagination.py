"""Paginate a queryset and build the params for the GOV.UK pagination component."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator

PAGE_SIZE = 50


def paginate(request, queryset, per_page=PAGE_SIZE, *, rows=None):
    """The requested page of `queryset` (the first if the number is junk or past the end) and the GOV.UK
    pagination params.

    `rows`, if given, turns a queryset into what each row shows (annotations that count or look up related
    rows): it is applied to the page's rows only, never to the whole list, so that counting and sorting
    stay on the plain queryset and the cost follows the 50 rows shown, not the rows in the database. It
    may give model objects or dicts with a "pk" (rows read as plain values)."""
    paginator = Paginator(queryset, per_page)
    try:
        page = paginator.page(request.GET.get("page") or 1)
    except (PageNotAnInteger, EmptyPage):
        page = paginator.page(1)
    if rows is not None:
        page.object_list = _page_rows(page.object_list, rows)
    return page, pagination_params(request, page)


def _page_rows(object_list, rows):
    pks = list(object_list.values_list("pk", flat=True))
    shown = rows(object_list.model._default_manager.filter(pk__in=pks))
    by_pk = {(obj["pk"] if isinstance(obj, dict) else obj.pk): obj for obj in shown}
    return [by_pk[pk] for pk in pks if pk in by_pk]


def pagination_params(request, page):
    if page.paginator.num_pages <= 1:
        return None
    query = request.GET.copy()

    def href(number):
        query["page"] = number
        return "?" + query.urlencode()

    items = []
    for number in page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1):
        if number == page.paginator.ELLIPSIS:
            items.append({"ellipsis": True})
        else:
            items.append({"number": number, "href": href(number), "current": number == page.number})
    params = {"items": items}
    if page.has_previous():
        params["previous"] = {"href": href(page.previous_page_number())}
    if page.has_next():
        params["next"] = {"href": href(page.next_page_number())}
    return params
