"""Status, trend and the partnership value, at their boundaries (hand-worked tables)."""

import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest

from learningloop.performance import measures
from learningloop.performance.models import Frequency, Polarity, Unit
from learningloop.performance.periods import next_period, period_containing, period_ending, periods_between


def indicator(polarity=Polarity.HIGHER, target="85", tolerance="5", unit=Unit.PERCENTAGE, ratio=True):
    return SimpleNamespace(
        polarity=polarity,
        target=None if target is None else Decimal(target),
        tolerance=None if tolerance is None else Decimal(tolerance),
        unit=unit,
        is_ratio=ratio,
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("90", "On target"),
        ("85", "On target"),  # exactly on the target is on target
        ("84.99", "Within tolerance"),
        ("80", "Within tolerance"),  # exactly the tolerance short is still within it
        ("79.99", "Off target"),
        ("0", "Off target"),
        (None, "No data"),
    ],
)
def test_status_when_higher_is_better(value, expected):
    assert measures.status(indicator(), None if value is None else Decimal(value)).text == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("15", "On target"),
        ("20", "On target"),
        ("20.01", "Within tolerance"),
        ("22.5", "Within tolerance"),
        ("22.51", "Off target"),
    ],
)
def test_status_when_lower_is_better(value, expected):
    # Re-referrals: target 20%, tolerance 2.5 points.
    assert measures.status(indicator(Polarity.LOWER, "20", "2.5"), Decimal(value)).text == expected


def test_no_tolerance_means_any_miss_is_off_target_and_no_target_is_said():
    assert measures.status(indicator(tolerance=None), Decimal("84.99")).text == "Off target"
    assert measures.status(indicator(target=None, tolerance=None), Decimal("50")).text == "No target set"


@pytest.mark.parametrize(
    ("polarity", "values", "expected"),
    [
        (Polarity.HIGHER, [80, 82], "Improving"),
        (Polarity.HIGHER, [82, 80], "Getting worse"),
        (Polarity.HIGHER, [80, 80], "No change"),
        (Polarity.LOWER, [22, 20], "Improving"),
        (Polarity.LOWER, [20, 22], "Getting worse"),
        (Polarity.HIGHER, [80, None, 81], "Improving"),  # a missing period is skipped, not read as zero
        (Polarity.HIGHER, [80], "Not enough data"),
        (Polarity.HIGHER, [None, None], "Not enough data"),
    ],
)
def test_trend_follows_the_polarity(polarity, values, expected):
    values = [None if v is None else Decimal(v) for v in values]
    assert measures.trend(indicator(polarity), values).label == expected


def test_values_from_numerator_and_denominator():
    assert measures.value_from(Unit.PERCENTAGE, 17, 20) == Decimal("85.00")
    assert measures.value_from(Unit.PERCENTAGE, 2, 3) == Decimal("66.67")  # half up
    assert measures.value_from(Unit.RATE_10K, 408, 100000) == Decimal("40.80")


def test_the_partnership_value_pools_numerators_and_adds_counts():
    a = SimpleNamespace(value=Decimal("50"), numerator=Decimal(5), denominator=Decimal(10))
    b = SimpleNamespace(value=Decimal("100"), numerator=Decimal(30), denominator=Decimal(30))
    # 35 of 40 is 87.5%, not the mean of 50% and 100%.
    assert measures.partnership_value(indicator(), [a, b]) == Decimal("87.50")
    counts = indicator(unit=Unit.COUNT, ratio=False)
    assert (
        measures.partnership_value(
            counts, [SimpleNamespace(value=Decimal(3)), SimpleNamespace(value=Decimal(4))]
        )
        == 7
    )
    assert measures.partnership_value(counts, []) is None


def test_went_the_desired_way():
    assert measures.went_the_desired_way(indicator(Polarity.LOWER), Decimal(24), Decimal(20)) is True
    assert measures.went_the_desired_way(indicator(Polarity.LOWER), Decimal(20), Decimal(20)) is False
    assert measures.went_the_desired_way(indicator(), Decimal(80), None) is None


@pytest.mark.parametrize(
    ("frequency", "day", "start", "end", "label"),
    [
        (
            Frequency.MONTHLY,
            datetime.date(2026, 2, 14),
            datetime.date(2026, 2, 1),
            datetime.date(2026, 2, 28),
            "Feb 2026",
        ),
        (
            Frequency.MONTHLY,
            datetime.date(2028, 2, 29),
            datetime.date(2028, 2, 1),
            datetime.date(2028, 2, 29),
            "Feb 2028",
        ),
        (
            Frequency.QUARTERLY,
            datetime.date(2026, 5, 1),
            datetime.date(2026, 4, 1),
            datetime.date(2026, 6, 30),
            "Q1 2026-27",
        ),
        (
            Frequency.QUARTERLY,
            datetime.date(2027, 3, 31),
            datetime.date(2027, 1, 1),
            datetime.date(2027, 3, 31),
            "Q4 2026-27",
        ),
        (
            Frequency.ANNUAL,
            datetime.date(2026, 3, 31),
            datetime.date(2025, 4, 1),
            datetime.date(2026, 3, 31),
            "2025-26",
        ),
        (
            Frequency.TERMLY,
            datetime.date(2026, 10, 5),
            datetime.date(2026, 9, 1),
            datetime.date(2026, 12, 31),
            "Autumn term 2026",
        ),
        (
            Frequency.TERMLY,
            datetime.date(2026, 7, 31),
            datetime.date(2026, 4, 1),
            datetime.date(2026, 7, 31),
            "Summer term 2026",
        ),
    ],
)
def test_periods_follow_the_frequency(frequency, day, start, end, label):
    period = period_containing(frequency, day)
    assert (period.start, period.end, period.label) == (start, end, label)


def test_august_is_no_term_and_the_next_term_is_autumn():
    assert period_containing(Frequency.TERMLY, datetime.date(2026, 8, 10)) is None
    summer = period_containing(Frequency.TERMLY, datetime.date(2026, 5, 1))
    assert next_period(Frequency.TERMLY, summer).label == "Autumn term 2026"
    assert [
        p.label
        for p in periods_between(Frequency.QUARTERLY, datetime.date(2025, 4, 1), datetime.date(2025, 12, 31))
    ] == [
        "Q1 2025-26",
        "Q2 2025-26",
        "Q3 2025-26",
    ]
    assert period_ending(Frequency.MONTHLY, datetime.date(2026, 2, 27)) is None
