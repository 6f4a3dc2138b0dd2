"""The agency contribution scorecard: data returns, embedding responses and actions on time, per agency,
each figure linking to its rows."""

import datetime

import pytest
import time_machine

from learningloop.core.contributions import percent
from learningloop.improvement.tests.factories import ActionFactory
from learningloop.performance.models import DataDue

from .factories import IndicatorFactory

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 6, 15, 9, 0), tick=False):
        yield


def test_percent_rounds_half_up_and_says_when_nothing_was_due():
    assert [percent(1, 3), percent(2, 3), percent(1, 8), percent(0, 0)] == [33, 67, 13, None]


def test_each_agency_on_time_with_links_to_the_rows(client, make_persona, home_agency, other_agency):
    indicator = IndicatorFactory(providers=[home_agency])
    # Three returns were due before today: two in on time, one late; one due later does not count yet.
    for start, due, done in [
        (D(2026, 1, 1), D(2026, 2, 20), D(2026, 2, 20)),
        (D(2026, 2, 1), D(2026, 3, 20), D(2026, 3, 1)),
        (D(2026, 3, 1), D(2026, 4, 22), D(2026, 4, 30)),
        (D(2026, 5, 1), D(2026, 6, 19), None),
    ]:
        DataDue.objects.create(
            indicator=indicator,
            agency=home_agency,
            period_start=start,
            period_end=start,
            due_on=due,
            done_on=done,
        )
    ActionFactory(
        owner_agency=home_agency,
        due_on=D(2026, 5, 1),
        status="completed",
        progress=100,
        completed_on=D(2026, 4, 30),
    )
    ActionFactory(owner_agency=home_agency, due_on=D(2026, 5, 1))  # open and overdue
    ActionFactory(owner_agency=home_agency, due_on=D(2026, 5, 1), status="cancelled")  # not counted
    client.force_login(make_persona("read_only"))
    html = client.get("/impact/agencies/").content.decode()
    row = html[html.index(">Northshire Police<") :]
    row = row[: row.index("</tr>")]
    assert "67%" in row and "2 of 3" in row  # data returns
    assert "50%" in row and "1 of 2" in row  # actions
    assert "Nothing due yet" in row  # no embedding responses
    assert f"/impact/late/?agency={home_agency.pk}" in row
    assert f"/actions/?agency={home_agency.pk}" in row
    page = client.get(f"/impact/agencies/{home_agency.pk}/").content.decode()
    assert "Data returns on time" in page and "67%" in page
