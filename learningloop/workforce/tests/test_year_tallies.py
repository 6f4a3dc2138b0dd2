"""The years' tallies (ADR 0049): each course's and each agency's figures over a calendar year's scheduled
sessions, kept in the transaction of every write that changes them, so that the annual training review
reads a row per course or agency, not a row per session of the year. Expected figures are counted here by
hand; `years_recounted` (recount.py) adds them up from the bookings one by one."""

import datetime
import re

import pytest
import time_machine

from learningloop.partnership.models import Partnership
from learningloop.workforce import measures
from learningloop.workforce.bookings import services
from learningloop.workforce.models import TrainingSettings
from learningloop.workforce.programme.services import session_cancel
from learningloop.workforce.tallies import year_tallies_update

from .factories import CourseFactory, PractitionerFactory, SessionFactory
from .recount import years_recounted, years_stored

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture(autouse=True)
def training_settings(db):
    partnership = Partnership.objects.create(name="Northshire Safeguarding Children Partnership")
    return TrainingSettings.objects.create(partnership=partnership, tell_manager_of_non_attendance=False)


def _session_body(session, **changes):
    body = {
        "date-day": str(session.date.day),
        "date-month": str(session.date.month),
        "date-year": str(session.date.year),
        "start_time": "09:30",
        "end_time": "12:30",
        "venue": session.venue,
        "capacity": str(session.capacity),
        "version": str(session.version),
    }
    return body | changes


def test_every_write_of_a_session_and_its_bookings_moves_its_years_figures(
    officer_client, home_agency, other_agency
):
    course, other_course = CourseFactory(), CourseFactory()
    march = SessionFactory(course=course, date=D(2026, 3, 10), capacity=10)
    june = SessionFactory(course=course, date=D(2026, 6, 9), capacity=20)
    SessionFactory(course=other_course, date=D(2027, 2, 1), capacity=5)
    police, nurse, nobody = (
        PractitionerFactory(agency=home_agency),
        PractitionerFactory(agency=other_agency),
        PractitionerFactory(agency=None),
    )
    # Three sessions: two of the course in 2026 (30 places), one of the other in 2027 (5).
    assert years_stored() == (
        {
            (2026, course.pk): {"sessions": 2, "places": 30},
            (2027, other_course.pk): {"sessions": 1, "places": 5},
        },
        {},
    )
    services.booking_create(session=march, practitioner=police, today=D(2026, 3, 1))
    services.booking_create(session=june, practitioner=nurse, today=D(2026, 6, 1))
    services.booking_create(session=june, practitioner=nobody, today=D(2026, 6, 1))
    assert years_stored() == (
        {
            (2026, course.pk): {"sessions": 2, "places": 30, "booked": 3},
            (2027, other_course.pk): {"sessions": 1, "places": 5},
        },
        {
            (2026, home_agency.pk): {"booked": 1},
            (2026, other_agency.pk): {"booked": 1},
            (2026, None): {"booked": 1},
        },
    )
    # June's session moves to January 2027 with 25 places: its places and bookings go with it.
    edited = officer_client.post(
        f"/training/sessions/{june.pk}/edit",
        _session_body(june, **{"date-day": "12", "date-month": "1", "date-year": "2027", "capacity": "25"}),
    )
    assert edited.status_code == 302
    assert years_stored() == (
        {
            (2026, course.pk): {"sessions": 1, "places": 10, "booked": 1},
            (2027, course.pk): {"sessions": 1, "places": 25, "booked": 2},
            (2027, other_course.pk): {"sessions": 1, "places": 5},
        },
        {
            (2026, home_agency.pk): {"booked": 1},
            (2027, other_agency.pk): {"booked": 1},
            (2027, None): {"booked": 1},
        },
    )
    # A new session of the course in 2026, then March's cancelled: 2026 keeps only the new one.
    created = officer_client.post(
        f"/training/courses/{course.pk}/sessions/new",
        {"date-day": "3", "date-month": "11", "date-year": "2026", "start_time": "10:00", "end_time": "12:00",
         "venue": "Civic Centre", "capacity": "12"},
    )  # fmt: skip
    assert created.status_code == 302
    march.refresh_from_db()
    cancelled = officer_client.post(f"/training/sessions/{march.pk}/cancel", {"version": march.version})
    assert cancelled.status_code == 302
    assert years_stored() == (
        {
            (2026, course.pk): {"sessions": 1, "places": 12},
            (2027, course.pk): {"sessions": 1, "places": 25, "booked": 2},
            (2027, other_course.pk): {"sessions": 1, "places": 5},
        },
        {(2027, other_agency.pk): {"booked": 1}, (2027, None): {"booked": 1}},
    )
    assert years_stored() == years_recounted()
    # Counting every year again from the sessions' tallies writes the same rows.
    year_tallies_update()
    assert years_stored() == years_recounted()


