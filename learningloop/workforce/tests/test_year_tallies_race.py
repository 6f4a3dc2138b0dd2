"""Two practitioners of one agency booking places on sessions of two courses in the same year at the same
moment: each write counts the agency's year again (ADR 0049), and the year's row is made if missing and
locked first, so the second waits for the first to commit and counts both bookings. Without it the second
counted the year from what was committed before the first's commit and overwrote it: one booking kept.
(Two bookings of one course already queue on the course, which booking locks with the session.)
PostgreSQL only (scripts/pg-test.sh): SQLite serialises writers anyway."""

import datetime
import threading
import time

import pytest
from django.db import connection, connections, transaction

from learningloop.workforce.bookings import services
from learningloop.workforce.models import YearAgencyTally, YearCourseTally

from .factories import PractitionerFactory, SessionFactory

DAY = datetime.date(2030, 3, 1)
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
]


def test_a_booking_counted_while_another_of_the_agencys_year_is_uncommitted_waits_for_it(home_agency):
    """The first booking's transaction stays open for a moment after counting the year; the second, by a
    practitioner of the same agency on a session of another course (booking locks the session and its
    course, not the agency), started in that moment, must wait and count both."""
    sessions = [SessionFactory(date=datetime.date(2030, 3, day)) for day in (12, 19)]
    people = [PractitionerFactory(agency=home_agency), PractitionerFactory(agency=home_agency)]
    counted = threading.Event()
    errors = []

    def first():
        try:
            with transaction.atomic():
                services.booking_create(session=sessions[0], practitioner=people[0], today=DAY)
                counted.set()
                time.sleep(1.5)  # still uncommitted while the second books
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            counted.set()
            connections.close_all()

    def second():
        try:
            counted.wait(timeout=30)
            services.booking_create(session=sessions[1], practitioner=people[1], today=DAY)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert not errors
    for session in sessions:
        year = YearCourseTally.objects.get(year=2030, course=session.course)
        assert (year.sessions, year.booked) == (1, 1)
    assert YearAgencyTally.objects.get(year=2030, agency=home_agency).booked == 2
