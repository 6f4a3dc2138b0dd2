"""The sessions' tallies (SessionTally per session, SessionAgencyTally per session and agency, ADR 0043) are
kept current by every write of a booking, an attendance mark, an evaluation or a practitioner's agency, and
equal to counting the bookings and evaluations again one by one (`recount.recounted`). Each write path is
also checked against figures counted by hand in the test. The annual training review and the results read
the tallies, never the bookings or the evaluations, so a write path that forgot to count its session again
would show here as a tally that differs from the recount and from the hand count."""

import datetime
import importlib
from types import SimpleNamespace

import pytest
import time_machine
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from learningloop.partnership.models import Partnership
from learningloop.workforce import measures
from learningloop.workforce.bookings import services
from learningloop.workforce.models import (
    Booking,
    BookingStatus,
    SessionAgencyTally,
    SessionStatus,
    SessionTally,
    TrainingSettings,
)
from learningloop.workforce.programme.services import session_cancel
from learningloop.workforce.review.content import review_for
from learningloop.workforce.tallies import session_tallies_update

from .factories import BookingFactory, CourseFactory, EvaluationFactory, PractitionerFactory, SessionFactory
from .recount import recounted, stored, years_recounted, years_stored

pytestmark = pytest.mark.django_db

SESSION_DAY = datetime.date(2027, 3, 15)  # a Monday
BEFORE_DAY = datetime.date(2027, 3, 1)  # in time to book and to cancel (the cut-off is 3 working days)
FOLLOW_UP_DAY = datetime.date(2027, 4, 26)  # six weeks after the session


@pytest.fixture(autouse=True)
def training_settings(db):
    partnership = Partnership.objects.create(
        name="Northshire Safeguarding Children Partnership", short_name="NSCP"
    )
    return TrainingSettings.objects.create(partnership=partnership, tell_manager_of_non_attendance=False)


@pytest.fixture
def people(home_agency, other_agency):
    """Two practitioners of the police, one of the health trust, one of no agency."""
    return {
        "p1": PractitionerFactory(agency=home_agency),
        "p2": PractitionerFactory(agency=home_agency),
        "n1": PractitionerFactory(agency=other_agency),
        "x": PractitionerFactory(agency=None),
    }


def assert_current(session=None):
    assert stored(session) == recounted(session)
    assert years_stored() == years_recounted()  # and the years' tallies above them (ADR 0049)


def test_booking_cancelling_and_taking_an_offered_place(people, home_agency, other_agency):
    session = SessionFactory(date=SESSION_DAY, capacity=2)
    police, health = (session.pk, home_agency.pk), (session.pk, other_agency.pk)
    first = services.booking_create(session=session, practitioner=people["p1"], today=BEFORE_DAY)
    assert stored(session) == ({session.pk: {"booked": 1}}, {police: {"booked": 1}})
    nurse = services.booking_create(session=session, practitioner=people["n1"], today=BEFORE_DAY)
    assert stored(session) == ({session.pk: {"booked": 2}}, {police: {"booked": 1}, health: {"booked": 1}})
    # Full: the second police officer waits, which counts for nothing.
    waiting = services.booking_create(session=session, practitioner=people["p2"], today=BEFORE_DAY)
    assert waiting.status == BookingStatus.WAITING
    assert stored(session) == ({session.pk: {"booked": 2}}, {police: {"booked": 1}, health: {"booked": 1}})
    # The nurse cancels: the health trust's row goes; the place is offered to the one waiting.
    services.booking_cancel(booking=nurse, today=BEFORE_DAY)
    assert stored(session) == ({session.pk: {"booked": 1}}, {police: {"booked": 1}})
    assert_current(session)
    services.booking_accept(booking=waiting, today=BEFORE_DAY)
    assert stored(session) == ({session.pk: {"booked": 2}}, {police: {"booked": 2}})
    assert_current(session)
    services.booking_cancel(booking=first, today=BEFORE_DAY)
    assert stored(session) == ({session.pk: {"booked": 1}}, {police: {"booked": 1}})
    assert_current(session)


def test_an_offer_not_taken_up_leaves_nothing_to_count(people, home_agency):
    session = SessionFactory(date=SESSION_DAY, capacity=1)
    booked = services.booking_create(session=session, practitioner=people["p1"], today=BEFORE_DAY)
    services.booking_create(session=session, practitioner=people["p2"], today=BEFORE_DAY)
    assert stored(session) == ({session.pk: {"booked": 1}}, {(session.pk, home_agency.pk): {"booked": 1}})
    services.booking_cancel(booking=booked, today=BEFORE_DAY)  # the place is offered to p2
    assert stored(session) == ({}, {})
    assert services.booking_expire_offers(today=datetime.date(2027, 3, 10)) == 1
    assert stored(session) == ({}, {})
    assert not SessionTally.objects.exists() and not SessionAgencyTally.objects.exists()
    assert_current(session)


