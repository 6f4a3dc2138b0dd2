"""The training demo: a year's programme with bookings, waiting lists, an offered place, cancellations,
attendance of every kind and evaluations at every stage, and a practitioner who can sign in."""

import pytest
from django.core.management import call_command

from learningloop.devdata.demo import workforce
from learningloop.workforce.models import Attendance, Booking, BookingStatus, Evaluation, EvaluationStage
from learningloop.workforce.tests.recount import recounted, stored, years_recounted, years_stored

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(settings, demo_seeded_for_module):
    """The demo, seeded once for the module (devdata/tests/conftest.py); each test starts from it afresh."""
    settings.DEBUG = True


def test_the_demo_has_every_state(seeded):
    statuses = set(Booking.objects.values_list("status", flat=True))
    assert {
        BookingStatus.BOOKED,
        BookingStatus.WAITING,
        BookingStatus.OFFERED,
        BookingStatus.CANCELLED,
    } <= statuses
    assert set(Attendance.values) <= set(Booking.objects.values_list("attendance", flat=True))
    assert set(EvaluationStage.values) <= set(Evaluation.objects.values_list("stage", flat=True))


def test_the_demo_sessions_tallies_equal_a_recount(seeded):
    """The demo writes its bookings past the services and counts their sessions once (ADR 0043)."""
    assert stored() and stored() == recounted()
    assert years_stored()[0] and years_stored() == years_recounted()  # the years' tallies (ADR 0049)


def test_the_practitioner_demo_login_signs_in_and_is_listed(seeded, client, capsys):
    response = client.post(
        "/accounts/login/", {"login": workforce.PRACTITIONER_EMAIL, "password": "learning-loop-demo"}
    )
    assert response.status_code == 302
    assert client.get("/training/mine/").status_code == 200
    call_command("seed_demo", "--logins")
    assert workforce.PRACTITIONER_EMAIL in capsys.readouterr().out


def test_seeding_twice_adds_nothing(seeded):
    before = Booking.objects.count()
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Booking.objects.count() == before