@time_machine.travel(datetime.datetime(2026, 12, 4, 9, 0))
def test_the_years_results_are_the_sessions_delivered_so_far(home_agency, bu_officer):
    """Today is 4 December 2026. 2026: held in March (10 places, 2 booked, 1 attended, 1 did not attend),
    cancelled in May (30 places, not counted), still to come on 20 December (8 places, 1 booked: not
    delivered yet). 2025: one held (6 places, 1 booked). 2027: nothing delivered yet."""
    course = CourseFactory()
    march = SessionFactory(course=course, date=D(2026, 3, 10), capacity=10)
    may = SessionFactory(course=course, date=D(2026, 5, 12), capacity=30)
    december = SessionFactory(course=course, date=D(2026, 12, 20), capacity=8)
    earlier = SessionFactory(course=course, date=D(2025, 9, 1), capacity=6)
    SessionFactory(course=course, date=D(2027, 1, 5), capacity=9)
    booking_day = D(2025, 8, 1)
    for session, places in ((earlier, 1), (march, 2), (may, 1), (december, 1)):
        for _ in range(places):
            practitioner = PractitionerFactory(agency=home_agency)
            services.booking_create(session=session, practitioner=practitioner, today=booking_day)
    came, missed = march.bookings.order_by("pk")
    marks = {came.pk: "attended", missed.pk: "did_not_attend"}
    services.attendance_record(session=march, marks=marks, by=bu_officer, today=D(2026, 3, 10))
    may.refresh_from_db()
    session_cancel(session=may, expected_version=may.version)
    results = measures.year_results(2026)
    assert (results.sessions, results.places, results.booked) == (1, 10, 2)
    assert (results.marked, results.attended, results.non_attended) == (2, 1, 1)
    before = measures.year_results(2025)
    assert (before.sessions, before.places, before.booked) == (1, 6, 1)
    nothing = measures.year_results(2027)
    assert (nothing.sessions, nothing.places, nothing.booked, nothing.fill_rate) == (0, 0, 0, None)
    # The same as results_for over the year's sessions, which reads a row per session.
    for year in (2025, 2026, 2027):
        assert measures.year_results(year) == measures.results_for(course.sessions.filter(date__year=year))


def _table(page, key):
    table = re.search(rf'<table class="govuk-table" id="{key}">.*?</table>', page, re.S).group(0)
    return re.findall(r'<tr class="govuk-table__row"><td class="govuk-table__cell">(.*?)</td>', table, re.S)


def test_the_review_pages_its_tables_by_course_and_agency_fifty_rows_at_a_time(officer_client):
    courses = [CourseFactory(title=f"Course {n:03d}") for n in range(1, 52)]  # Course 001 … Course 051
    for course in courses:
        SessionFactory(course=course, date=D(2026, 5, 12))
    first = officer_client.get("/training/review/?year=2026").text
    assert _table(first, "courses") == [f"Course {n:03d}" for n in range(1, 51)]
    assert "51 courses, 50 a page" in first
    assert 'href="?year=2026&amp;courses=2#courses"' in first
    assert first.count('aria-label="Pages of the table of courses"') == 1
    second = officer_client.get("/training/review/?year=2026&courses=2").text
    assert _table(second, "courses") == ["Course 051"]
    # The other tables keep their first page; a junk page number shows the first.
    agencies = re.search(r'<table class="govuk-table" id="agencies">.*?</table>', second, re.S).group(0)
    assert "None." in agencies
    assert (
        _table(officer_client.get("/training/review/?year=2026&courses=junk").text, "courses")[0]
        == "Course 001"
    )