@pytest.fixture
def held(people, bu_officer):
    """A session of 10 places held on 15 March 2027, taken through the services: attendance marked and the
    three stages of the evaluation given."""
    session = SessionFactory(date=SESSION_DAY, capacity=10)
    bookings = {
        name: services.booking_create(session=session, practitioner=person, today=BEFORE_DAY)
        for name, person in people.items()
    }
    record = services.evaluation_record
    record(
        booking=bookings["p1"], stage="before", answers={"confidence": 2, "knowledge": 3}, today=BEFORE_DAY
    )
    record(booking=bookings["p2"], stage="before", answers={"confidence": 4}, today=BEFORE_DAY)
    marks = {"p1": "attended", "p2": "did_not_attend", "n1": "late_cancellation", "x": "attended"}
    services.attendance_record(
        session=session, marks={bookings[n].pk: m for n, m in marks.items()}, by=bu_officer, today=SESSION_DAY
    )
    for name in ("p1", "x"):
        bookings[name].refresh_from_db()
    record(
        booking=bookings["p1"],
        stage="after",
        answers={"confidence": 5, "knowledge": 4, "learned": "Whom to call"},
        today=SESSION_DAY,
    )
    record(booking=bookings["x"], stage="after", answers={"confidence": 3}, today=SESSION_DAY)
    record(booking=bookings["p1"], stage="follow_up", answers={"practice_changed": True}, today=FOLLOW_UP_DAY)
    record(booking=bookings["x"], stage="follow_up", answers={"practice_changed": False}, today=FOLLOW_UP_DAY)
    return session, bookings


# Counted by hand from `held`: p1, p2 (police), n1 (health), x (no agency) booked and marked; p1 and x
# attended, p2 did not, n1 cancelled late. Before: p1 confidence 2, knowledge 3; p2 confidence 4, no
# knowledge -> 2 responses, confidence 2 + 4 = 6 of 2, knowledge 3 of 1. After: p1 5 and 4, x 3 and none ->
# 2 responses, confidence 8 of 2, knowledge 4 of 1. Follow-ups: p1 (practice changed) and x (not). One pair,
# p1's 2 -> 5: +3.
HELD = {
    "booked": 4, "marked": 4, "attended": 2, "non_attended": 2, "any_attended": 2, "any_non_attended": 2,
    "before_responses": 2, "before_confidence_sum": 6, "before_confidence_n": 2,
    "before_knowledge_sum": 3, "before_knowledge_n": 1,
    "after_responses": 2, "after_confidence_sum": 8, "after_confidence_n": 2,
    "after_knowledge_sum": 4, "after_knowledge_n": 1,
    "follow_up_responses": 2, "follow_up_changed": 1,
    "confidence_pairs": 1, "confidence_change_sum": 3,
}  # fmt: skip
HELD_BY_AGENCY = {
    "police": {"booked": 2, "attended": 1, "non_attended": 1},
    "health": {"booked": 1, "non_attended": 1},
    "none": {"booked": 1, "attended": 1},
}


def held_by_agency(session, home_agency, other_agency):
    return {
        (session.pk, home_agency.pk): HELD_BY_AGENCY["police"],
        (session.pk, other_agency.pk): HELD_BY_AGENCY["health"],
        (session.pk, None): HELD_BY_AGENCY["none"],
    }


def test_attendance_and_the_three_stages_of_evaluation(held, home_agency, other_agency):
    session, _ = held
    assert stored(session) == ({session.pk: HELD}, held_by_agency(session, home_agency, other_agency))
    assert_current(session)


@time_machine.travel(datetime.datetime(2027, 5, 1, 9, 0))
def test_the_results_and_the_review_of_the_held_session(held):
    session, _ = held
    results = measures.session_results(session)
    # 4 of 10 places; 4 marked, 2 attended, 2 did not (p2, n1); one pair, +3; 2 follow-ups, 1 changed.
    assert (results.sessions, results.places, results.booked, results.marked) == (1, 10, 4, 4)
    assert (results.attended, results.non_attended) == (2, 2)
    assert (results.confidence_pairs, results.confidence_change) == (1, 3.0)
    assert (results.follow_ups, results.practice_changed) == (2, 1)
    review = review_for(2027)
    assert review.by_course == [(session.course.title, 1, 10, 4, 2, 2)]
    # By name, practitioners of no agency last on both databases.
    assert review.by_agency == [
        ("Northshire Hospitals NHS Trust", 1, 0, 1),
        ("Northshire Police", 2, 1, 1),
        ("No agency", 1, 1, 0),
    ]
    # Before: 2 responses, confidence (2 + 4) / 2 = 3.0, knowledge 3 / 1; after: 2, (5 + 3) / 2 = 4.0, 4 / 1;
    # follow-up: 2 responses, no numbers, 1 changed.
    assert review.stages == [
        ("Before the session", 2, 3.0, 3.0, 0),
        ("Straight after the session", 2, 4.0, 4.0, 0),
        ("6 to 8 weeks later, with your line manager", 2, None, None, 1),
    ]


