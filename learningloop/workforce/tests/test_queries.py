"""The training pages' query counts do not grow with the number of courses, sessions, bookings or
evaluations (the results and the annual review are database aggregates)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .factories import (
    BookingFactory,
    CourseFactory,
    EvaluationFactory,
    PractitionerFactory,
    SessionFactory,
    TrainerFactory,
)

pytestmark = pytest.mark.django_db


def _add(course, sessions, per_session):
    for i in range(sessions):
        session = SessionFactory(
            course=course, date=datetime.date(2026, 1, 5) + datetime.timedelta(days=7 * i)
        )
        session.trainers.add(TrainerFactory())
        for _ in range(per_session):
            booking = BookingFactory(session=session, attendance="attended")
            EvaluationFactory(booking=booking, stage="before", confidence=2, knowledge=2)
            EvaluationFactory(booking=booking, stage="after", confidence=4, knowledge=4)


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "url",
    [
        "/training/",
        "/training/courses/{course}/",
        "/training/sessions/{session}/",
        "/training/pool/",
        "/training/review/?year=2026",
    ],
)
def test_query_count_does_not_grow(officer_client, url):
    course = CourseFactory()
    _add(course, 1, 1)
    session = course.sessions.first()
    path = url.format(course=course.pk, session=session.pk)
    small = _count(officer_client, path)
    _add(course, 6, 4)
    for _ in range(5):
        _add(CourseFactory(), 1, 2)
    for _ in range(4):
        BookingFactory(session=session, attendance="did_not_attend")
    assert _count(officer_client, path) <= small


def test_my_training_does_not_grow_with_bookings(client):
    me = PractitionerFactory()
    BookingFactory(practitioner=me)
    client.force_login(me)
    small = _count(client, "/training/mine/")
    for _ in range(8):
        BookingFactory(practitioner=me, session=SessionFactory())
    assert _count(client, "/training/mine/") <= small
