"""The training pages as people use them: a session's own trainer marks its attendance (another person of
the same role cannot); a practitioner's cancellation after the cut-off is refused with the date, nothing
changed; bad input on the programme's forms comes back with errors and saves nothing."""

import datetime

import pytest

from learningloop.accounts.tests.factories import UserFactory
from learningloop.core.policy import Role
from learningloop.partnership.tests.factories import PersonFactory
from learningloop.workforce.models import Booking, BookingStatus, Course, TrainingSession

from .factories import BookingFactory, CourseFactory, SessionFactory, TrainerFactory

pytestmark = pytest.mark.django_db

YESTERDAY = datetime.date.today() - datetime.timedelta(days=1)


def test_a_sessions_own_trainer_marks_attendance(client, home_agency):
    trainer_user = UserFactory(agency=home_agency, roles=[Role.AGENCY_MEMBER])
    trainer = TrainerFactory(person=PersonFactory(agency=home_agency, user=trainer_user))
    session = SessionFactory(date=YESTERDAY)
    session.trainers.add(trainer)
    booking = BookingFactory(session=session)
    client.force_login(trainer_user)
    response = client.post(f"/training/sessions/{session.pk}/attendance", {f"b{booking.pk}": "attended"})
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.attendance == "attended"
    client.force_login(UserFactory(agency=home_agency, roles=[Role.AGENCY_MEMBER]))
    assert client.get(f"/training/sessions/{session.pk}/attendance").status_code == 403


def test_a_cancellation_after_the_cut_off_is_refused(client):
    booking = BookingFactory(session=SessionFactory(date=datetime.date.today() + datetime.timedelta(days=1)))
    client.force_login(booking.practitioner)
    response = client.post(f"/training/bookings/{booking.pk}/cancel", follow=True)
    assert "could be cancelled until" in response.content.decode()
    booking.refresh_from_db()
    assert booking.status == BookingStatus.BOOKED


@pytest.mark.parametrize(
    ("path", "body", "message"),
    [
        ("/training/courses/new", {"title": "", "duration_minutes": "ten"}, "Enter the course title"),
        (
            "/training/courses/new",
            {"title": "X", "duration_minutes": "5"},
            "A course lasts at least 15 minutes",
        ),
    ],
)
def test_bad_course_input_saves_nothing(officer_client, path, body, message):
    response = officer_client.post(path, body)
    assert response.status_code == 200 and message in response.content.decode()
    assert not Course.objects.exists()


def test_a_session_needs_a_venue_or_a_link(officer_client):
    course = CourseFactory()
    body = {"date-day": "3", "date-month": "3", "date-year": "2031",
            "start_time": "10:00", "end_time": "09:00",
            "capacity": "0"}  # fmt: skip
    page = officer_client.post(f"/training/courses/{course.pk}/sessions/new", body).content.decode()
    for message in ("A session has at least 1 place", "Enter a venue or a joining link"):
        assert message in page
    assert not TrainingSession.objects.exists()
    assert not Booking.objects.exists()
