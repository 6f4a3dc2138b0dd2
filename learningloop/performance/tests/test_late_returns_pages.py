"""The late and missing returns page read a page at a time: agencies by name, the newest period first,
split across pages where the 50 rows end, with the total and the agency filter, in a fixed number of
queries however many late returns the partnership has had."""

import calendar
import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from learningloop.partnership.tests.factories import AgencyFactory
from learningloop.performance.models import DataDue

from .factories import IndicatorFactory

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 6, 15, 9, 0), tick=False):
        yield


def _months(first_year, first_month, n):
    year, month = first_year, first_month
    for _ in range(n):
        yield D(year, month, 1), D(year, month, calendar.monthrange(year, month)[1])
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def _dues(indicator, agency, months, how):
    for start, end in months:
        due = end + datetime.timedelta(days=20)
        done = {"late": due + datetime.timedelta(days=3), "on time": due, "missing": None}[how]
        DataDue.objects.create(
            indicator=indicator, agency=agency, period_start=start, period_end=end, due_on=due, done_on=done
        )


@pytest.fixture
def register():
    """Made in this order on purpose (not the order of their names):
    Calder Health: 15 late (January 2024 to March 2025), 10 on time, 1 not due yet;
    Ashdale Police: 20 late (January 2024 to August 2025);
    Brookfield Academy: 20 late (January 2024 to August 2025) and 5 missing (September 2025 to January 2026).
    60 late or missing in all."""
    calder = AgencyFactory(name="Calder Health")
    ashdale = AgencyFactory(name="Ashdale Police")
    brookfield = AgencyFactory(name="Brookfield Academy")
    indicator = IndicatorFactory(name="Referrals", providers=[calder, ashdale, brookfield])
    _dues(indicator, calder, _months(2024, 1, 15), "late")
    _dues(indicator, calder, _months(2025, 4, 10), "on time")
    DataDue.objects.create(
        indicator=indicator, agency=calder, period_start=D(2026, 5, 1), period_end=D(2026, 5, 31),
        due_on=D(2026, 6, 30),
    )  # fmt: skip
    _dues(indicator, ashdale, _months(2024, 1, 20), "late")
    _dues(indicator, brookfield, _months(2024, 1, 20), "late")
    _dues(indicator, brookfield, _months(2025, 9, 5), "missing")
    return {"calder": calder, "ashdale": ashdale, "brookfield": brookfield, "indicator": indicator}


def _rows(html):
    body = html[html.index("<tbody") : html.index("</tbody>")]
    rows = []
    for row in body.split("<tr")[1:]:
        cells = [c.split("</td>")[0] for c in row.split("<td")[1:]]
        agency = cells[0].split(">", 1)[1].strip()
        period = cells[2].split(">", 1)[1].strip()
        rows.append((agency, period))
    return rows


def test_the_rows_come_by_agency_name_then_newest_period_across_two_pages(client, bu_officer, register):
    client.force_login(bu_officer)
    html = client.get("/impact/late/").content.decode()
    assert "60 late or missing returns" in html
    first = _rows(html)
    assert len(first) == 50
    assert first[0] == ("Ashdale Police", "1 August 2025 to 31 August 2025")
    assert first[19] == ("Ashdale Police", "1 January 2024 to 31 January 2024")
    assert first[20] == ("Brookfield Academy", "1 January 2026 to 31 January 2026")  # missing, newest
    assert first[24] == ("Brookfield Academy", "1 September 2025 to 30 September 2025")
    assert first[25] == ("Brookfield Academy", "1 August 2025 to 31 August 2025")  # came in late
    assert first[44] == ("Brookfield Academy", "1 January 2024 to 31 January 2024")
    assert first[45:] == [
        ("Calder Health", "1 March 2025 to 31 March 2025"),
        ("Calder Health", "1 February 2025 to 28 February 2025"),
        ("Calder Health", "1 January 2025 to 31 January 2025"),
        ("Calder Health", "1 December 2024 to 31 December 2024"),
        ("Calder Health", "1 November 2024 to 30 November 2024"),
    ]
    second = _rows(client.get("/impact/late/?page=2").content.decode())
    assert second == [("Calder Health", f"1 {m} 2024 to {last} {m} 2024") for m, last in [
        ("October", 31), ("September", 30), ("August", 31), ("July", 31), ("June", 30),
        ("May", 31), ("April", 30), ("March", 31), ("February", 29), ("January", 31),
    ]]  # fmt: skip
    # Past the end: the first page, as on every list.
    assert _rows(client.get("/impact/late/?page=9").content.decode()) == first


def test_the_statuses_and_the_agency_filter(client, bu_officer, register):
    client.force_login(bu_officer)
    html = client.get(f"/impact/late/?agency={register['brookfield'].pk}").content.decode()
    assert "25 late or missing returns" in html
    rows = _rows(html)
    assert {agency for agency, _ in rows} == {"Brookfield Academy"} and len(rows) == 25
    body = html[html.index("<tbody") : html.index("</tbody>")]
    assert body.count("Overdue by") == 5 and body.count("Met late") == 20
    html = client.get(f"/impact/late/?agency={register['calder'].pk}").content.decode()
    assert "15 late or missing returns" in html  # the on-time and not-yet-due returns are not listed


def test_an_agency_sees_only_its_own(client, make_persona, register):
    lead = make_persona("agency_lead")
    lead.agency = register["ashdale"]
    lead.save()
    client.force_login(lead)
    html = client.get("/impact/late/").content.decode()
    assert "20 late or missing returns" in html
    assert {agency for agency, _ in _rows(html)} == {"Ashdale Police"}


def test_the_queries_do_not_grow_with_the_late_returns(client, bu_officer, register):
    client.force_login(bu_officer)

    def queries(path):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200
        return len(captured)

    before = queries("/impact/late/?page=2")
    more = AgencyFactory(name="Aardvark Housing")
    _dues(register["indicator"], more, _months(2020, 1, 60), "late")
    assert queries("/impact/late/?page=2") == before
