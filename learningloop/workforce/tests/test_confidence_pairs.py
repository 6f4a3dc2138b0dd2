"""The change in confidence and the annual review's evaluation stages, counted by hand: the pairs come from
one GROUP BY over the bookings' before and after evaluations, the stages from one GROUP BY over the year's,
so the figures below must be exactly those a practitioner-by-practitioner reading gives."""

import datetime

import pytest
import time_machine

from learningloop.workforce import measures
from learningloop.workforce.review.content import review_for

from .factories import BookingFactory, EvaluationFactory, SessionFactory

pytestmark = pytest.mark.django_db

# Booking: (before confidence, after confidence); None = that stage not given, "blank" = given, no number.
#   A  2 -> 5   +3   a pair
#   B  3 -> -        before only: not a pair
#   C  - -> 4        after only: not a pair
#   D  4 -> 3   -1   a pair
#   E  blank -> 5    no number before: not a pair
#   F  1 -> 1    0   a pair
# Three pairs, mean change (3 - 1 + 0) / 3 = +0.67. A cancelled booking's 1 -> 5 does not count.
ROWS = {"A": (2, 5), "B": (3, None), "C": (None, 4), "D": (4, 3), "E": ("blank", 5), "F": (1, 1)}


@pytest.fixture
def evaluations(db):
    session = SessionFactory(date=datetime.date(2026, 3, 2), capacity=20)
    for before, after in ROWS.values():
        booking = BookingFactory(session=session)
        for stage, value in (("before", before), ("after", after)):
            if value is not None:
                confidence = None if value == "blank" else value
                EvaluationFactory(booking=booking, stage=stage, confidence=confidence, knowledge=3)
    cancelled = BookingFactory(session=session, status="cancelled")
    EvaluationFactory(booking=cancelled, stage="before", confidence=1, knowledge=1)
    EvaluationFactory(booking=cancelled, stage="after", confidence=5, knowledge=5)
    return session


@time_machine.travel(datetime.datetime(2026, 6, 1, 9, 0))
def test_only_practitioners_who_gave_both_numbers_make_the_change(evaluations):
    results = measures.session_results(evaluations)
    assert results.confidence_pairs == 3
    assert results.confidence_change == pytest.approx(2 / 3)
    assert measures.signed(results.confidence_change) == "+0.7"


@time_machine.travel(datetime.datetime(2026, 6, 1, 9, 0))
def test_the_review_counts_each_stage_of_the_years_booked_places(evaluations):
    stages = {label: rest for label, *rest in review_for(2026).stages}
    # Before: A, B, D, E, F gave it (5); numbers 2, 3, 4, 1 -> mean 2.5. After: A, C, D, E, F (5); numbers
    # 5, 4, 3, 5, 1 -> mean 3.6. Knowledge 3 everywhere. No follow-ups.
    assert stages["Before the session"] == [5, 2.5, 3.0, 0]
    assert stages["Straight after the session"] == [5, 3.6, 3.0, 0]
    assert stages["6 to 8 weeks later, with your line manager"] == [0, None, None, 0]
    assert review_for(2026).totals.confidence_pairs == 3