def test_marking_attendance_again_counts_the_change(held, bu_officer, home_agency):
    session, bookings = held
    services.attendance_record(
        session=session, marks={bookings["p2"].pk: "attended"}, by=bu_officer, today=SESSION_DAY
    )
    tally, by_agency = stored(session)
    # p2 now attended: 3 attended, 1 not (n1); the police's 2 both attended.
    assert (tally[session.pk]["attended"], tally[session.pk]["non_attended"]) == (3, 1)
    assert by_agency[(session.pk, home_agency.pk)] == {"booked": 2, "attended": 2}
    assert_current(session)


def test_cancelling_the_session_releases_its_places(people, home_agency):
    session = SessionFactory(date=SESSION_DAY, capacity=1)
    services.booking_create(session=session, practitioner=people["p1"], today=BEFORE_DAY)
    services.booking_create(session=session, practitioner=people["p2"], today=BEFORE_DAY)
    assert stored(session) == ({session.pk: {"booked": 1}}, {(session.pk, home_agency.pk): {"booked": 1}})
    session_cancel(session=session, expected_version=session.version)
    assert stored(session) == ({}, {})
    assert_current(session)


def test_a_practitioner_moved_to_another_agency_is_counted_there(
    held, admin_client_, home_agency, other_agency
):
    session, bookings = held
    p2 = bookings["p2"].practitioner
    url = reverse("accounts:user_edit", kwargs={"pk": p2.pk})
    data = {"agency": other_agency.pk, "roles": ["practitioner"], "is_active": "on", "version": p2.version}
    assert admin_client_.post(url, data).status_code == 302
    # p2 (booked, did not attend) leaves the police for the health trust; the session's figures stay.
    assert stored(session) == (
        {session.pk: HELD},
        {
            (session.pk, home_agency.pk): {"booked": 1, "attended": 1},
            (session.pk, other_agency.pk): {"booked": 2, "non_attended": 2},
            (session.pk, None): HELD_BY_AGENCY["none"],
        },
    )
    assert_current(session)


def test_the_factories_count_as_the_services_do(people):
    session = SessionFactory(date=SESSION_DAY)
    booking = BookingFactory(session=session, practitioner=people["p1"], attendance="attended")
    EvaluationFactory(booking=booking, stage="before", confidence=1, knowledge=2)
    EvaluationFactory(booking=booking, stage="after", confidence=4, knowledge=5)
    BookingFactory(session=session, practitioner=people["x"], status=BookingStatus.CANCELLED)
    assert stored(session)[0][session.pk]["confidence_change_sum"] == 3
    assert_current(session)


