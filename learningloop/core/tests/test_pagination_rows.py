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
