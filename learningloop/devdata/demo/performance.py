# ruff: noqa: E501 - demo sentences stay whole on their lines
"""Demo dataset: the indicator library with three years of values for every provider agency, with some
values late, some missing and some corrected; a story behind two curves; and evidence of impact that closes
two key messages' trails, one whose indicator moved the desired way (evidenced) and one that did not.
Fictional figures only.

Safe to repeat: an indicator that already has values is left alone; stories and evidence are matched."""

import datetime
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from learningloop.core.deadlines import Unit as DeadlineUnit
from learningloop.core.deadlines import compute_due
from learningloop.improvement.models import Action
from learningloop.learning.models import KeyMessage, Priority
from learningloop.performance import measures
from learningloop.performance.models import (
    Correction,
    DataDue,
    ImpactEvidence,
    Indicator,
    Story,
    Submission,
    Unit,
)
from learningloop.performance.periods import period_containing, periods_between
from learningloop.performance.preset import indicators_load
from learningloop.performance.services import (
    data_dues_create,
    impact_evidence_update,
    period_totals_update,
)

YEARS = 3


def _first_period_start(today):
    year = today.year - YEARS if today.month >= 4 else today.year - YEARS - 1
    return datetime.date(year, 4, 1)


def _value(indicator, rng, step, agency_index):
    """A plausible figure that drifts towards the target over time."""
    target = float(indicator.target) if indicator.target is not None else 50.0
    if indicator.unit == Unit.PERCENTAGE:
        centre = target - 8 + step * 0.25 if indicator.polarity == "higher" else target + 8 - step * 0.25
        value = max(0.0, min(100.0, centre + rng.uniform(-4, 4) + agency_index))
        return Decimal(f"{value:.1f}")
    if indicator.unit == Unit.RATE_10K:
        return Decimal(f"{max(0.0, target + rng.uniform(-10, 10)):.1f}")
    return Decimal(int(max(0, 120 + 40 * agency_index + rng.uniform(-25, 25) + step)))


@transaction.atomic
def seed(stdout=None) -> int:
    indicators_load()
    today = timezone.localdate()
    first = _first_period_start(today)
    priorities = list(Priority.objects.filter(is_active=True).order_by("name")[:3])
    added = 0
    for position, indicator in enumerate(
        Indicator.objects.active().prefetch_related("providers").order_by("position")
    ):
        if indicator.collect_from is None:
            indicator.collect_from = first
            if priorities and indicator.priority_id is None:
                indicator.priority = priorities[position % len(priorities)]
            indicator.save(update_fields=["collect_from", "priority"])
        data_dues_create(indicator=indicator, today=today)
        if indicator.submissions.exists():
            continue
        rng = random.Random(f"demo-{indicator.code}")
        providers = list(indicator.providers.order_by("name"))
        rows, corrections = [], []
        periods = periods_between(
            indicator.frequency, indicator.collect_from, today - datetime.timedelta(days=1)
        )
        for step, period in enumerate(periods):
            due = compute_due(period.end, indicator.due_working_days, DeadlineUnit.WORKING_DAYS, "after")
            for agency_index, agency in enumerate(providers):
                latest = step == len(periods) - 1
                if (latest and agency_index == 0 and due < today) or rng.random() < 0.03:
                    continue  # missing: the latest from the first provider, and a few others
                late = rng.random() < 0.1
                on = (
                    due + datetime.timedelta(days=rng.randint(3, 20))
                    if late
                    else due - datetime.timedelta(days=rng.randint(0, 10))
                )
                if on >= today:
                    continue
                value = _value(indicator, rng, step, agency_index)
                numerator = denominator = None
                if indicator.is_ratio:
                    denominator = Decimal(rng.randint(40, 400))
                    scale = measures.SCALE.get(indicator.unit, Decimal(1))
                    numerator = (value * denominator / scale).quantize(Decimal("1"))
                    numerator = (
                        min(numerator, denominator) if indicator.unit == Unit.PERCENTAGE else numerator
                    )
                    value = measures.value_from(indicator.unit, numerator, denominator)
                at = timezone.make_aware(datetime.datetime.combine(on, datetime.time(10)))
                rows.append(Submission(
                    indicator=indicator, agency=agency, period_start=period.start, period_end=period.end,
                    value=value, numerator=numerator, denominator=denominator, submitted_at=at,
                    commentary="Within the usual range." if rng.random() < 0.7 else "Fewer cases recorded after the system change.",
                ))  # fmt: skip
        Submission.objects.bulk_create(rows)
        for submission in rows:
            DataDue.objects.filter(
                indicator=indicator, agency=submission.agency, period_start=submission.period_start
            ).update(done_on=submission.submitted_at.date())
        for submission in rows[2::37]:  # a few corrected, the earlier figure kept
            corrections.append(Correction(
                submission=submission, value=submission.value + 3, numerator=submission.numerator,
                denominator=submission.denominator, commentary="First count", submitted_at=submission.submitted_at,
                changed_at=submission.submitted_at + datetime.timedelta(days=5),
                reason="Duplicate records were found and removed",
            ))  # fmt: skip
        Correction.objects.bulk_create(corrections)
        added += len(rows)
    _stories()
    _evidence(today)
    period_totals_update()  # the dashboard and the indicator pages read the periods' totals (ADR 0040)
    if stdout is not None:
        stdout.write(f"Impact: {Indicator.objects.count()} indicators, {added} values added.")
    return added


def _stories():
    actions = list(Action.objects.order_by("pk")[:3])
    for code, helping, hurting, works, plan in (
        ("m06", "Step-down plans agreed with families before cases close", "Thresholds read differently across the front door",
         "Joint reviews of re-referred cases each month", "Audit a sample of re-referrals and share the learning"),
        ("m08", "A second team manager on the duty rota", "Vacancies in the assessment teams",
         "Daily huddles on assessments nearing 45 days", "Recruit to the vacancies and track assessments weekly"),
    ):  # fmt: skip
        indicator = Indicator.objects.filter(code=code).first()
        if indicator is None or Story.objects.filter(indicator=indicator).exists():
            continue
        story = Story.objects.create(
            indicator=indicator, helping=helping, hurting=hurting, what_works=works, plan=plan
        )
        story.actions.set(actions[:2])


def _evidence(today):
    """Two key messages name an indicator as their evidence: re-referrals fell (evidenced), second
    plans rose (not the desired way)."""
    messages = list(KeyMessage.objects.order_by("pk")[:2])
    for message, code, direction in zip(messages, ("m06", "m17"), ("down", "up"), strict=False):
        indicator = Indicator.objects.filter(code=code).first()
        if (
            indicator is None
            or ImpactEvidence.objects.filter(key_message=message, indicator=indicator).exists()
        ):
            continue
        baseline = period_containing(indicator.frequency, indicator.collect_from)
        follow = [
            p for p in periods_between(indicator.frequency, indicator.collect_from, today) if p.end < today
        ][-2]
        # Make the two periods tell the story the demo needs, whatever the random figures were.
        for start, value in (
            (baseline.start, Decimal("24.0")),
            (follow.start, Decimal("19.5") if direction == "down" else Decimal("26.0")),
        ):
            Submission.objects.filter(indicator=indicator, period_start=start).update(
                value=value, numerator=None, denominator=None
            )
        ImpactEvidence.objects.create(
            key_message=message,
            indicator=indicator,
            baseline_start=baseline.start,
            followup_start=follow.start,
        )
        impact_evidence_update(indicator_ids=[indicator.pk])
