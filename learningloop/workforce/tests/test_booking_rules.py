"""Booking rules: capacity, the waiting list in the order people joined, the cancellation cut-off counted in
working days across bank holidays, the automatic offer of a freed place and its time limit, and each email
sent once. Expected dates are counted on a calendar (England's bank holidays)."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from learningloop.core.models import Reminder
from learningloop.core.tests.worker import run_worker
from learningloop.partnership.models import Partnership
from learningloop.workforce.bookings import services
from learningloop.workforce.models import BookingStatus, TrainingSettings
from learningloop.workforce.rules import cancellation_cutoff, offer_expiry
from learningloop.workforce.schedule import run_training_schedule

from .factories import BookingFactory, PractitionerFactory, SessionFactory

pytestmark = pytest.mark.django_db(transaction=False)

MON_12_APRIL_2027 = datetime.date(2027, 4, 12)


@pytest.fixture
def settings_row(db):
    partnership = Partnership.objects.create(
        name="Northshire Safeguarding Children Partnership", short_name="NSCP"
    )
    return TrainingSettings.objects.create(
        partnership=partnership, cancellation_cutoff_working_days=3, offer_working_days=2
    )


def _deliver():
    """The worker sends what was queued."""
    # The worker closes its database connection after each task (right for a long-running worker);
    # inside the test's transaction that would end the test's own connection on PostgreSQL.
    run_worker()


def _kinds():
    return sorted(Reminder.objects.values_list("kind", flat=True))


def test_places_then_the_waiting_list_in_order(settings_row, django_capture_on_commit_callbacks):
    session = SessionFactory(capacity=2, date=datetime.date(2027, 3, 15))
    today = datetime.date(2027, 3, 1)
    people = [PractitionerFactory() for _ in range(4)]
    with django_capture_on_commit_callbacks(execute=True):
        bookings = [services.booking_create(session=session, practitioner=p, today=today) for p in people]
    _deliver()
    assert [b.status for b in bookings] == ["booked", "booked", "waiting", "waiting"]
    # The two with a place got their joining instructions, once each.
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people[:2])
    with pytest.raises(ValidationError, match="already have a place"):
        services.booking_create(session=session, practitioner=people[0], today=today)


def test_a_freed_place_goes_to_the_first_waiting_then_lapses_to_the_next(settings_row):
    session = SessionFactory(capacity=1, date=datetime.date(2027, 3, 26))  # a Friday
    today = datetime.date(2027, 3, 1)  # Monday
    first = services.booking_create(session=session, practitioner=PractitionerFactory(), today=today)
    waiting_a = services.booking_create(session=session, practitioner=PractitionerFactory(), today=today)
    waiting_b = services.booking_create(session=session, practitioner=PractitionerFactory(), today=today)

    services.booking_cancel(booking=first, today=today)
    waiting_a.refresh_from_db()
    waiting_b.refresh_from_db()
    assert waiting_a.status == BookingStatus.OFFERED and waiting_b.status == BookingStatus.WAITING
    # 2 working days from Monday 1 March 2027: Wednesday 3 March.
    assert waiting_a.offer_expires_on == datetime.date(2027, 3, 3)
    assert "training-place-offered" in _kinds()

    # Not accepted by Wednesday: on Thursday the offer lapses and the place goes to the next person.
    run_training_schedule(datetime.date(2027, 3, 4))
    waiting_a.refresh_from_db()
    waiting_b.refresh_from_db()
    assert waiting_a.status == BookingStatus.OFFER_LAPSED
    assert waiting_b.status == BookingStatus.OFFERED
    with pytest.raises(ValidationError, match="no place on offer"):
        services.booking_accept(booking=waiting_a, today=datetime.date(2027, 3, 4))
    accepted = services.booking_accept(booking=waiting_b, today=datetime.date(2027, 3, 5))
    assert accepted.status == BookingStatus.BOOKED


def test_an_offer_accepted_after_its_date_is_refused(settings_row):
    session = SessionFactory(capacity=1, date=datetime.date(2027, 3, 26))
    today = datetime.date(2027, 3, 1)
    first = services.booking_create(session=session, practitioner=PractitionerFactory(), today=today)
    waiting = services.booking_create(session=session, practitioner=PractitionerFactory(), today=today)
    services.booking_cancel(booking=first, today=today)
    with pytest.raises(ValidationError, match="expired"):
        services.booking_accept(booking=waiting, today=datetime.date(2027, 3, 4))


def test_the_cut_off_counts_working_days_across_the_easter_bank_holidays(settings_row):
    # Session on Tuesday 30 March 2027... no: Easter 2027 is Good Friday 26 March, Easter Monday 29 March.
    # A session on Wednesday 31 March 2027, 3 working days before: Tue 30, (Mon 29 and Fri 26 holidays),
    # Thu 25, Wed 24 -> the cut-off is Wednesday 24 March 2027.
    session = SessionFactory(date=datetime.date(2027, 3, 31))
    assert cancellation_cutoff(session) == datetime.date(2027, 3, 24)
    booking = services.booking_create(
        session=session, practitioner=PractitionerFactory(), today=datetime.date(2027, 3, 1)
    )
    with pytest.raises(ValidationError, match="24 March 2027"):
        services.booking_cancel(booking=booking, today=datetime.date(2027, 3, 25))
    services.booking_cancel(booking=booking, today=datetime.date(2027, 3, 24))
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED


def test_leaving_a_waiting_list_is_allowed_after_the_cut_off(settings_row):
    session = SessionFactory(capacity=1, date=datetime.date(2027, 3, 31))
    services.booking_create(
        session=session, practitioner=PractitionerFactory(), today=datetime.date(2027, 3, 1)
    )
    waiting = services.booking_create(
        session=session, practitioner=PractitionerFactory(), today=datetime.date(2027, 3, 1)
    )
    services.booking_cancel(booking=waiting, today=datetime.date(2027, 3, 30))
    waiting.refresh_from_db()
    assert waiting.status == BookingStatus.CANCELLED


def test_an_offer_never_runs_past_the_day_before_the_session(settings_row):
    session = SessionFactory(date=datetime.date(2027, 3, 3))  # Wednesday
    assert offer_expiry(session, datetime.date(2027, 3, 1)) == datetime.date(2027, 3, 2)


def test_a_full_session_books_nobody_else(settings_row):
    session = SessionFactory(capacity=1)
    BookingFactory(session=session)
    booking = services.booking_create(
        session=session, practitioner=PractitionerFactory(), today=datetime.date(2027, 3, 1)
    )
    assert booking.status == BookingStatus.WAITING


def test_a_past_or_cancelled_session_cannot_be_booked(settings_row):
    session = SessionFactory(date=datetime.date(2027, 3, 1))
    with pytest.raises(ValidationError, match="no longer open"):
        services.booking_create(
            session=session, practitioner=PractitionerFactory(), today=datetime.date(2027, 3, 2)
        )


def test_the_reminder_goes_once_two_working_days_before(settings_row, django_capture_on_commit_callbacks):
    settings_row.reminder_working_days = 2
    settings_row.save()
    # Session on Tuesday 4 May 2027; Monday 3 May is the Early May bank holiday: 2 working days before is
    # Thursday 29 April 2027.
    session = SessionFactory(date=datetime.date(2027, 5, 4))
    booking = BookingFactory(session=session)
    assert run_training_schedule(datetime.date(2027, 4, 28)) == 0
    with django_capture_on_commit_callbacks(execute=True):
        assert run_training_schedule(datetime.date(2027, 4, 29)) == 1
        assert run_training_schedule(datetime.date(2027, 4, 30)) == 0  # once, however often it runs
    _deliver()
    assert [m.to[0] for m in mail.outbox] == [booking.practitioner.email]
    assert "Reminder" in mail.outbox[0].subject
