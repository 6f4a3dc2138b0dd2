"""An indicator's curve as pages, documents and the trail show it: its periods, the partnership's value
and each agency's value per period, the status of the latest value and the trend, the chart and the data
table. Every number is judged in measures.py."""

from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from django.db.models import F, Window
from django.db.models.functions import RowNumber

from learningloop.core.charts import Series, line_chart
from learningloop.core.presenters import StatusTag

from . import measures
from .models import Indicator, PeriodTotal, Polarity, Submission
from .periods import Period, label_for, period_containing, period_starting, periods_between

EMPTY = measures.Totals(0, Decimal(0), None, None, True)  # a period with no values


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
    submissions: dict = field(default_factory=dict)  # (agency name, period start) -> Submitted

    def chart(self, *, with_agencies=None):
        """The line chart: the partnership's line and each agency's (`with_agencies`: whether to draw the
        agencies' lines; by default when there is more than one)."""
        series = [Series("Partnership", [_f(v) for v in self.partnership])]
        if len(self.agencies) > 1 if with_agencies is None else with_agencies:
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


def agencies_reporting(indicator: Indicator, *, schools: bool = True) -> list[str]:
    """The names of the agencies that have given the indicator a value, by name (without the schools when
    `schools` is false): one query."""
    rows = Submission.objects.filter(indicator=indicator)
    if not schools:
        rows = rows.filter(agency__is_school=False)
    return list(rows.order_by("agency__name").values_list("agency__name", flat=True).distinct())


def curve(
    indicator: Indicator,
    submissions=None,
    *,
    last_periods: int | None = None,
    schools_together: bool = False,
    agency_names=None,
) -> Curve:
    """The curve from the indicator's submissions (given, or read: the partnership's values from the
    periods' totals, ADR 0040, and each agency's values in one query). `schools_together`: the schools are
    one series, "All schools (n)", their values pooled as the partnership's are (a large partnership has
    hundreds of schools: a chart or table of each is unreadable and grows with them). `agency_names`: read
    only these agencies' own series (a page of them), not every agency's."""
    if submissions is not None:
        return _curve_of(indicator, list(submissions), last_periods, schools_together)
    stored = list(PeriodTotal.objects.filter(indicator=indicator).order_by("period_start"))
    totals = {t.period_start: _totals(t) for t in stored}
    made = _curve(indicator, totals, max((t.period_end for t in stored), default=None), last_periods)
    rows = Submission.objects.filter(indicator=indicator)
    schools = schools_together and any(t.school_count for t in stored)
    if schools_together:
        rows = rows.filter(agency__is_school=False)
    if agency_names is not None:
        rows = rows.filter(agency__name__in=list(agency_names))
    # Plain tuples, not a model instance per value: a large partnership's measure has tens of thousands.
    _add_agencies(made, rows.order_by().values_list("agency__name", "period_start", "value", "pk"))
    if schools:
        count = (
            Submission.objects.filter(indicator=indicator, agency__is_school=True)
            .values("agency_id")
            .distinct()
            .count()
        )
        school_totals = {t.period_start: _totals(t, school=True) for t in stored}
        made.agencies[f"All schools ({count})"] = [
            measures.value_of(indicator, school_totals.get(p.start, EMPTY)) for p in made.periods
        ]
    return made


class Submitted(NamedTuple):
    """What the data table links to: one submitted value and its page."""

    pk: int
    value: Decimal


def _add_agencies(made: Curve, rows) -> None:
    """Each agency's series (and its submitted values, for the data table's links) from (agency name,
    period start, value, submission id) rows."""
    index = {p.start: i for i, p in enumerate(made.periods)}
    width = len(made.periods)
    for name, start, value, pk in rows:
        at = index.get(start)
        if at is None:
            continue
        values = made.agencies.get(name)
        if values is None:
            values = made.agencies[name] = [None] * width
        values[at] = value
        made.submissions[(name, start)] = Submitted(pk, value)


