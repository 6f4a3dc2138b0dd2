"""The business unit's home panel for training: the sessions in the next 10 working days, with the places
left and the waiting list, and the follow-up evaluations overdue.

Today is Wednesday 16 December 2026. The next 10 working days, counted on the calendar with Christmas Day
(Friday 25 December), the Boxing Day substitute (Monday 28 December) and New Year's Day (Friday 1 January)
skipped: 17, 18, 21, 22, 23, 24, 29, 30, 31 December and 4 January. So a session on Monday 4 January 2027
is shown and one on Tuesday 5 January is not.

A follow-up evaluation is given between six and eight weeks (56 days) after the session: for the session
of Tuesday 20 October 2026 the window closed on Tuesday 15 December, so it is overdue today; for Wednesday
21 October it closes today, so it is not overdue yet."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from learningloop.workforce.models import (
    Attendance,
    BookingStatus,
    EvaluationStage,
    SessionStatus,
)

from .factories import BookingFactory, CourseFactory, EvaluationFactory, SessionFactory

D = datetime.date
pytestmark = pytest.mark.django_db
HEADING = "Training sessions and evaluations"


@pytest.fixture(autouse=True)
def _today(time_machine):
    time_machine.move_to(datetime.datetime(2026, 12, 16, 9, 0), tick=False)


def _book(session, status, n, **extra):
    return [BookingFactory(session=session, status=status, **extra) for _ in range(n)]


@pytest.fixture
def data():
    neglect = SessionFactory(
        course=CourseFactory(title="Neglect: recognising it"), date=D(2026, 12, 17), capacity=10
    )
    _book(neglect, BookingStatus.BOOKED, 3)
    _book(neglect, BookingStatus.OFFERED, 1)
    _book(neglect, BookingStatus.CANCELLED, 2)
    exploitation = SessionFactory(
        course=CourseFactory(title="Child exploitation"), date=D(2027, 1, 4), capacity=2
    )
    _book(exploitation, BookingStatus.BOOKED, 2)
    _book(exploitation, BookingStatus.WAITING, 3)
    SessionFactory(course=CourseFactory(title="Too late for the panel"), date=D(2027, 1, 5))
    SessionFactory(
        course=CourseFactory(title="Called off"), date=D(2026, 12, 18), status=SessionStatus.CANCELLED
    )
    SessionFactory(course=CourseFactory(title="Already held"), date=D(2026, 12, 15))
    closed = SessionFactory(course=CourseFactory(title="Domestic abuse"), date=D(2026, 10, 20))
    attended = _book(closed, BookingStatus.BOOKED, 3, attendance=Attendance.ATTENDED)
    _book(closed, BookingStatus.BOOKED, 1, attendance=Attendance.DID_NOT_ATTEND)
    EvaluationFactory(booking=attended[0], stage=EvaluationStage.FOLLOW_UP, practice_changed=True)
    still_open = SessionFactory(course=CourseFactory(title="Still open follow-up"), date=D(2026, 10, 21))
    _book(still_open, BookingStatus.BOOKED, 2, attendance=Attendance.ATTENDED)
    return {"neglect": neglect, "exploitation": exploitation}


def _home(client):
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode()


def _rows(html):
    """The table rows of the panel's sessions, as (title, date, places left, waiting)."""
    import re

    table = html.split("Sessions in the next 10 working days", 1)[1].split("</table>", 1)[0]
    rows = []
    for row in re.findall(r"<tr class=\"govuk-table__row\">(.*?)</tr>", table, re.S)[1:]:
        cells = [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        rows.append(tuple(cells))
    return rows


def test_the_business_unit_sees_the_next_sessions_places_and_waiting_lists(data, persona_client):
    html = _home(persona_client("bu_officer"))
    assert HEADING in html
    assert "(to 4 January 2027)" in html
    assert _rows(html) == [
        ("Neglect: recognising it", "17 December 2026", "6", "0"),
        ("Child exploitation", "4 January 2027", "0", "3"),
    ]
    for not_shown in ("Too late for the panel", "Called off", "Already held"):
        assert not_shown not in html


def test_the_business_unit_sees_the_overdue_follow_up_evaluations(data, persona_client):
    html = _home(persona_client("bu_officer"))
    assert "Follow-up evaluations overdue (2)" in html
    assert "Domestic abuse, 20 October 2026</a>: 2 overdue" in html
    assert "Still open follow-up" not in html


def test_others_do_not_see_the_training_panel(data, persona_client):
    for persona in ("agency_lead", "group_chair", "scrutineer"):
        assert HEADING not in _home(persona_client(persona)), persona


def test_a_quiet_programme_takes_no_space(persona_client):
    assert HEADING not in _home(persona_client("bu_officer"))


def test_the_number_of_queries_does_not_grow_with_sessions_and_bookings(data, make_persona):
    client = Client()
    client.force_login(make_persona("bu_officer"))

    def count():
        with CaptureQueriesContext(connection) as queries:
            _home(client)
        return len(queries)

    few = count()
    for n in range(12):
        session = SessionFactory(course=CourseFactory(title=f"More {n}"), date=D(2026, 12, 21), capacity=3)
        _book(session, BookingStatus.BOOKED, 3)
        _book(session, BookingStatus.WAITING, 2)
        old = SessionFactory(course=CourseFactory(title=f"Old {n}"), date=D(2026, 9, 1))
        _book(old, BookingStatus.BOOKED, 2, attendance=Attendance.ATTENDED)
    assert count() == few


def test_the_overdue_follow_ups_follow_attendance_marked_again(data, persona_client, make_persona):
    """Domestic abuse: three attended, one of them gave the follow-up, so two are owed. Marking one of the
    other two as not attended after all leaves one; a session held more than a year ago (the panel's
    look-back) is not counted however many are owed."""
    from learningloop.workforce.bookings.services import attendance_record
    from learningloop.workforce.models import Booking

    old = SessionFactory(course=CourseFactory(title="Long ago"), date=D(2025, 11, 30))
    _book(old, BookingStatus.BOOKED, 4, attendance=Attendance.ATTENDED)
    owed = (
        Booking.objects.filter(session__course__title="Domestic abuse", attendance=Attendance.ATTENDED)
        .exclude(evaluations__stage=EvaluationStage.FOLLOW_UP)
        .order_by("pk")
        .first()
    )
    attendance_record(
        session=owed.session, marks={owed.pk: Attendance.DID_NOT_ATTEND}, by=make_persona("bu_admin")
    )
    html = _home(persona_client("bu_officer"))
    assert "Follow-up evaluations overdue (1)" in html
    assert "Domestic abuse, 20 October 2026</a>: 1 overdue" in html
    assert "Long ago" not in html
