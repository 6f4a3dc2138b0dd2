"""The values feed pages through the periods' totals (ADR 0040) rather than sorting and counting every value:
each page holds the same values in the same order as before (indicator position and code, period, agency
name), with the same count, whatever the page size and filters; and a page builds only its own values."""

import datetime

import pytest

from learningloop.partnership.tests.factories import AgencyFactory
from learningloop.performance.models import Submission
from learningloop.performance.tests.factories import IndicatorFactory, SubmissionFactory

from .helpers import bearer, token_for

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def feed(bu_officer):
    """Two indicators (the one added second comes first by position), three agencies, three months; one
    month of the other indicator has only one value."""
    ash, birch, cedar = (AgencyFactory(name=n) for n in ("Ash", "Birch", "Cedar"))
    later = IndicatorFactory(code="b-later", position=2)
    first = IndicatorFactory(code="a-first", position=1)
    for month in (1, 2, 3):
        for agency in (cedar, ash, birch):  # added out of name order
            SubmissionFactory(indicator=first, agency=agency, period_start=D(2026, month, 1), value=month)
            if month != 2 or agency is ash:
                SubmissionFactory(indicator=later, agency=agency, period_start=D(2026, month, 1), value=month)
    _, secret = token_for(bu_officer)
    return bearer(secret)


def _page(client, **params):
    response = client.get("/api/v1/values/", params)
    assert response.status_code == 200, response.content
    body = response.json()
    return body["count"], [(v["indicator"], v["period_start"][5:7], v["agency"]) for v in body["results"]]


# Written out by hand: a-first (position 1) then b-later, each month in turn, the agencies by name.
EVERY_VALUE = [
    ("a-first", "01", "Ash"), ("a-first", "01", "Birch"), ("a-first", "01", "Cedar"),
    ("a-first", "02", "Ash"), ("a-first", "02", "Birch"), ("a-first", "02", "Cedar"),
    ("a-first", "03", "Ash"), ("a-first", "03", "Birch"), ("a-first", "03", "Cedar"),
    ("b-later", "01", "Ash"), ("b-later", "01", "Birch"), ("b-later", "01", "Cedar"),
    ("b-later", "02", "Ash"),
    ("b-later", "03", "Ash"), ("b-later", "03", "Birch"), ("b-later", "03", "Cedar"),
]  # fmt: skip


@pytest.mark.parametrize("size", [1, 2, 4, 5, 7, 16, 100])
def test_every_page_size_gives_every_value_once_in_order(feed, size):
    found = []
    for number in range(1, -(-16 // size) + 1):  # every page, the last one part full
        count, values = _page(feed, page_size=size, page=number)
        assert count == 16
        found += values
    assert found == EVERY_VALUE


def test_filters_by_indicator_and_period_page_the_same(feed):
    assert _page(feed, indicator="b-later", page_size=2, page=2) == (7, [EVERY_VALUE[11], EVERY_VALUE[12]])
    count, values = _page(feed, period_start_from="2026-02-01", period_start_to="2026-02-28", page_size=3)
    assert (count, values) == (4, EVERY_VALUE[3:6])
    count, values = _page(
        feed, period_start_from="2026-02-01", period_start_to="2026-02-28", page=2, page_size=3
    )
    assert (count, values) == (4, EVERY_VALUE[12:13])


def test_the_agency_filter_still_works(feed):
    ash = AgencyFactory._meta.model.objects.get(name="Ash")
    count, values = _page(feed, agency=ash.pk, page_size=3, page=2)
    assert count == 6
    assert values == [v for v in EVERY_VALUE if v[2] == "Ash"][3:6]


def test_a_page_past_the_end_is_a_404_and_junk_a_400(feed):
    assert feed.get("/api/v1/values/", {"page": 9, "page_size": 10}).status_code == 404
    assert feed.get("/api/v1/values/", {"period_start_from": "soon"}).status_code == 400


def test_a_page_builds_only_its_own_values(feed, monkeypatch):
    made = []
    original = Submission.from_db.__func__

    def counting(cls, db, field_names, values, **kwargs):
        made.append(1)
        return original(cls, db, field_names, values, **kwargs)

    monkeypatch.setattr(Submission, "from_db", classmethod(counting))
    from learningloop.api.feed import serializers

    written = []
    original_rows = serializers.VALUE_ROWS.rows
    monkeypatch.setattr(
        serializers.VALUE_ROWS, "rows", lambda values: written.append(len(values)) or original_rows(values)
    )
    assert _page(feed, page_size=2, page=6)[1] == EVERY_VALUE[10:12]
    # Only the page's two values are read and written, as plain values: no Submission is built at all.
    assert written == [2]
    assert made == []


def test_indicators_count_their_providers_and_the_providers_feed_names_them_a_page_at_a_time(bu_officer):
    """The list says how many agencies provide each indicator, in a fixed number of queries however many
    there are; the providers feed names them (indicators in their order, then agencies by name), paged and
    filtered by the indicator's code; one indicator's own answer names its providers too."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _, secret = token_for(bu_officer)
    client = bearer(secret)
    visits = IndicatorFactory(
        code="visits", position=2, providers=[AgencyFactory(name=n) for n in ("Cedar", "Ash")]
    )

    def read(path="/api/v1/indicators/"):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert response.status_code == 200, response.content
        return len(queries.captured_queries), response.json()

    few, body = read()
    assert [(r["code"], r["providers_count"]) for r in body["results"]] == [("visits", 2)]
    assert "providers" not in body["results"][0]
    visits.providers.add(*[AgencyFactory(name=f"Birch {n}") for n in range(5)])
    IndicatorFactory(code="other", position=1, providers=[AgencyFactory(name="Beech")])
    IndicatorFactory(code="none", position=3)
    many, body = read()
    assert many <= few  # (the first read also records that the token was used)
    assert [(r["code"], r["providers_count"]) for r in body["results"]] == [
        ("other", 1),
        ("visits", 7),
        ("none", 0),
    ]

    birches = ["Birch 0", "Birch 1", "Birch 2", "Birch 3", "Birch 4"]
    _, providers = read("/api/v1/providers/")
    assert providers["count"] == 8
    assert [(r["indicator"], r["agency"]) for r in providers["results"]] == [
        ("other", "Beech"),
        *[("visits", name) for name in ["Ash", *birches, "Cedar"]],
    ]
    ash = providers["results"][1]
    assert ash["agency_id"] == visits.providers.get(name="Ash").pk
    _, second = read("/api/v1/providers/?indicator=visits&page_size=3&page=2")
    assert second["count"] == 7
    assert [r["agency"] for r in second["results"]] == ["Birch 2", "Birch 3", "Birch 4"]
    _, one = read(f"/api/v1/indicators/{visits.pk}/")
    assert one["providers"] == ["Ash", *birches, "Cedar"] and one["providers_count"] == 7
