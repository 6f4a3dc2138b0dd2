"""The training programme shows each course's next sessions. Found through the course index, a page of
courses' upcoming sessions read every session those courses ever had (about 12,500 at twice the large
partnership's scale, for 8 to come); the upcoming index (status, then date), or the course index by status
and date, reads only those to come."""

import datetime

import pytest
from django.db import connection

from learningloop.core.reminders import send_due_reminders
from learningloop.core.tests.query_plans import query_plan
from learningloop.workforce.models import Course, SessionStatus, TrainingSession

from .factories import CourseFactory, SessionFactory

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the plan checked is SQLite's")
def test_the_programme_finds_the_upcoming_sessions_by_date_not_by_every_past_session():
    courses = CourseFactory.create_batch(3)
    past = [
        TrainingSession(course=course, date=D(2016, 1, 4) + datetime.timedelta(days=n), capacity=20,
                        start_time=datetime.time(9, 30), end_time=datetime.time(12, 30), venue="Civic Centre",
                        status=SessionStatus.SCHEDULED)
        for course in courses for n in range(1500)
    ]  # fmt: skip
    TrainingSession.objects.bulk_create(past)
    soon = SessionFactory(course=courses[1], date=D(2026, 12, 10))
    later = SessionFactory(course=courses[0], date=D(2027, 1, 20))
    send_due_reminders(today=D(2026, 12, 3))  # the daily run gathers the planner's statistics
    page = Course.objects.order_by("title", "pk")[:50]
    upcoming = TrainingSession.objects.upcoming_for(page, D(2026, 12, 3))
    assert [s.pk for s in upcoming] == [soon.pk, later.pk]
    plan = query_plan(upcoming)
    # The upcoming index, or each course's sessions by status and date (ADR 0049): either reads the sessions
    # to come only, not every session the courses ever had.
    assert (
        "workforce_session_upcoming_idx" in plan
        or "workforce_session_course_idx (course_id=? AND status=? AND date>?)" in plan
    )