@time_machine.travel(datetime.datetime(2026, 12, 1, 9, 0))
def test_the_review_counts_what_it_counted_before_the_tallies(home_agency, other_agency):
    """Each figure of the review as it was defined on the bookings (counted by hand): the totals count the
    sessions held by today; by course, by agency and the stages count every scheduled session of the year;
    "attended" by course counts the marks on bookings of any status, by agency only the booked places'."""
    neglect = CourseFactory(title="Neglect: seeing the child")
    held = SessionFactory(course=neglect, date=datetime.date(2026, 5, 12), capacity=4)
    coming = SessionFactory(course=neglect, date=datetime.date(2026, 12, 10), capacity=6)  # not held yet
    SessionFactory(course=neglect, date=datetime.date(2026, 6, 1), status=SessionStatus.CANCELLED, capacity=9)
    other_year = SessionFactory(course=neglect, date=datetime.date(2025, 6, 1), capacity=9)
    police, nurse, nobody = (PractitionerFactory(agency=a) for a in (home_agency, other_agency, None))
    a = BookingFactory(session=held, practitioner=police, attendance="attended")
    EvaluationFactory(booking=a, stage="before", confidence=2, knowledge=2)
    EvaluationFactory(booking=a, stage="after", confidence=5, knowledge=4)
    b = BookingFactory(session=held, practitioner=nurse, attendance="did_not_attend")
    EvaluationFactory(booking=b, stage="before", confidence=3, knowledge=1)
    # A cancelled booking with a mark and evaluations: only the table by course counts its mark.
    c = BookingFactory(
        session=held, practitioner=nobody, status=BookingStatus.CANCELLED, attendance="attended"
    )
    EvaluationFactory(booking=c, stage="before", confidence=1, knowledge=1)
    EvaluationFactory(booking=c, stage="after", confidence=5, knowledge=5)
    d = BookingFactory(session=coming, practitioner=nobody)
    EvaluationFactory(booking=d, stage="before", confidence=4, knowledge=5)
    BookingFactory(session=coming, practitioner=police, status=BookingStatus.WAITING)
    BookingFactory(session=other_year, practitioner=police, attendance="attended")
    review = review_for(2026)
    # Totals: the held session only: 1 session, 4 places, 2 booked (a, b), 2 marked, 1 attended, 1 not;
    # a's pair 2 -> 5 (+3).
    totals = review.totals
    assert (totals.sessions, totals.places, totals.booked, totals.marked) == (1, 4, 2, 2)
    assert (totals.attended, totals.non_attended, totals.confidence_pairs) == (1, 1, 1)
    assert totals.confidence_change == 3.0
    # By course: held + coming: 2 sessions, 10 places, 3 booked (a, b, d), attended a and c, not b.
    assert review.by_course == [("Neglect: seeing the child", 2, 10, 3, 2, 1)]
    # By agency: the booked places of both: police a (attended), health b (not), no agency d (not marked).
    assert sorted(review.by_agency) == [
        ("No agency", 1, 0, 0),
        ("Northshire Hospitals NHS Trust", 1, 0, 1),
        ("Northshire Police", 1, 1, 0),
    ]
    # Stages, booked places only: before a 2/2, b 3/1, d 4/5 -> 3 responses, confidence 9/3, knowledge 8/3;
    # after a 5/4.
    label, n, confidence, knowledge, changed = review.stages[0]
    assert (n, confidence, knowledge, changed) == (3, 3.0, pytest.approx(8 / 3), 0)
    assert review.stages[1][1:] == (1, 5.0, 4.0, 0)
    assert review.stages[2][1:] == (0, None, None, 0)


def test_the_review_and_the_results_read_no_booking_or_evaluation(held):
    session, _ = held
    with CaptureQueriesContext(connection) as queries:
        review_for(2027)
        measures.session_results(session)
        measures.course_results(session.course)
    read = " ".join(query["sql"] for query in queries)
    # The totals add up a row per session; the tables by course and agency and the stages a row per
    # course or agency of the year (ADR 0049).
    assert "workforce_sessiontally" in read and "workforce_sessionagencytally" not in read
    assert "workforce_yearcoursetally" in read and "workforce_yearagencytally" in read
    assert "workforce_booking" not in read and "workforce_evaluation" not in read


def test_a_booking_written_past_the_services_is_counted_only_when_counted_again(people):
    """What the tallies' rule means for a data fix: a booking written straight to the table is not seen
    until session_tallies_update runs (the review reads the tallies alone)."""
    session = SessionFactory(date=datetime.date(2026, 5, 12))
    Booking.objects.create(session=session, practitioner=people["p1"], status=BookingStatus.BOOKED)
    assert review_for(2026).by_agency == []
    assert session_tallies_update() == 1
    assert review_for(2026).by_agency == [("Northshire Police", 1, 0, 0)]


def test_counting_everything_again_writes_each_row_once_and_drops_the_stale(held, people):
    session, bookings = held
    other = SessionFactory(date=SESSION_DAY)
    BookingFactory(session=other, practitioner=people["p1"])
    Booking.objects.filter(session=other).delete()  # a data fix past the services: its rows are stale
    assert (SessionTally.objects.count(), SessionAgencyTally.objects.count()) == (2, 4)
    assert session_tallies_update() == 1  # the held session
    assert (SessionTally.objects.count(), SessionAgencyTally.objects.count()) == (1, 3)
    assert_current()
    assert session_tallies_update(session_ids=[]) == 0


def test_the_migration_counts_the_bookings_already_saved(held, home_agency, other_agency):
    session, _ = held
    SessionTally.objects.all().delete()
    SessionAgencyTally.objects.all().delete()
    migration = importlib.import_module("learningloop.workforce.migrations.0003_session_tallies")
    migration.count_existing_bookings(apps, SimpleNamespace(connection=connection))
    assert stored(session) == ({session.pk: HELD}, held_by_agency(session, home_agency, other_agency))
    assert_current()
