"""The England and Wales working-day calendar, checked against real bank holidays 2020–2030."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from learningloop.core.workdays import (
    add_working_days,
    is_working_day,
    next_working_day,
    previous_working_day,
    working_days_between,
)

D = datetime.date


@pytest.mark.parametrize(
    "day",
    [
        # Christmas 2021 fell on Saturday/Sunday: substitute days Monday 27 and Tuesday 28 December.
        D(2021, 12, 27),
        D(2021, 12, 28),
        # New Year 2022 fell on a Saturday: substitute day Monday 3 January.
        D(2022, 1, 3),
        # 2022 one-off holidays: Platinum Jubilee (2 and 3 June) and the State Funeral (19 September).
        D(2022, 6, 2),
        D(2022, 6, 3),
        D(2022, 9, 19),
        # Christmas Day 2022 was a Sunday: Boxing Day Monday 26, substitute Tuesday 27 December.
        D(2022, 12, 26),
        D(2022, 12, 27),
        # The Coronation of King Charles III.
        D(2023, 5, 8),
        # VE Day 75: the early May bank holiday moved to Friday 8 May 2020.
        D(2020, 5, 8),
        # Easter 2024.
        D(2024, 3, 29),
        D(2024, 4, 1),
        # Ordinary fixed holidays across the range.
        D(2025, 12, 25),
        D(2030, 1, 1),
    ],
)
def test_bank_holidays_are_not_working_days(day):
    assert day.weekday() < 5
    assert not is_working_day(day)


@pytest.mark.parametrize(
    "day",
    [
        D(2020, 5, 4),  # the usual first Monday of May was a working day in 2020
        D(2022, 5, 30),  # the spring bank holiday moved to 2 June in 2022
        D(2022, 12, 28),
        D(2023, 5, 9),
        D(2024, 4, 2),
    ],
)
def test_ordinary_weekdays_are_working_days(day):
    assert is_working_day(day)


def test_weekends_are_not_working_days():
    assert not is_working_day(D(2024, 6, 1))  # Saturday
    assert not is_working_day(D(2024, 6, 2))  # Sunday


def test_datetimes_are_read_as_their_date():
    assert not is_working_day(datetime.datetime(2023, 5, 8, 9, 30))


def test_add_working_days_over_christmas_2022():
    # Tuesday 20 December 2022: Wed 21, Thu 22, Fri 23 (weekend, then the 26th and 27th are holidays),
    # Wed 28, Thu 29. So five working days later is Thursday 29 December, six is Friday 30 December.
    assert add_working_days(D(2022, 12, 20), 5) == D(2022, 12, 29)
    assert add_working_days(D(2022, 12, 20), 6) == D(2022, 12, 30)
    assert working_days_between(D(2022, 12, 20), D(2022, 12, 30)) == 6


def test_add_working_days_over_christmas_and_new_year_2021():
    # Friday 24 December 2021 -> 27, 28 (substitutes), 31 Dec... next working days are 29, 30, 31 Dec,
    # then 3 January 2022 is New Year's substitute day, so the 4th working day is 4 January 2022.
    assert add_working_days(D(2021, 12, 24), 1) == D(2021, 12, 29)
    assert add_working_days(D(2021, 12, 24), 3) == D(2021, 12, 31)
    assert add_working_days(D(2021, 12, 24), 4) == D(2022, 1, 4)


def test_papers_out_five_working_days_before_a_meeting():
    # A meeting on Thursday 9 June 2022: the Jubilee Thursday and Friday (2, 3 June) do not count.
    assert add_working_days(D(2022, 6, 9), -5) == D(2022, 5, 31)
    # A meeting on Tuesday 9 May 2023, the day after the Coronation holiday.
    assert add_working_days(D(2023, 5, 9), -5) == D(2023, 4, 28)


def test_easter_2024():
    assert add_working_days(D(2024, 3, 28), 1) == D(2024, 4, 2)
    assert working_days_between(D(2024, 3, 28), D(2024, 4, 2)) == 1
    assert add_working_days(D(2024, 4, 2), -1) == D(2024, 3, 28)


def test_ve_day_2020():
    assert add_working_days(D(2020, 5, 7), 1) == D(2020, 5, 11)
    assert add_working_days(D(2020, 5, 1), 1) == D(2020, 5, 4)


def test_zero_working_days_rolls_forward_only_from_a_non_working_day():
    assert add_working_days(D(2024, 6, 5), 0) == D(2024, 6, 5)
    assert add_working_days(D(2022, 12, 24), 0) == D(2022, 12, 28)


def test_adding_from_a_non_working_day_counts_from_the_next_one():
    assert add_working_days(D(2024, 6, 1), 1) == D(2024, 6, 3)  # Saturday + 1 -> Monday
    assert add_working_days(D(2024, 6, 1), -1) == D(2024, 5, 31)  # Saturday - 1 -> Friday


def test_next_and_previous_working_day():
    assert next_working_day(D(2022, 12, 23)) == D(2022, 12, 28)
    assert previous_working_day(D(2022, 12, 28)) == D(2022, 12, 23)
    assert next_working_day(D(2022, 12, 31)) == D(2023, 1, 3)  # 2 January 2023 was New Year's substitute


def test_working_days_between_conventions():
    assert working_days_between(D(2024, 6, 3), D(2024, 6, 3)) == 0
    assert working_days_between(D(2024, 6, 3), D(2024, 6, 4)) == 1  # after start, up to and including end
    assert working_days_between(D(2024, 6, 4), D(2024, 6, 3)) == -1
    assert working_days_between(D(2024, 5, 31), D(2024, 6, 2)) == 0  # just a weekend
    assert working_days_between(D(2022, 1, 1), D(2022, 12, 31)) == 250  # 260 weekdays, 10 of them holidays
    start, end = D(2019, 12, 31), D(2030, 12, 31)
    walked = sum(is_working_day(start + datetime.timedelta(days=i)) for i in range(1, (end - start).days + 1))
    assert working_days_between(start, end) == walked


days_2020s = st.dates(min_value=D(2020, 1, 1), max_value=D(2030, 12, 31))
steps = st.integers(min_value=-300, max_value=300)


@given(day=days_2020s, n=st.integers(min_value=1, max_value=300))
def test_adding_a_positive_number_of_days_lands_on_a_working_day(day, n):
    result = add_working_days(day, n)
    assert is_working_day(result)
    assert result > day


@given(day=days_2020s, n=steps)
def test_adding_then_counting_gives_the_same_number(day, n):
    start = add_working_days(day, 0)  # a working day
    assert working_days_between(start, add_working_days(start, n)) == n


@given(a=days_2020s, b=days_2020s)
def test_counting_is_antisymmetric_and_matches_a_day_by_day_walk(a, b):
    assert working_days_between(a, b) == -working_days_between(b, a)
    lo, hi = sorted((a, b))
    if (hi - lo).days <= 400:
        walked = sum(is_working_day(lo + datetime.timedelta(days=i)) for i in range(1, (hi - lo).days + 1))
        assert working_days_between(lo, hi) == walked
