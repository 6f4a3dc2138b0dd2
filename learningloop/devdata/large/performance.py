"""The dataset at scale: 50 monthly indicators with a value from every provider agency for every month of
the generated years (ten years and 40-odd agencies: about 500,000 values), inserted in bulk; the deadlines
of the last twelve months, nearly all met. `--scale` multiplies the agencies, and so the values, but not
the measures: a partnership twice the size does not choose twice the measures (the default library is 46,
data-volumes.md section 3), and the dashboard, which shows every measure, would otherwise be measured
growing with a choice rather than with the data."""

import datetime

from django.utils import timezone

from learningloop.core.deadlines import Unit as DeadlineUnit
from learningloop.core.deadlines import compute_due
from learningloop.performance.models import Category, DataDue, Indicator, Polarity, Submission, Unit
from learningloop.performance.periods import periods_between
from learningloop.performance.services import period_totals_update

from .common import Context, bulk

INDICATORS = 50  # generated measures, whatever the scale (the module's docstring)
CATEGORIES = (Category.HOW_MUCH, Category.HOW_WELL, Category.BETTER_OFF)


def build_dataset(ctx: Context) -> tuple[int, int]:
    rng = ctx.rng
    providers = list(ctx.agencies)
    periods = periods_between("monthly", ctx.start, ctx.today - datetime.timedelta(days=1))
    recent = {p.start for p in periods[-12:]}
    indicators = []
    # A forced second run adds measures of its own after the first run's (names are unique).
    first = Indicator.objects.filter(code__startswith="large-").count()
    for i in range(INDICATORS):
        percentage = i % 2 == 0
        number = first + i
        indicators.append(
            Indicator(
                code=f"large-{number:02d}",
                name=f"Large dataset measure {number:02d}",
                definition="Generated measure",
                unit=Unit.PERCENTAGE if percentage else Unit.COUNT,
                polarity=Polarity.HIGHER if i % 3 else Polarity.LOWER,
                category=CATEGORIES[i % 3],
                numerator="Met" if percentage else "",
                denominator="All" if percentage else "",
                target=80 if percentage else None,
                tolerance=5 if percentage else None,
                collect_from=periods[0].start,
                position=200 + number,
            )
        )
    bulk(Indicator, indicators)
    through = Indicator.providers.through
    bulk(through, [through(indicator_id=ind.pk, agency_id=a.pk) for ind in indicators for a in providers])
    values = dues = 0
    now = timezone.now()
    for indicator in indicators:
        rows, owed = [], []
        for step, period in enumerate(periods):
            due = compute_due(period.end, indicator.due_working_days, DeadlineUnit.WORKING_DAYS, "after")
            for agency in providers:
                if indicator.unit == Unit.PERCENTAGE:
                    denominator = rng.randint(50, 300)
                    numerator = min(denominator, int(denominator * rng.uniform(0.6, 0.95)))
                    value = round(100 * numerator / denominator, 2)
                else:
                    numerator = denominator = None
                    value = rng.randint(20, 400) + step // 12
                rows.append(
                    Submission(
                        indicator_id=indicator.pk,
                        agency_id=agency.pk,
                        period_start=period.start,
                        period_end=period.end,
                        value=value,
                        numerator=numerator,
                        denominator=denominator,
                        submitted_at=now,
                    )
                )
                if period.start in recent:
                    late = rng.random() < 0.08
                    owed.append(
                        DataDue(
                            indicator_id=indicator.pk,
                            agency_id=agency.pk,
                            period_start=period.start,
                            period_end=period.end,
                            due_on=due,
                            done_on=due + datetime.timedelta(days=4 if late else -2),
                        )
                    )
        bulk(Submission, rows)
        bulk(DataDue, owed)
        values += len(rows)
        dues += len(owed)
    # The periods' totals the pages read (ADR 0040): one GROUP BY over the new measures' values.
    period_totals_update(indicator_ids=[i.pk for i in indicators])
    return values, dues
