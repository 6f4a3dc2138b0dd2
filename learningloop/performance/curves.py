"""An indicator's curve as pages, documents and the trail show it: its periods, the partnership's value
and each agency's value per period, the status of the latest value and the trend, the chart and the data
table. Every number is judged in measures.py."""

from dataclasses import dataclass, field
from decimal import Decimal

from learningloop.core.charts import Series, line_chart
from learningloop.core.presenters import StatusTag

from . import measures
from .models import Indicator, Polarity, Submission
from .periods import Period, label_for, period_containing, periods_between


@dataclass
class Curve:
    indicator: Indicator
    periods: list[Period]
    partnership: list[Decimal | None]
    agencies: dict[str, list[Decimal | None]]  # agency name -> values by period
    latest: Decimal | None
    latest_period: Period | None
    status: StatusTag
    trend: measures.Trend
    submissions: dict = field(default_factory=dict)  # (agency name, period start) -> Submission

    def chart(self):
        series = [Series("Partnership", [_f(v) for v in self.partnership])]
        if len(self.agencies) > 1:
            series += [
                Series(name, [_f(v) for v in values]) for name, values in sorted(self.agencies.items())
            ]
        return line_chart(
            title=self.indicator.name,
            periods=[p.label for p in self.periods],
            series=series,
            unit="%" if self.indicator.suffix == "%" else self.indicator.suffix,
            target=_f(self.indicator.target),
            band=band(self.indicator),
        )

    def rows(self):
        """The data table: one row per period, newest first."""
        names = sorted(self.agencies)
        for i in reversed(range(len(self.periods))):
            yield self.periods[i], self.partnership[i], [self.agencies[n][i] for n in names]


def _f(value):
    return None if value is None else float(value)


def band(indicator) -> tuple[float, float] | None:
    """The tolerance band on the chart: from the target to as far short of it as still counts as within
    tolerance (below the target when higher is better, above it when lower is better)."""
    if indicator.target is None or not indicator.tolerance:
        return None
    target, tolerance = float(indicator.target), float(indicator.tolerance)
    return (
        (target - tolerance, target)
        if indicator.polarity == Polarity.HIGHER
        else (target, target + tolerance)
    )


def curve(indicator: Indicator, submissions=None, *, last_periods: int | None = None) -> Curve:
    """The curve from the indicator's submissions (given, or read in one query)."""
    rows = list(
        submissions
        if submissions is not None
        else Submission.objects.filter(indicator=indicator).select_related("agency")
    )
    by_period: dict = {}
    for row in rows:
        by_period.setdefault(row.period_start, []).append(row)
    if rows:
        first, last = min(by_period), max(r.period_end for r in rows)
        periods = periods_between(indicator.frequency, first, last)
    else:
        periods = []
    if last_periods:
        periods = periods[-last_periods:]
    partnership = [measures.partnership_value(indicator, by_period.get(p.start, [])) for p in periods]
    agencies: dict[str, list] = {}
    index = {p.start: i for i, p in enumerate(periods)}
    found = {}
    for row in rows:
        if row.period_start not in index:
            continue
        values = agencies.setdefault(row.agency.name, [None] * len(periods))
        values[index[row.period_start]] = row.value
        found[(row.agency.name, row.period_start)] = row
    latest_index = max((i for i, v in enumerate(partnership) if v is not None), default=None)
    latest = partnership[latest_index] if latest_index is not None else None
    return Curve(
        indicator=indicator,
        periods=periods,
        partnership=partnership,
        agencies=agencies,
        latest=latest,
        latest_period=periods[latest_index] if latest_index is not None else None,
        status=measures.status(indicator, latest),
        trend=measures.trend(indicator, partnership),
        submissions=found,
    )


def value_in(indicator, submissions, start) -> Decimal | None:
    """The partnership's value for the period starting `start`."""
    return measures.partnership_value(indicator, [s for s in submissions if s.period_start == start])


__all__ = ["Curve", "band", "curve", "label_for", "period_containing", "value_in"]
