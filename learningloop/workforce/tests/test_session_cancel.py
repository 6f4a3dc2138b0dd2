"""Cancelling a session: everyone booked, offered a place or waiting is told once, by an email with a link
to their booking and nothing else about the session's people; their places are released."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from learningloop.core.tests.worker import run_worker
from learningloop.workforce.models import BookingStatus, SessionStatus

from .factories import BookingFactory, PractitionerFactory, SessionFactory

pytestmark = pytest.mark.django_db


def _deliver():
    # The worker closes its database connection after each task (right for a long-running worker);
    # inside the test's transaction that would end the test's own connection on PostgreSQL.
    run_worker()


def test_cancelling_a_session_tells_everyone_booked_or_waiting_once_and_releases_their_places(
    officer_client, django_capture_on_commit_callbacks
):
    session = SessionFactory(
        capacity=2,
        date=datetime.date(2027, 3, 15),
        joining_instructions="Door code 4471, ask for Room 3",
    )
    booked = BookingFactory(
        session=session,
        status=BookingStatus.BOOKED,
        practitioner=PractitionerFactory(full_name="Bea Booked", email="bea@school.example.org"),
    )
    offered = BookingFactory(
        session=session,
        status=BookingStatus.OFFERED,
        practitioner=PractitionerFactory(full_name="Ola Offered", email="ola@icb.example.org"),
    )
    waiting = BookingFactory(
        session=session,
        status=BookingStatus.WAITING,
        practitioner=PractitionerFactory(full_name="Wes Waiting", email="wes@police.example.org"),
    )
    # Already cancelled by the practitioner: not told again. On another session: not told at all.
    gone = BookingFactory(
        session=session,
        status=BookingStatus.CANCELLED,
        practitioner=PractitionerFactory(email="gone@council.example.org"),
    )
    other = BookingFactory(
        status=BookingStatus.BOOKED, practitioner=PractitionerFactory(email="other@council.example.org")
    )

    url = reverse("workforce:session_cancel", args=[session.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = officer_client.post(url, {"version": session.version})
    assert response.status_code == 302
    _deliver()

    session.refresh_from_db()
    assert session.status == SessionStatus.CANCELLED
    for booking, status in [
        (booked, BookingStatus.SESSION_CANCELLED),
        (offered, BookingStatus.SESSION_CANCELLED),
        (waiting, BookingStatus.SESSION_CANCELLED),
        (gone, BookingStatus.CANCELLED),
        (other, BookingStatus.BOOKED),
    ]:
        booking.refresh_from_db()
        assert booking.status == status, booking.practitioner.email
    assert booked.cancelled_at is not None

    by_address = {m.to[0]: m for m in mail.outbox}
    assert sorted(by_address) == ["bea@school.example.org", "ola@icb.example.org", "wes@police.example.org"]
    assert len(mail.outbox) == 3
    for booking in (booked, offered, waiting):
        message = by_address[booking.practitioner.email]
        assert message.subject.startswith("Session cancelled: ")
        assert "15 March 2027" in message.subject
        body = message.body
        assert reverse("workforce:booking_detail", kwargs={"pk": booking.pk}) in body
        # A link, not the joining instructions nor anyone else's name.
        assert "4471" not in body
        others = {"Bea Booked", "Ola Offered", "Wes Waiting"} - {booking.practitioner.full_name}
        assert not any(name in body for name in others)
    assert "waiting list" in by_address["wes@police.example.org"].body
    assert "released" in by_address["bea@school.example.org"].body

    # The booking page says so, with no joining instructions left on it.
    from django.test import Client

    practitioner = Client()
    practitioner.force_login(booked.practitioner)
    page = practitioner.get(reverse("workforce:booking_detail", kwargs={"pk": booked.pk})).content.decode()
    assert "This session was cancelled by the partnership" in page
    assert "Session cancelled" in page
    assert "4471" not in page

    # Cancelling again (a second click, a stale form) sends nothing more.
    session.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        officer_client.post(url, {"version": session.version})
    _deliver()
    assert len(mail.outbox) == 3


def test_the_places_freed_by_a_cancelled_session_are_not_offered_to_anyone(
    officer_client, django_capture_on_commit_callbacks
):
    session = SessionFactory(capacity=1, date=datetime.date(2027, 3, 15))
    BookingFactory(session=session, status=BookingStatus.BOOKED)
    waiting = BookingFactory(session=session, status=BookingStatus.WAITING)
    with django_capture_on_commit_callbacks(execute=True):
        officer_client.post(
            reverse("workforce:session_cancel", args=[session.pk]), {"version": session.version}
        )
    _deliver()
    waiting.refresh_from_db()
    assert waiting.status == BookingStatus.SESSION_CANCELLED
    assert [m.subject.split(":")[0] for m in mail.outbox] == ["Session cancelled", "Session cancelled"]
