"""The one place where an indicator's numbers are judged: a value from its numerator and denominator, the
partnership's value from the agencies' values, the status against the target and tolerance, and the
trend. Pages, exports, the scorecard, the dashboard and the learning trail all ask here."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from learningloop.core.presenters import StatusTag

from .models import Polarity, Unit

SCALE = {Unit.PERCENTAGE: Decimal(100), Unit.RATE_10K: Decimal(10000)}
TWO_PLACES = Decimal("0.01")

ON_TARGET = StatusTag("On target", "green", key="on_target")
WITHIN_TOLERANCE = StatusTag("Within tolerance", "yellow", key="within_tolerance")
OFF_TARGET = StatusTag("Off target", "red", key="off_target")
NO_DATA = StatusTag("No data", "grey", key="no_data")
NO_TARGET = StatusTag("No target set", "grey", key="no_target")
STATUSES = (ON_TARGET, WITHIN_TOLERANCE, OFF_TARGET, NO_DATA, NO_TARGET)


def value_from(unit: str, numerator, denominator) -> Decimal:
    """A percentage is numerator ÷ denominator × 100, a rate per 10,000 children × 10,000, anything else
    the plain ratio; rounded to two places (half up)."""
    ratio = Decimal(numerator) / Decimal(denominator)
    return (ratio * SCALE.get(unit, Decimal(1))).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Totals:
    """One period's submissions added up: all the partnership's value needs. Made from the submissions
    (`totals_of`) or summed by the database for many indicators at once (reports.yearly)."""

    count: int
    value: Decimal  # the values added up
    numerator: Decimal | None
    denominator: Decimal | None
    complete: bool  # every submission gave a numerator and a non-zero denominator


def totals_of(submissions) -> Totals:
    """The totals of submissions (or of any rows with a value, and a numerator and denominator if given)."""
    rows = list(submissions)
    numerators = [getattr(r, "numerator", None) for r in rows]
    denominators = [getattr(r, "denominator", None) for r in rows]
    return Totals(
        count=len(rows),
        value=sum((r.value for r in rows), Decimal(0)),
        numerator=sum((n for n in numerators if n is not None), Decimal(0)),
        denominator=sum((d for d in denominators if d is not None), Decimal(0)),
        complete=all(n is not None and d for n, d in zip(numerators, denominators, strict=True)),
    )


def partnership_value(indicator, submissions) -> Decimal | None:
    """The partnership's value for one period from its agencies' submissions: pooled numerators and
    denominators for a rate or percentage (when every agency gave them), the total for a count, otherwise
    the mean of the agencies' values."""
    return value_of(indicator, totals_of(submissions))


def value_of(indicator, totals: Totals) -> Decimal | None:
    """The partnership's value from a period's totals (see partnership_value)."""
    if not totals.count:
        return None
    if totals.count == 1:
        return totals.value
    if indicator.is_ratio and totals.complete:
        return value_from(indicator.unit, totals.numerator, totals.denominator)
    if indicator.unit == Unit.COUNT:
        return totals.value
    return (totals.value / totals.count).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def status(indicator, value) -> StatusTag:
    """On target when the value meets the target (at or above it when higher is better, at or below it
    when lower is better); within tolerance when it misses by no more than the tolerance; otherwise off
    target. No value: no data; no target: no target set."""
    if value is None:
        return NO_DATA
    if indicator.target is None:
        return NO_TARGET
    shortfall = (
        indicator.target - value if indicator.polarity == Polarity.HIGHER else value - indicator.target
    )
    if shortfall <= 0:
        return ON_TARGET
    if shortfall <= (indicator.tolerance or 0):
        return WITHIN_TOLERANCE
    return OFF_TARGET


@dataclass(frozen=True)
class Trend:
    key: str
    label: str
    arrow: str


IMPROVING = Trend("improving", "Improving", "↑")
WORSENING = Trend("worsening", "Getting worse", "↓")
STEADY = Trend("steady", "No change", "→")
TOO_FEW = Trend("too_few", "Not enough data", "")


def trend(indicator, values) -> Trend:
    """The direction of the latest change: the last value against the one before it (values in period
    order, None where a period has no value), judged by the indicator's polarity."""
    known = [v for v in values if v is not None]
    if len(known) < 2:
        return TOO_FEW
    change = known[-1] - known[-2]
    if change == 0:
        return STEADY
    better = change > 0 if indicator.polarity == Polarity.HIGHER else change < 0
    return IMPROVING if better else WORSENING


def went_the_desired_way(indicator, baseline, followup) -> bool | None:
    """Did the value move the way the indicator wants between two periods? None when either is missing."""
    if baseline is None or followup is None:
        return None
    if indicator.polarity == Polarity.HIGHER:
        return followup > baseline
    return followup < baseline


# What a submitted value must be, by form or by file.
NUMERATOR_ABOVE = "The numerator must not be more than the denominator"
PERCENT_ABOVE_100 = "A percentage must be 100 or less"
NEGATIVE = "The value must be 0 or more"
ZERO_DENOMINATOR = "The denominator must be more than 0"
BOTH_OR_VALUE = "Enter the value, or the numerator and the denominator"


def check_values(indicator, *, value, numerator, denominator) -> tuple[dict, Decimal | None]:
    """({field: problem}, the value): the value as given or computed from numerator and denominator."""
    problems = {}
    if (numerator is None) != (denominator is None):
        problems["denominator" if denominator is None else "numerator"] = BOTH_OR_VALUE
        return problems, None
    if numerator is not None:
        if numerator < 0:
            problems["numerator"] = "The numerator must be 0 or more"
        if denominator <= 0:
            problems["denominator"] = ZERO_DENOMINATOR
        elif indicator.unit == Unit.PERCENTAGE and numerator > denominator:
            problems["numerator"] = NUMERATOR_ABOVE
        if problems:
            return problems, None
        value = value_from(indicator.unit, numerator, denominator)
    if value is None:
        problems["value"] = BOTH_OR_VALUE
    elif value < 0:
        problems["value"] = NEGATIVE
    elif indicator.unit == Unit.PERCENTAGE and value > 100:
        problems["value"] = PERCENT_ABOVE_100
    return problems, value
