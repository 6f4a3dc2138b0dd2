"""`paginate(..., rows=...)`: what a row shows (counts, look-ups) is computed for the page's rows only,
in the list's order, so a list's cost follows the 50 rows it shows (docs/adr/0025)."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Value
from django.db.models.functions import Concat
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from learningloop.core.pagination import paginate

pytestmark = pytest.mark.django_db


def _rows(qs):
    return qs.annotate(shown=Concat("app_label", Value("."), "model"))


def test_the_page_keeps_the_list_order_and_carries_the_row_annotations():
    ordered = ContentType.objects.order_by("-model", "-pk")
    expected = list(ordered.values_list("pk", flat=True)[5:10])
    page, _ = paginate(RequestFactory().get("/", {"page": 2}), ordered, per_page=5, rows=_rows)
    assert [row.pk for row in page.object_list] == expected
    assert all(row.shown == f"{row.app_label}.{row.model}" for row in page.object_list)


def test_the_annotations_are_not_computed_for_the_whole_list():
    with CaptureQueriesContext(connection) as queries:
        page, _ = paginate(
            RequestFactory().get("/"), ContentType.objects.order_by("pk"), per_page=3, rows=_rows
        )
        list(page.object_list)
    annotated = [q["sql"] for q in queries if "||" in q["sql"] or "CONCAT" in q["sql"].upper()]
    assert len(annotated) == 1  # one query, for the page's rows
    assert "IN (" in annotated[0]
    assert len(page.object_list) == 3


def test_a_junk_page_number_shows_the_first_page():
    page, _ = paginate(RequestFactory().get("/", {"page": "junk"}), ContentType.objects.order_by("pk"),
                       per_page=3, rows=_rows)  # fmt: skip
    assert page.number == 1 and len(page.object_list) == 3


def test_the_page_is_counted_and_read_in_two_statements():
    ordered = ContentType.objects.order_by("-model", "-pk")
    with CaptureQueriesContext(connection) as queries:
        page, _ = paginate(RequestFactory().get("/", {"page": 3}), ordered, per_page=4, rows=_rows)
    assert len(queries) == 2  # how many there are, then the page's rows with what they show
    assert [row.pk for row in page.object_list] == list(ordered.values_list("pk", flat=True)[8:12])


def test_a_list_sorted_by_an_annotation_keeps_its_order():
    from django.db.models.functions import Length

    ordered = ContentType.objects.annotate(n=Length("model")).order_by("-n", "pk")
    expected = list(ordered.values_list("pk", flat=True)[3:6])
    page, _ = paginate(RequestFactory().get("/", {"page": 2}), ordered, per_page=3, rows=_rows)
    assert [row.pk for row in page.object_list] == expected
    assert all(row.shown == f"{row.app_label}.{row.model}" for row in page.object_list)


# --- Counting and page numbers ---


def _page(params, queryset, **kwargs):
    page, pagination = paginate(RequestFactory().get("/", params), queryset, per_page=5, **kwargs)
    return [row.pk for row in page.object_list], page.paginator.count, pagination


def _types(n):
    """The first n content types in key order (the test database has a few dozen)."""
    return ContentType.objects.filter(
        pk__in=list(ContentType.objects.order_by("pk").values_list("pk", flat=True)[:n])
    )


def test_a_short_list_shows_every_row_and_no_links():
    listed = _types(3).order_by("pk")
    assert _page({}, listed) == (list(listed.values_list("pk", flat=True)), 3, None)
    listed = _types(4).order_by("-pk")
    assert _page({}, listed, rows=_rows)[:2] == (list(listed.values_list("pk", flat=True)), 4)


def test_a_list_of_exactly_a_page_has_no_links():
    shown, count, pagination = _page({}, _types(5).order_by("pk"))
    assert len(shown) == 5 and count == 5 and pagination is None


def test_a_list_longer_than_a_page_offers_the_next_and_its_rows():
    listed = _types(6).order_by("pk")
    keys = list(listed.values_list("pk", flat=True))
    first, count, pagination = _page({}, listed)
    assert first == keys[:5] and count == 6
    assert [item["number"] for item in pagination["items"]] == [1, 2]
    assert pagination["next"] == {"href": "?page=2"}
    second, count, pagination = _page({"page": "2"}, listed)
    assert second == keys[5:] and count == 6 and pagination["previous"] == {"href": "?page=1"}


@pytest.mark.parametrize("asked", ["3", "junk", "0", "-1", "2.5", "", "99999999999999999999999"])
def test_a_page_past_the_end_or_junk_shows_the_first(asked):
    listed = _types(6).order_by("pk")
    shown, count, _ = _page({"page": asked}, listed)
    assert shown == list(listed.values_list("pk", flat=True))[:5] and count == 6


def test_the_links_keep_the_rest_of_the_query_string_and_the_anchor():
    listed = _types(6).order_by("pk")
    request = RequestFactory().get("/", {"q": "a b", "page": "1", "sort": "-name"})
    _, pagination = paginate(request, listed, per_page=5, param="page", anchor="results")
    assert pagination["next"] == {"href": "?q=a+b&sort=-name&page=2#results"}
