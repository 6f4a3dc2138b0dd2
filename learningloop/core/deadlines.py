"""One deadline engine: a rule (how many working days, calendar days or months, after or before which
date) gives a due date; a due date and a done date give a status. Case reviews use it now; meetings,
requests, submissions and actions will read from the same functions."""

import datetime
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta
from django.db import models

from . import workdays


class Unit(models.TextChoices):
    WORKING_DAYS = "working_days", "working days"
    CALENDAR_DAYS = "calendar_days", "days"
    MONTHS = "months", "months"


class Direction(models.TextChoices):
    AFTER = "after", "after"
    BEFORE = "before", "before"


def compute_due(start: datetime.date | None, amount: int, unit: str, direction: str) -> datetime.date | None:
    """The due date `amount` `unit`s after (or before) `start`; None when the start is not known yet."""
    if start is None:
        return None
    sign = 1 if direction == Direction.AFTER else -1
    if unit == Unit.WORKING_DAYS:
        return workdays.add_working_days(start, sign * amount)
    if unit == Unit.CALENDAR_DAYS:
        return start + datetime.timedelta(days=sign * amount)
    if unit == Unit.MONTHS:
        return start + relativedelta(months=sign * amount)
    raise ValueError(f"Unknown unit {unit!r}")


class State(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    DUE = "due", "Due"
    DUE_TODAY = "due_today", "Due today"
    OVERDUE = "overdue", "Overdue"
    MET = "met", "Met on time"
    MET_LATE = "met_late", "Met late"


@dataclass(frozen=True)
class DeadlineStatus:
    state: str
    text: str  # "due in 3 working days", "overdue by 2 working days", "met late (4 working days)"
    tag_colour: str  # GOV.UK tag modifier: blue, yellow, red, green, orange, grey

    @property
    def is_open(self):
        return self.state in (State.DUE, State.DUE_TODAY, State.OVERDUE)


def _days(n):
    return f"{n} working day{'s' if n != 1 else ''}"


def deadline_status(
    due: datetime.date | None, done: datetime.date | None, today: datetime.date
) -> DeadlineStatus:
    """Present a deadline: due in N working days, due today, overdue by N, met on time, met late."""
    if due is None:
        return DeadlineStatus(State.NOT_STARTED, "Not started yet", "grey")
    if done is not None:
        if done <= due:
            return DeadlineStatus(State.MET, "Met on time", "green")
        late = workdays.working_days_between(due, done)
        return DeadlineStatus(State.MET_LATE, f"Met late ({_days(max(late, 1))} late)", "orange")
    if due == today:
        return DeadlineStatus(State.DUE_TODAY, "Due today", "yellow")
    if due > today:
        return DeadlineStatus(
            State.DUE, f"Due in {_days(max(workdays.working_days_between(today, due), 0))}", "blue"
        )
    overdue = max(workdays.working_days_between(due, today), 1)
    return DeadlineStatus(State.OVERDUE, f"Overdue by {_days(overdue)}", "red")
