"""The three-stage evaluation (when each stage opens, each link sent once), the certificate only after the
post-session evaluation, attendance with the manager told, and the computed results on the course page.
Expected figures are worked out by hand from the records each test makes."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError

from learningloop.core.models import Reminder
from learningloop.core.tests.worker import run_worker
from learningloop.partnership.models import Partnership
from learningloop.workforce import measures
from learningloop.workforce.bookings import services
from learningloop.workforce.models import Evaluation, PractitionerProfile, TrainingSettings
from learningloop.workforce.schedule import run_training_schedule

from .factories import BookingFactory, EvaluationFactory, PractitionerFactory, SessionFactory

pytestmark = pytest.mark.django_db

SESSION_DAY = datetime.date(2027, 3, 15)


@pytest.fixture(autouse=True)
def training_settings(db):
    partnership = Partnership.objects.create(
        name="Northshire Safeguarding Children Partnership", short_name="NSCP"
    )
    return TrainingSettings.objects.create(partnership=partnership, tell_manager_of_non_attendance=True)


def _deliver():
    # The worker closes its database connection after each task (right for a long-running worker);
    # inside the test's transaction that would end the test's own connection on PostgreSQL.
    run_worker()


def test_the_stages_open_in_turn(bu_officer):
    booking = BookingFactory(session=SessionFactory(date=SESSION_DAY))
    before = {"confidence": 2, "knowledge": 2}
    services.evaluation_record(booking=booking, stage="before", answers=before, today=SESSION_DAY)
    with pytest.raises(ValidationError, match="already given"):
        services.evaluation_record(booking=booking, stage="before", answers=before, today=SESSION_DAY)
    after = {"confidence": 4, "knowledge": 4, "learned": "How to escalate"}
    with pytest.raises(ValidationError, match="attendance has been recorded"):
        services.evaluation_record(booking=booking, stage="after", answers=after, today=SESSION_DAY)
    services.attendance_record(
        session=booking.session, marks={booking.pk: "attended"}, by=bu_officer, today=SESSION_DAY
    )
    booking.refresh_from_db()
    services.evaluation_record(booking=booking, stage="after", answers=after, today=SESSION_DAY)
    follow = {
        "practice_changed": True,
        "practice_change": "I use the escalation policy",
        "line_manager_name": "Mo",
    }
    # Six weeks after Monday 15 March 2027 is Monday 26 April 2027.
    with pytest.raises(ValidationError, match="26 April 2027"):
        services.evaluation_record(
            booking=booking, stage="follow_up", answers=follow, today=datetime.date(2027, 4, 25)
        )
    services.evaluation_record(
        booking=booking, stage="follow_up", answers=follow, today=datetime.date(2027, 4, 26)
    )
    assert Evaluation.objects.filter(booking=booking).count() == 3


def test_the_before_stage_closes_after_the_session():
    booking = BookingFactory(session=SessionFactory(date=SESSION_DAY))
    with pytest.raises(ValidationError, match="up to the day of the session"):
        services.evaluation_record(
            booking=booking,
            stage="before",
            answers={"confidence": 3, "knowledge": 3},
            today=SESSION_DAY + datetime.timedelta(days=1),
        )


def test_evaluation_links_go_once_at_the_right_time(bu_officer):
    booking = BookingFactory(session=SessionFactory(date=SESSION_DAY))
    services.attendance_record(
        session=booking.session, marks={booking.pk: "attended"}, by=bu_officer, today=SESSION_DAY
    )
    # Marking again sends nothing more.
    services.attendance_record(
        session=booking.session, marks={booking.pk: "attended"}, by=bu_officer, today=SESSION_DAY
    )
    assert list(Reminder.objects.values_list("kind", flat=True)) == ["training-evaluation-after"]
    # The follow-up link: not before six weeks (Monday 26 April 2027), once in the window.
    assert run_training_schedule(datetime.date(2027, 4, 25)) == 0
    assert run_training_schedule(datetime.date(2027, 4, 26)) == 1
    assert run_training_schedule(datetime.date(2027, 4, 27)) == 0
    # Eight weeks on (10 May 2027) it is no longer sent to anyone who has not had it.
    late = BookingFactory(session=SessionFactory(date=datetime.date(2027, 3, 1)), attendance="attended")
    assert run_training_schedule(datetime.date(2027, 4, 27)) == 0
    assert not Reminder.objects.filter(object_id=late.pk).exists()


def test_the_manager_is_told_of_non_attendance_when_the_partnership_says_so(
    bu_officer, training_settings, django_capture_on_commit_callbacks
):
    practitioner = PractitionerFactory()
    PractitionerProfile.objects.create(
        user=practitioner, job_title="Nurse", manager_name="Mo", manager_email="mo@nhs.example.org"
    )
    booking = BookingFactory(session=SessionFactory(date=SESSION_DAY), practitioner=practitioner)
    with django_capture_on_commit_callbacks(execute=True):
        services.attendance_record(
            session=booking.session, marks={booking.pk: "did_not_attend"}, by=bu_officer, today=SESSION_DAY
        )
    _deliver()
    assert [m.to for m in mail.outbox] == [["mo@nhs.example.org"]]
    training_settings.tell_manager_of_non_attendance = False
    training_settings.save()
    other = PractitionerFactory()
    PractitionerProfile.objects.create(user=other, job_title="Nurse", manager_email="boss@nhs.example.org")
    second = BookingFactory(session=booking.session, practitioner=other)
    services.attendance_record(
        session=booking.session, marks={second.pk: "late_cancellation"}, by=bu_officer, today=SESSION_DAY
    )
    assert not Reminder.objects.filter(recipient="boss@nhs.example.org").exists()


def test_attendance_cannot_be_marked_before_the_session(bu_officer):
    booking = BookingFactory(session=SessionFactory(date=SESSION_DAY))
    with pytest.raises(ValidationError, match="on or after the day"):
        services.attendance_record(
            session=booking.session,
            marks={booking.pk: "attended"},
            by=bu_officer,
            today=SESSION_DAY - datetime.timedelta(days=1),
        )


def test_the_certificate_only_after_the_post_session_evaluation(client, bu_officer):
    booking = BookingFactory(session=SessionFactory(date=SESSION_DAY))
    client.force_login(booking.practitioner)
    url = f"/training/bookings/{booking.pk}/certificate.pdf"
    assert client.get(url).status_code == 409
    services.attendance_record(
        session=booking.session, marks={booking.pk: "attended"}, by=bu_officer, today=SESSION_DAY
    )
    assert client.get(url).status_code == 409
    booking.refresh_from_db()
    services.evaluation_record(
        booking=booking,
        stage="after",
        answers={"confidence": 4, "knowledge": 4, "learned": "x"},
        today=SESSION_DAY,
    )
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    import io

    from pypdf import PdfReader

    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert booking.practitioner.full_name in text and booking.session.course.title in text


@time_machine.travel(datetime.datetime(2027, 6, 1, 9, 0))
def test_the_course_results(client, bu_officer):
    # Two delivered sessions of 10 places: 8 + 2 booked = 10 of 20 places (50% fill).
    first = SessionFactory(date=datetime.date(2027, 3, 1), capacity=10)
    second = SessionFactory(course=first.course, date=datetime.date(2027, 3, 8), capacity=10)
    SessionFactory(course=first.course, date=datetime.date(2027, 9, 1), capacity=10)  # not delivered yet
    marks = ["attended"] * 6 + ["did_not_attend", "late_cancellation"] + ["attended", ""]
    bookings = [BookingFactory(session=first, attendance=m) for m in marks[:8]] + [
        BookingFactory(session=second, attendance=m) for m in marks[8:]
    ]
    # Confidence before → after for three practitioners: 2→4, 3→4, 1→4: mean change +2.0.
    for booking, (before, after) in zip(bookings, [(2, 4), (3, 4), (1, 4)], strict=False):
        EvaluationFactory(booking=booking, stage="before", confidence=before, knowledge=2)
        EvaluationFactory(booking=booking, stage="after", confidence=after, knowledge=4)
    # Follow-ups: 3 of 4 report a change in practice (75%).
    for booking, changed in zip(bookings, [True, True, True, False], strict=False):
        EvaluationFactory(booking=booking, stage="follow_up", practice_changed=changed)
    results = measures.course_results(first.course)
    assert (results.sessions, results.places, results.booked) == (2, 20, 10)
    assert results.fill_rate == 0.5
    # 9 marked, 2 of them did not attend or cancelled late.
    assert (results.marked, results.non_attended) == (9, 2)
    assert results.confidence_change == 2.0
    assert results.practice_change_share == 0.75
    client.force_login(bu_officer)
    page = client.get(f"/training/courses/{first.course.pk}/").content.decode()
    assert "50% (10 of 20 places)" in page
    assert "22% (2 of 9 marked)" in page
    assert "+2.0 (3 practitioners)" in page
    assert "75% (3 of 4 follow-ups)" in page
