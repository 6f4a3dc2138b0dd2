"""Trainers provided on the agency contribution scorecard: the sessions delivered this calendar year with
one of the agency's trainers (a session once per agency; cancelled, last year's and future ones not)."""

import datetime

import pytest
import time_machine

from learningloop.partnership.tests.factories import PersonFactory

from ..models import SessionStatus
from ..programme.figures import trainers_provided
from .factories import SessionFactory, TrainerFactory

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 6, 15, 9, 0), tick=False):
        yield


@pytest.fixture
def sessions(home_agency, other_agency):
    police_1 = TrainerFactory(person=PersonFactory(agency=home_agency))
    police_2 = TrainerFactory(person=PersonFactory(agency=home_agency))
    health = TrainerFactory(person=PersonFactory(agency=other_agency))
    for day, trainers, status in [
        (D(2026, 2, 10), [police_1, health], SessionStatus.SCHEDULED),
        (D(2026, 3, 10), [police_1, police_2], SessionStatus.SCHEDULED),  # once for the Police
        (D(2026, 4, 10), [police_1], SessionStatus.CANCELLED),
        (D(2025, 11, 10), [police_1], SessionStatus.SCHEDULED),  # last year
        (D(2026, 7, 10), [health], SessionStatus.SCHEDULED),  # not given yet
    ]:
        SessionFactory(date=day, status=status).trainers.set(trainers)


def test_sessions_given_per_agency(sessions, home_agency, other_agency, django_assert_num_queries):
    with django_assert_num_queries(1):
        counts = trainers_provided([home_agency.pk, other_agency.pk], D(2026, 6, 15))
    assert counts == {
        home_agency.pk: (2, 0),
        other_agency.pk: (1, 0),
    }


def _scorecard_row(client, make_persona, agency_name):
    client.force_login(make_persona("read_only"))
    html = client.get("/impact/agencies/").content.decode()
    row = html[html.index(f">{agency_name}<") :]
    return row[: row.index("</tr>")]


def test_the_scorecard_shows_the_count_linking_to_the_trainer_pool(sessions, client, make_persona):
    row = _scorecard_row(client, make_persona, "Northshire Police")
    assert '2<span class="govuk-visually-hidden"> training sessions given by the agency' in row
    assert "sessions this year" in row and "/training/pool/" in row


def test_one_session_is_one_session(sessions, client, make_persona):
    """The hospital trust's trainer gave one session this year: "session this year" under the 1, not
    "sessions"."""
    row = _scorecard_row(client, make_persona, "Northshire Hospitals NHS Trust")
    assert '1<span class="govuk-visually-hidden"> training sessions given by the agency' in row
    assert ">session this year<" in row and "sessions this year" not in row


def test_the_pool_and_the_annual_review_count_each_session_once_per_agency_that_gave_it(
    sessions, home_agency, other_agency
):
    from ..models import Trainer

    SessionFactory(date=D(2026, 5, 5))  # no trainer: counts for no agency
    given = Trainer.objects.sessions_given_by_agency(start=D(2026, 1, 1), end=D(2026, 12, 31))
    # The Police: 10 February and 10 March (two of its trainers: once); Health: 10 February.
    assert given == {home_agency.name: 2, other_agency.name: 1}


def test_the_pools_sessions_by_agency_come_fifty_agencies_a_page(officer_client):
    """51 agencies (Agency 001 … 051) whose trainers each gave a session this year: the pool lists 50,
    with links to the 51st that keep the trainers' own page."""
    from learningloop.partnership.tests.factories import AgencyFactory

    for n in range(1, 52):
        trainer = TrainerFactory(person=PersonFactory(agency=AgencyFactory(name=f"Agency {n:03d}")))
        SessionFactory(date=D(2026, 3, 10)).trainers.set([trainer])
    first = officer_client.get("/training/pool/").text
    table = first[first.index('id="by-agency"') :]
    assert "Agency 050" in table and "Agency 051" not in table
    assert "51 agencies, 50 a page" in first and 'href="?agencies=2#by-agency"' in first
    # 51 trainers too: two paginations, each its own landmark name.
    assert (
        'aria-label="Pages of trainers"' in first
        and 'aria-label="Pages of sessions given by agency"' in first
    )
    second = officer_client.get("/training/pool/?agencies=2").text
    table = second[second.index('id="by-agency"') :]
    assert "Agency 051" in table and "Agency 001" not in table
