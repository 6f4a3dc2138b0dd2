"""The periods an indicator's values are reported for, by its frequency. Months are calendar months;
quarters and years are the financial year that English public bodies report in (1 April to 31 March);
terms are the school year's three (autumn: September to December, spring: January to March, summer: April
to July; August belongs to no term)."""

import datetime
import functools
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

from .models import Frequency

TERMS = ((9, 12, "Autumn term"), (1, 3, "Spring term"), (4, 7, "Summer term"))


@dataclass(frozen=True, order=True)
class Period:
    start: datetime.date
    end: datetime.date
    label: str


def _month_end(day: datetime.date) -> datetime.date:
    return day + relativedelta(day=31)


def _financial_year(day: datetime.date) -> int:
    return day.year if day.month >= 4 else day.year - 1


@functools.lru_cache(maxsize=16384)  # pure, and asked for every period of every curve a page draws
def period_containing(frequency: str, day: datetime.date) -> Period | None:
    """The period of this frequency that the day falls in (None for an August day of a termly indicator)."""
    if frequency == Frequency.MONTHLY:
        start = day.replace(day=1)
        return Period(start, _month_end(start), f"{start:%b %Y}")
    if frequency == Frequency.QUARTERLY:
        year = _financial_year(day)
        quarter = ((day.month - 4) % 12) // 3  # 0: April to June
        start = datetime.date(year, 4, 1) + relativedelta(months=3 * quarter)
        return Period(
            start,
            _month_end(start + relativedelta(months=2)),
            f"Q{quarter + 1} {year}-{(year + 1) % 100:02d}",
        )
    if frequency == Frequency.ANNUAL:
        year = _financial_year(day)
        return Period(
            datetime.date(year, 4, 1), datetime.date(year + 1, 3, 31), f"{year}-{(year + 1) % 100:02d}"
        )
    if frequency == Frequency.TERMLY:
        for first, last, name in TERMS:
            if first <= day.month <= last:
                start = datetime.date(day.year, first, 1)
                return Period(start, _month_end(datetime.date(day.year, last, 1)), f"{name} {day.year}")
        return None
    raise ValueError(f"Unknown frequency {frequency!r}")


def period_starting(frequency: str, start: datetime.date) -> Period | None:
    period = period_containing(frequency, start)
    return period if period and period.start == start else None


def period_ending(frequency: str, end: datetime.date) -> Period | None:
    period = period_containing(frequency, end)
    return period if period and period.end == end else None


def next_period(frequency: str, period: Period) -> Period:
    day = period.end + datetime.timedelta(days=1)
    found = period_containing(frequency, day)
    while found is None:  # the summer holiday between terms
        day += relativedelta(months=1)
        found = period_containing(frequency, day)
    return found


def periods_between(frequency: str, first: datetime.date, last: datetime.date) -> list[Period]:
    """Every period that starts on or after the one containing `first` and ends on or before `last`."""
    period = period_containing(frequency, first)
    if period is None:
        period = next_period(frequency, Period(first, first, ""))
    found = []
    while period.end <= last:
        found.append(period)
        period = next_period(frequency, period)
    return found


def label_for(frequency: str, start: datetime.date) -> str:
    period = period_containing(frequency, start)
    return period.label if period else f"{start:%d %b %Y}"
