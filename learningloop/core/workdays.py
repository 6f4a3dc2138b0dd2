"""The working-day calendar for England and Wales: statutory deadlines are counted in these days.

A *working day* is Monday to Friday and not a bank holiday in England (``holidays.UK(subdiv="ENG")``).
The ``holidays`` package lists both the nominal date of a holiday that falls at a weekend (25 December
2022, a Sunday) and its substitute day ("Christmas Day (observed)", 27 December 2022); the nominal
date is a weekend anyway, and the substitute day is a holiday, so both are non-working days. One-off
holidays (the 2022 Platinum Jubilee and State Funeral, the 2023 Coronation) and moved ones (VE Day
2020) come from the package too.

Conventions, chosen so that "papers out 5 working days before the meeting" and "minutes within 15
working days" read naturally:

- ``add_working_days(d, n)`` with ``n > 0`` is the n-th working day *after* ``d`` (``d`` itself is never
  counted, whether or not it is a working day); with ``n < 0`` it is the n-th working day *before* ``d``;
  with ``n == 0`` it is ``d`` if ``d`` is a working day, otherwise the next working day (a deadline of
  "0 working days" that lands on a holiday rolls forward, never back).
- ``working_days_between(start, end)`` counts the working days in the half-open range ``(start, end]``:
  after ``start``, up to and including ``end``. It is ``0`` when ``start == end`` and negative when
  ``end < start`` (then it is minus the count of working days in ``(end, start]``). So for a working
  day ``d``, ``working_days_between(d, add_working_days(d, n)) == n`` for every ``n``.
"""

import bisect
import datetime
import functools

import holidays

__all__ = [
    "add_working_days",
    "holidays_in",
    "is_working_day",
    "next_working_day",
    "previous_working_day",
    "working_days_between",
]

SUBDIVISION = "ENG"
ONE_DAY = datetime.timedelta(days=1)


@functools.lru_cache(maxsize=64)
def holidays_in(year: int) -> frozenset[datetime.date]:
    """The bank holidays of England (nominal dates and observed substitute days) in one year."""
    return frozenset(holidays.UK(subdiv=SUBDIVISION, years=year).keys())


def _as_date(d) -> datetime.date:
    if isinstance(d, datetime.datetime):
        return d.date()
    return d


def is_working_day(d: datetime.date) -> bool:
    d = _as_date(d)
    return d.weekday() < 5 and d not in holidays_in(d.year)


def next_working_day(d: datetime.date) -> datetime.date:
    """The first working day strictly after ``d``."""
    d = _as_date(d) + ONE_DAY
    while not is_working_day(d):
        d += ONE_DAY
    return d


def previous_working_day(d: datetime.date) -> datetime.date:
    """The last working day strictly before ``d``."""
    d = _as_date(d) - ONE_DAY
    while not is_working_day(d):
        d -= ONE_DAY
    return d


def add_working_days(d: datetime.date, n: int) -> datetime.date:
    """The n-th working day after ``d`` (before it when ``n`` is negative); see the module docstring."""
    d = _as_date(d)
    if n == 0:
        return d if is_working_day(d) else next_working_day(d)
    step = next_working_day if n > 0 else previous_working_day
    for _ in range(abs(n)):
        d = step(d)
    return d


def working_days_between(start: datetime.date, end: datetime.date) -> int:
    """Working days after ``start`` up to and including ``end``; negative when ``end`` is before ``start``."""
    start, end = _as_date(start), _as_date(end)
    if end < start:
        return -working_days_between(end, start)
    days = (end - start).days
    # Whole weeks hold five weekdays each; walk only the remainder and subtract the holidays.
    weeks, remainder = divmod(days, 7)
    count = weeks * 5
    d = start + datetime.timedelta(days=weeks * 7)
    for _ in range(remainder):
        d += ONE_DAY
        if d.weekday() < 5:
            count += 1
    return count - _weekday_holidays_between(start, end)


@functools.lru_cache(maxsize=64)
def _weekday_holidays(year: int) -> tuple[datetime.date, ...]:
    """The bank holidays of one year that fall on a weekday, in date order."""
    return tuple(sorted(h for h in holidays_in(year) if h.weekday() < 5))


def _weekday_holidays_between(start: datetime.date, end: datetime.date) -> int:
    """Weekday bank holidays after ``start`` up to and including ``end`` (``start <= end``): found by
    bisection in each year's sorted list, so a deadline years overdue costs no more than one due today."""
    count = 0
    for year in range(start.year, end.year + 1):
        days = _weekday_holidays(year)
        low = bisect.bisect_right(days, start) if year == start.year else 0
        high = bisect.bisect_right(days, end) if year == end.year else len(days)
        count += high - low
    return count
