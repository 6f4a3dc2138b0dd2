"""Two practitioners booking the last place at the same moment: exactly one gets it, the other joins the
waiting list. The booking locks the session row (select_for_update), so on PostgreSQL the second waits for
the first to commit and then counts the place as taken. Runs on PostgreSQL only (scripts/pg-test.sh);
SQLite has no row locks and serialises writers anyway."""

import datetime
import threading

import pytest
from django.db import connection, connections

from learningloop.workforce.bookings import services
from learningloop.workforce.models import Booking, BookingStatus

from .factories import PractitionerFactory, SessionFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
]


def test_two_people_booking_the_last_place_at_once():
    session = SessionFactory(capacity=1, date=datetime.date(2030, 3, 15))
    people = [PractitionerFactory(), PractitionerFactory()]
    start = threading.Barrier(2)
    results, errors = [], []

    def book(person):
        try:
            start.wait()
            results.append(
                services.booking_create(session=session, practitioner=person, today=datetime.date(2030, 3, 1))
            )
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=book, args=(p,)) for p in people]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert not errors
    statuses = sorted(Booking.objects.filter(session=session).values_list("status", flat=True))
    assert statuses == [BookingStatus.BOOKED, BookingStatus.WAITING]