def _curve_of(indicator, rows, last_periods, schools_together) -> Curve:
    """The curve from submissions already read (the dashboard's documents read them for many at once)."""
    by_period: dict = {}
    for row in rows:
        by_period.setdefault(row.period_start, []).append(row)
    last = max((r.period_end for r in rows), default=None)
    totals = {start: measures.totals_of(found) for start, found in by_period.items()}
    made = _curve(indicator, totals, last, last_periods)
    index = {p.start: i for i, p in enumerate(made.periods)}
    schools: dict = {}
    if schools_together:
        for row in rows:
            if row.agency.is_school and row.period_start in index:
                schools.setdefault(row.period_start, []).append(row)
    _add_agencies(
        made,
        [
            (r.agency.name, r.period_start, r.value, r.pk)
            for r in rows
            if not (schools_together and r.agency.is_school)
        ],
    )
    if schools:
        count = len({r.agency_id for found in schools.values() for r in found})
        made.agencies[f"All schools ({count})"] = [
            measures.partnership_value(indicator, schools.get(p.start, [])) for p in made.periods
        ]
    return made


def _totals(stored: PeriodTotal, *, school: bool = False) -> measures.Totals:
    """A period's totals as kept by services.period_totals_update: every agency's, or the schools'."""
    prefix = "school_" if school else ""
    return measures.Totals(
        count=getattr(stored, f"{prefix}count"),
        value=getattr(stored, f"{prefix}value"),
        numerator=getattr(stored, f"{prefix}numerator"),
        denominator=getattr(stored, f"{prefix}denominator"),
        complete=not getattr(stored, f"{prefix}gaps"),
    )


def partnership_curves(indicators, start, end=None) -> list[tuple[Indicator, Curve]]:
    """Each indicator's curve for periods from `start` (to `end`): the partnership's values only (no
    agency series), read from the periods' totals (ADR 0040): one query, one row per indicator and period
    whatever the number of agencies (a large partnership's schools submit tens of thousands of values a
    year)."""
    indicators = list(indicators)
    totals: dict = {}
    last: dict = {}
    stored = PeriodTotal.objects.filter(indicator__in=indicators, period_start__gte=start)
    if end is not None:
        stored = stored.filter(period_end__lte=end)
    for row in stored.order_by():
        totals.setdefault(row.indicator_id, {})[row.period_start] = _totals(row)
        last[row.indicator_id] = max(row.period_end, last.get(row.indicator_id, row.period_end))
    return [(i, _curve(i, totals.get(i.pk, {}), last.get(i.pk))) for i in indicators]


# The dashboard's latest value and trend need an indicator's last two periods with values; two more are
# read so that a period that no longer fits the indicator's frequency (it was edited) is noticed.
NEWEST = 4


def latest_curves(indicators, start) -> list[tuple[Indicator, Curve]]:
    """What the dashboard shows of each indicator from periods since `start`: its latest value, that
    period, the status and the trend, the same as its whole curve gives (partnership_curves), read from
    each indicator's newest totals only (ADR 0040): one query, a few rows per indicator whatever the
    years of history. The curve returned holds only those periods: it is not for charts."""
    indicators = list(indicators)
    newest: dict = {}
    ranked = (
        PeriodTotal.objects.filter(indicator__in=indicators, period_start__gte=start)
        .annotate(
            rank=Window(RowNumber(), partition_by=[F("indicator_id")], order_by=F("period_start").desc())
        )
        .filter(rank__lte=NEWEST)
        .order_by()
    )
    for row in ranked:
        newest.setdefault(row.indicator_id, []).append(row)
    made, irregular = {}, []
    for indicator in indicators:
        rows = sorted(newest.get(indicator.pk, []), key=lambda r: r.period_start, reverse=True)
        if not all(_regular(indicator, r) for r in rows):
            irregular.append(indicator)
            continue
        kept = rows[:2]
        last = max((r.period_end for r in kept), default=None)
        made[indicator.pk] = _curve(indicator, {r.period_start: _totals(r) for r in kept}, last)
    made.update({i.pk: c for i, c in partnership_curves(irregular, start)} if irregular else {})
    return [(i, made[i.pk]) for i in indicators]


def _regular(indicator, row: PeriodTotal) -> bool:
    """The totals are of one of the indicator's periods as its frequency now makes them."""
    period = period_starting(indicator.frequency, row.period_start)
    return period is not None and period.end == row.period_end


def _curve(indicator, totals: dict, last, last_periods: int | None = None) -> Curve:
    """The curve from each period's totals ({period start: measures.Totals}), `last` the last period end."""
    periods = periods_between(indicator.frequency, min(totals), last) if totals else []
    if last_periods:
        periods = periods[-last_periods:]
    partnership = [measures.value_of(indicator, totals.get(p.start, EMPTY)) for p in periods]
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


__all__ = [
    "Curve",
    "band",
    "curve",
    "label_for",
    "latest_curves",
    "partnership_curves",
    "period_containing",
    "value_in",
]
