"""An indicator's curve as pages, documents and the trail show it: its periods, the partnership's value
and each agency's value per period, the status of the latest value and the trend, the chart and the data
table. Every number is judged in measures.py."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Max, Q, Sum

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


def curve(
    indicator: Indicator, submissions=None, *, last_periods: int | None = None, schools_together: bool = False
) -> Curve:
    """The curve from the indicator's submissions (given, or read in one query). `schools_together`: the
    schools are one series, "All schools (n)", their values pooled as the partnership's are (a large
    partnership has hundreds of schools: a chart or table of each is unreadable and grows with them)."""
    rows = list(
        submissions
        if submissions is not None
        else Submission.objects.filter(indicator=indicator).select_related("agency")
    )
    by_period: dict = {}
    for row in rows:
        by_period.setdefault(row.period_start, []).append(row)
    last = max((r.period_end for r in rows), default=None)
    totals = {start: measures.totals_of(found) for start, found in by_period.items()}
    made = _curve(indicator, totals, last, last_periods)
    index = {p.start: i for i, p in enumerate(made.periods)}
    schools: dict = {}
    for row in rows:
        if row.period_start not in index:
            continue
        if schools_together and row.agency.is_school:
            schools.setdefault(row.period_start, []).append(row)
            continue
        values = made.agencies.setdefault(row.agency.name, [None] * len(made.periods))
        values[index[row.period_start]] = row.value
        made.submissions[(row.agency.name, row.period_start)] = row
    if schools:
        count = len({r.agency_id for found in schools.values() for r in found})
        made.agencies[f"All schools ({count})"] = [
            measures.partnership_value(indicator, schools.get(p.start, [])) for p in made.periods
        ]
    return made


def partnership_curves(indicators, start, end=None) -> list[tuple[Indicator, Curve]]:
    """Each indicator's curve over its submissions for periods from `start` (to `end`): the partnership's
    values only (no agency series), each period's submissions added up by the database. One query whatever
    the number of agencies (a large partnership's schools submit tens of thousands of values a year)."""
    indicators = list(indicators)
    totals: dict = {}
    last: dict = {}
    submissions = Submission.objects.filter(indicator__in=indicators, period_start__gte=start)
    if end is not None:
        submissions = submissions.filter(period_end__lte=end)
    for row in (
        submissions.values("indicator_id", "period_start")
        .annotate(
            n=Count("pk"),
            total=Sum("value"),
            numerators=Sum("numerator"),
            denominators=Sum("denominator"),
            gaps=Count(
                "pk", filter=Q(numerator__isnull=True) | Q(denominator__isnull=True) | Q(denominator=0)
            ),
            ends=Max("period_end"),
        )
        .order_by()
    ):
        totals.setdefault(row["indicator_id"], {})[row["period_start"]] = measures.Totals(
            count=row["n"],
            value=_two_places(row["total"]),
            numerator=_two_places(row["numerators"]),
            denominator=_two_places(row["denominators"]),
            complete=not row["gaps"],
        )
        last[row["indicator_id"]] = max(row["ends"], last.get(row["indicator_id"], row["ends"]))
    return [(i, _curve(i, totals.get(i.pk, {}), last.get(i.pk))) for i in indicators]


def _two_places(value):
    """A sum of two-place values, as the database gives it (SQLite adds them as floating point numbers)."""
    return None if value is None else Decimal(value).quantize(measures.TWO_PLACES)


def _curve(indicator, totals: dict, last, last_periods: int | None = None) -> Curve:
    """The curve from each period's totals ({period start: measures.Totals}), `last` the last period end."""
    periods = periods_between(indicator.frequency, min(totals), last) if totals else []
    if last_periods:
        periods = periods[-last_periods:]
    empty = measures.Totals(0, Decimal(0), None, None, True)
    partnership = [measures.value_of(indicator, totals.get(p.start, empty)) for p in periods]
    latest_index = max((i for i, v in enumerate(partnership) if v is not None), default=None)
    latest = partnership[latest_index] if latest_index is not None else None
    return Curve(
        indicator=indicator,
        periods=periods,
        partnership=partnership,
        agencies={},
        latest=latest,
        latest_period=periods[latest_index] if latest_index is not None else None,
        status=measures.status(indicator, latest),
        trend=measures.trend(indicator, partnership),
    )


def value_in(indicator, submissions, start) -> Decimal | None:
    """The partnership's value for the period starting `start`."""
    return measures.partnership_value(indicator, [s for s in submissions if s.period_start == start])


__all__ = ["Curve", "band", "curve", "label_for", "partnership_curves", "period_containing", "value_in"]
