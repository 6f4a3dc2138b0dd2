"""The training programme's results feed the dataset (ADR 0031): after a quarter ends, the daily run writes
the partnership's fill rate, non-attendance, change in confidence and share reporting a change in practice
as values of the matching indicators; later runs add nothing unless the results changed, and a value an
agency entered by hand is never overwritten."""

import datetime
from decimal import Decimal

import pytest
import time_machine

from learningloop.core.reminders import send_due_reminders
from learningloop.performance.models import Category, DataDue, Frequency, Submission, Unit
from learningloop.workforce.models import Attendance, SessionStatus
from learningloop.workforce.tests.factories import BookingFactory, EvaluationFactory, SessionFactory

from .factories import IndicatorFactory

pytestmark = pytest.mark.django_db
D = datetime.date
TODAY = D(2026, 7, 15)


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 7, 15, 9, 0), tick=False):
        yield


def _indicator(code, business_unit, unit=Unit.PERCENTAGE, category=Category.HOW_WELL):
    return IndicatorFactory(
        code=code,
        frequency=Frequency.QUARTERLY,
        unit=unit,
        category=category,
        collect_from=D(2026, 4, 1),
        providers=[business_unit],
    )


@pytest.fixture
def quarter(business_unit):
    """April to June 2026: two sessions held with 30 places, 20 taken; one cancelled (30 places, ignored);
    one in July (next quarter, not ended)."""
    may = SessionFactory(date=D(2026, 5, 10), capacity=20)
    june = SessionFactory(date=D(2026, 6, 10), capacity=10)
    SessionFactory(date=D(2026, 6, 20), capacity=30, status=SessionStatus.CANCELLED)
    july = SessionFactory(date=D(2026, 7, 10), capacity=10)
    # Attendance marked for ten of May's fifteen: eight came, one cancelled late, one did not attend.
    marks = [Attendance.ATTENDED] * 8 + [Attendance.LATE_CANCELLATION, Attendance.DID_NOT_ATTEND] + [""] * 5
    may_bookings = [BookingFactory(session=may, attendance=mark) for mark in marks]
    for _ in range(5):
        BookingFactory(session=june)
    for _ in range(10):
        BookingFactory(session=july)
    # Confidence before and after from two: 2 -> 4 and 3 -> 4 (a mean change of +1.5).
    for booking, (before, after) in zip(may_bookings, [(2, 4), (3, 4)], strict=False):
        EvaluationFactory(booking=booking, stage="before", confidence=before, knowledge=2)
        EvaluationFactory(booking=booking, stage="after", confidence=after, knowledge=4)
    # Four follow-ups, three reporting a change in practice.
    for booking, changed in zip(may_bookings, [True, True, True, False], strict=False):
        EvaluationFactory(booking=booking, stage="follow_up", practice_changed=changed)
    return may_bookings


def _value(indicator, business_unit, start=D(2026, 4, 1)):
    row = Submission.objects.get(indicator=indicator, agency=business_unit, period_start=start)
    return row.value, row.numerator, row.denominator


def test_a_quarters_training_results_become_the_partnerships_values(
    quarter, business_unit, client, make_persona
):
    fill = _indicator("m38", business_unit)
    practice = _indicator("m39", business_unit, category=Category.BETTER_OFF)
    absence = _indicator("training-non-attendance", business_unit)
    confidence = _indicator("training-confidence-change", business_unit, Unit.COUNT, Category.BETTER_OFF)
    send_due_reminders(today=TODAY)
    assert _value(fill, business_unit) == (Decimal("66.67"), 20, 30)  # 20 of 30 places
    assert _value(practice, business_unit) == (Decimal("75.00"), 3, 4)
    assert _value(absence, business_unit) == (Decimal("20.00"), 2, 10)
    assert _value(confidence, business_unit) == (Decimal("1.50"), None, None)
    # Only the ended quarter: July's session waits for July to September to end.
    assert Submission.objects.filter(indicator=fill).count() == 1
    # The partnership's return for the quarter is met.
    assert (
        DataDue.objects.get(indicator=fill, agency=business_unit, period_start=D(2026, 4, 1)).done_on == TODAY
    )
    client.force_login(make_persona("read_only"))
    page = client.get(f"/impact/indicators/{fill.pk}/").content.decode()
    assert "Latest: <strong>66.67%</strong> (Q1 2026-27)" in page


def test_later_runs_add_nothing_until_the_results_change(quarter, business_unit):
    practice = _indicator("m39", business_unit, category=Category.BETTER_OFF)
    send_due_reminders(today=TODAY)
    send_due_reminders(today=TODAY)
    assert Submission.objects.filter(indicator=practice).count() == 1
    # A late follow-up saying practice changed: 4 of 5.
    EvaluationFactory(booking=quarter[4], stage="follow_up", practice_changed=True)
    send_due_reminders(today=D(2026, 7, 16))
    assert _value(practice, business_unit) == (Decimal("80.00"), 4, 5)
    assert Submission.objects.filter(indicator=practice).count() == 1


def test_a_value_entered_by_hand_is_kept(quarter, business_unit):
    fill = _indicator("m38", business_unit)
    Submission.objects.create(
        indicator=fill, agency=business_unit, period_start=D(2026, 4, 1), period_end=D(2026, 6, 30), value=70
    )
    send_due_reminders(today=TODAY)
    assert _value(fill, business_unit) == (Decimal("70.00"), None, None)


def test_an_indicator_with_no_source_gets_no_values(quarter, business_unit):
    other = _indicator("m40", business_unit, Unit.COUNT)
    send_due_reminders(today=TODAY)
    assert not Submission.objects.filter(indicator=other).exists()
