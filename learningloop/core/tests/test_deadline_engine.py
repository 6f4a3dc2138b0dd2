"""The deadline engine on its own: rules in working days, weeks and months; the reminder schedule; the
one status tag. Every expected date was counted by hand on a calendar. Christmas 2026: Friday 25 December
and Monday 28 December (Boxing Day is a Saturday, so its substitute is the Monday) are bank holidays, and
so is Friday 1 January 2027."""

import datetime

import pytest

from learningloop.core.deadlines import (
    DUE_SOON,
    DUE_TODAY,
    OVERDUE,
    Direction,
    ReminderSchedule,
    Rule,
    Unit,
    compute_due,
    deadline_status,
    due_soon_until,
)
from learningloop.core.presenters import StatusTag

D = datetime.date


@pytest.mark.parametrize(
    "start, amount, unit, direction, due, why",
    [
        # Papers 5 working days before a meeting on Tuesday 5 January 2027: 4 Jan, 31, 30, 29, 24 Dec.
        (D(2027, 1, 5), 5, Unit.WORKING_DAYS, Direction.BEFORE, D(2026, 12, 24), "skips 1 Jan, 28, 25 Dec"),
        # Minutes 2 weeks after a meeting on Thursday 17 December 2026: calendar weeks, holidays or not.
        (D(2026, 12, 17), 2, Unit.WEEKS, Direction.AFTER, D(2026, 12, 31), "two calendar weeks"),
        (D(2027, 1, 14), 1, Unit.WEEKS, Direction.BEFORE, D(2027, 1, 7), "a week before"),
        # 5 working days after Wednesday 23 December 2026: 24, 29, 30, 31 Dec, 4 Jan.
        (D(2026, 12, 23), 5, Unit.WORKING_DAYS, Direction.AFTER, D(2027, 1, 4), "over Christmas"),
        (D(2026, 8, 31), 6, Unit.MONTHS, Direction.AFTER, D(2027, 2, 28), "end of a short month"),
        (D(2026, 12, 21), 10, Unit.CALENDAR_DAYS, Direction.AFTER, D(2026, 12, 31), "calendar days"),
    ],
)
def test_rules_count_working_days_weeks_and_months(start, amount, unit, direction, due, why):
    assert compute_due(start, amount, unit, direction) == due, why
    assert Rule("x", amount, unit, direction).compute(start) == due, why


def test_a_rule_in_code_describes_itself():
    assert Rule("Papers", 5, Unit.WORKING_DAYS, Direction.BEFORE, "the meeting").description == (
        "5 working days before the meeting"
    )
    assert Rule("Minutes", 2, Unit.WEEKS, Direction.AFTER, "the meeting").description == (
        "2 weeks after the meeting"
    )
    assert Rule("Review", 1, Unit.MONTHS, Direction.AFTER, "approval").description == "1 month after approval"


DUE = D(2027, 1, 4)  # a Monday; five working days before is Wednesday 23 December 2026 (24, 29, 30, 31 Dec)


@pytest.mark.parametrize(
    "today, expected",
    [
        (D(2026, 12, 22), None),
        (D(2026, 12, 23), (DUE_SOON, D(2026, 12, 23))),
        (D(2026, 12, 28), (DUE_SOON, D(2026, 12, 23))),  # a bank holiday: still the same reminder
        (D(2026, 12, 31), (DUE_SOON, D(2026, 12, 23))),
        (DUE, (DUE_TODAY, DUE)),
        (D(2027, 1, 8), (DUE_TODAY, DUE)),  # missed the day: the on-the-day reminder, once
        (D(2027, 1, 11), (OVERDUE, D(2027, 1, 11))),  # a week overdue
        (D(2027, 1, 17), (OVERDUE, D(2027, 1, 11))),
        (D(2027, 1, 18), (OVERDUE, D(2027, 1, 18))),  # two weeks overdue: a new weekly reminder
    ],
)
def test_the_default_schedule_before_on_the_day_and_weekly_over_christmas(today, expected):
    assert ReminderSchedule().applicable(DUE, today) == expected


def test_a_kind_can_choose_its_own_schedule():
    # 10 and 5 working days before, nothing on the day, nothing while overdue.
    schedule = ReminderSchedule(before=(10, 5), on_the_day=False, overdue_every_days=0)
    # 10 working days before 4 Jan 2027: 31, 30, 29, 24, 23, 22, 21, 18, 17, 16 Dec.
    assert schedule.applicable(DUE, D(2026, 12, 15)) is None
    assert schedule.applicable(DUE, D(2026, 12, 16)) == (DUE_SOON, D(2026, 12, 16))
    assert schedule.applicable(DUE, D(2026, 12, 22)) == (DUE_SOON, D(2026, 12, 16))
    assert schedule.applicable(DUE, D(2026, 12, 23)) == (DUE_SOON, D(2026, 12, 23))
    assert schedule.applicable(DUE, DUE) is None
    assert schedule.applicable(DUE, D(2027, 2, 1)) is None


def test_due_soon_is_ten_working_days():
    # From Wednesday 16 December 2026: 17, 18, 21, 22, 23, 24, 29, 30, 31 Dec, 4 Jan.
    assert due_soon_until(D(2026, 12, 16)) == D(2027, 1, 4)


@pytest.mark.parametrize(
    "due, done, key, text, colour",
    [
        (D(2027, 1, 4), None, "due", "Due in 5 working days", "blue"),  # from 23 Dec: 24, 29, 30, 31, 4
        (D(2026, 12, 23), None, "due_today", "Due today", "yellow"),
        (D(2026, 12, 21), None, "overdue", "Overdue by 2 working days", "red"),  # 22, 23
        (D(2026, 12, 21), D(2026, 12, 21), "met", "Met on time", "green"),
        (D(2026, 12, 24), D(2026, 12, 29), "met_late", "Met late (1 working day late)", "orange"),
        (None, None, "not_started", "Not started yet", "grey"),
    ],
)
def test_every_status_is_one_status_tag(due, done, key, text, colour):
    tag = deadline_status(due, done, D(2026, 12, 23))
    assert isinstance(tag, StatusTag)
    assert (tag.key, tag.text, tag.colour, tag.tag_classes) == (key, text, colour, f"govuk-tag--{colour}")


def test_a_status_tag_has_a_gov_uk_colour():
    with pytest.raises(ValueError):
        StatusTag("Overdue", "crimson")
