"""Writes of the impact area that more than one context uses: the deadlines each provider agency owes."""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.db.models import Count, Max, Q, Sum
from django.utils import timezone

from learningloop.core.deadlines import Unit, compute_due
from learningloop.learning.loop import loop_touched

from .models import DataDue, Indicator, PeriodTotal, Submission
from .periods import periods_between

# Deadlines are made for periods that end up to this far ahead, so the deadlines page shows what is coming.
LOOK_AHEAD = datetime.timedelta(days=92)
DEFAULT_FIRST_PERIOD = datetime.date(2024, 4, 1)


def data_dues_create(*, indicator: Indicator, today=None) -> int:
    """Make sure each provider agency has a deadline for each period of the indicator from `collect_from`
    to the periods ending soon; due dates follow the indicator's working days after the period ends (an
    open deadline moves when that number is edited; one already met keeps its date). Returns how many
    were added."""
    today = today or timezone.localdate()
    first = indicator.collect_from or DEFAULT_FIRST_PERIOD
    periods = periods_between(indicator.frequency, first, today + LOOK_AHEAD) if indicator.is_active else []
    providers = list(indicator.providers.values_list("pk", flat=True))
    existing = {(d.agency_id, d.period_start): d for d in DataDue.objects.filter(indicator=indicator)}
    submitted = {
        (agency_id, start): at
        for agency_id, start, at in Submission.objects.filter(indicator=indicator).values_list(
            "agency_id", "period_start", "submitted_at"
        )
    }
    new, moved = [], []
    for period in periods:
        due = compute_due(period.end, indicator.due_working_days, Unit.WORKING_DAYS, "after")
        for agency_id in providers:
            row = existing.get((agency_id, period.start))
            if row is None:
                at = submitted.get((agency_id, period.start))
                new.append(
                    DataDue(
                        indicator=indicator,
                        agency_id=agency_id,
                        period_start=period.start,
                        period_end=period.end,
                        due_on=due,
                        done_on=timezone.localdate(at) if at else None,
                    )
                )
            elif row.done_on is None and row.due_on != due:
                row.due_on = due
                moved.append(row)
    with transaction.atomic():
        DataDue.objects.bulk_create(new, batch_size=2000)
        DataDue.objects.bulk_update(moved, ["due_on"], batch_size=2000)
    return len(new)


def data_dues_create_for_all_indicators(*, today=None) -> int:
    """The daily run's part (core.reminders.register_daily_run): every active indicator's next periods get
    their deadlines without anyone saving the indicator. Idempotent: a second run on the same day adds
    nothing. Returns how many deadlines were added."""
    return sum(
        data_dues_create(indicator=indicator, today=today)
        for indicator in Indicator.objects.filter(is_active=True).order_by("pk")
    )


def data_dues_update(*, indicator_id: int, keys) -> None:
    """Mark (agency_id, period_start) deadlines done today, when their values arrive."""
    today = timezone.localdate()
    keys = list(keys)
    by_agency = {}
    for agency_id, start in keys:
        by_agency.setdefault(agency_id, []).append(start)
    for agency_id, starts in by_agency.items():
        DataDue.objects.filter(
            indicator_id=indicator_id, agency_id=agency_id, period_start__in=starts, done_on=None
        ).update(done_on=today)


def impact_evidence_update(*, indicator_ids) -> int:
    """Work out again each evidence link of these indicators: the partnership's value in its baseline and
    follow-up periods, and whether the change went the way the indicator wants (measures.py). Called
    whenever values arrive or are corrected, and when a link is added; returns how many links changed."""
    from .measures import partnership_value, went_the_desired_way
    from .models import ImpactEvidence

    links = list(
        ImpactEvidence.objects.filter(indicator_id__in=list(indicator_ids)).select_related("indicator")
    )
    if not links:
        return 0
    starts = {d for link in links for d in (link.baseline_start, link.followup_start)}
    values = {}
    for row in Submission.objects.filter(
        indicator_id__in={link.indicator_id for link in links}, period_start__in=starts
    ):
        values.setdefault((row.indicator_id, row.period_start), []).append(row)
    changed = []
    for link in links:
        before = partnership_value(link.indicator, values.get((link.indicator_id, link.baseline_start), []))
        after = partnership_value(link.indicator, values.get((link.indicator_id, link.followup_start), []))
        desired = went_the_desired_way(link.indicator, before, after)
        if (link.baseline_value, link.followup_value, link.desired) != (before, after, desired):
            link.baseline_value, link.followup_value, link.desired = before, after, desired
            changed.append(link)
    ImpactEvidence.objects.bulk_update(changed, ["baseline_value", "followup_value", "desired"])
    loop_touched(link.key_message_id for link in changed)  # evidenced: the change went the desired way
    return len(changed)


def impact_evidence_add(*, evidence, by=None):
    """A key message names an indicator's change between two periods as its evidence of impact."""
    from .periods import period_starting

    errors = {}
    indicator = evidence.indicator
    for name in ("baseline_start", "followup_start"):
        if (
            getattr(evidence, name)
            and indicator
            and period_starting(indicator.frequency, getattr(evidence, name)) is None
        ):
            errors[name] = (
                "Choose the start of one of the indicator's "
                f"{indicator.get_frequency_display().lower()} periods"
            )
    if errors:
        from django.core.exceptions import ValidationError

        raise ValidationError(errors)
    evidence.added_by = by if getattr(by, "is_authenticated", False) else None
    with transaction.atomic():
        evidence.full_clean()
        evidence.save()
        impact_evidence_update(indicator_ids=[evidence.indicator_id])
    return evidence


def computed_values_record(*, today=None) -> int:
    """Write the readings of the computed-indicator sources (core.computed_indicators, ADR 0031) as the
    partnership's values: for each active indicator whose code has a source, every period that has ended
    gets the business unit's submission, numerator and denominator as read (a percentage worked out as
    usual). A value written this way is worked out again on later runs (late evaluations change the
    share); one an agency submitted by hand is never overwritten. Its deadline is met and its evidence
    links worked out again. Returns how many values were added or changed."""
    from learningloop.core.computed_indicators import sources
    from learningloop.partnership.models import Agency, StatutoryRole

    from .measures import value_from

    today = today or timezone.localdate()
    found = sources()
    partnership = Agency.objects.filter(statutory_role=StatutoryRole.BUSINESS_UNIT, is_active=True).first()
    if not found or partnership is None:
        return 0
    changed, met = 0, {}
    for indicator in Indicator.objects.filter(is_active=True, code__in=found).order_by("pk"):
        source = found[indicator.code]
        note = f"Computed from {source.label}"
        first = indicator.collect_from or DEFAULT_FIRST_PERIOD
        existing = {
            s.period_start: s for s in Submission.objects.filter(indicator=indicator, agency=partnership)
        }
        for period in periods_between(indicator.frequency, first, today - datetime.timedelta(days=1)):
            reading = source.read(period.start, period.end)
            if reading is None or (reading.denominator is None and reading.value is None):
                continue
            if reading.denominator is not None:
                if not reading.denominator:
                    continue
                value = value_from(indicator.unit, reading.numerator, reading.denominator)
            else:
                value = Decimal(str(reading.value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
            num = None if reading.numerator is None else Decimal(reading.numerator)
            den = None if reading.denominator is None else Decimal(reading.denominator)
            row = existing.get(period.start)
            if row is not None and row.commentary != note:
                continue  # an agency's own value
            if row is not None and (row.value, row.numerator, row.denominator) == (value, num, den):
                continue  # nothing new
            row = row or Submission(
                indicator=indicator, agency=partnership, period_start=period.start, period_end=period.end
            )
            row.value, row.numerator, row.denominator, row.commentary = value, num, den, note
            row.full_clean()
            with transaction.atomic():
                row.save()
                period_totals_update(indicator_ids=[indicator.pk], period_starts=[period.start])
            changed += 1
            met.setdefault(indicator.pk, []).append((partnership.pk, period.start))
    for indicator_id, keys in met.items():
        data_dues_update(indicator_id=indicator_id, keys=keys)
    if met:
        impact_evidence_update(indicator_ids=list(met))
    return changed


_NO_RATIO = Q(numerator__isnull=True) | Q(denominator__isnull=True) | Q(denominator=0)
_SCHOOL = Q(agency__is_school=True)
_TOTALS = {
    "count": Count("pk"),
    "value": Sum("value", default=0),
    "numerator": Sum("numerator", default=0),
    "denominator": Sum("denominator", default=0),
    "gaps": Count("pk", filter=_NO_RATIO),
    "school_count": Count("pk", filter=_SCHOOL),
    "school_value": Sum("value", filter=_SCHOOL, default=0),
    "school_numerator": Sum("numerator", filter=_SCHOOL, default=0),
    "school_denominator": Sum("denominator", filter=_SCHOOL, default=0),
    "school_gaps": Count("pk", filter=_SCHOOL & _NO_RATIO),
    "period_end": Max("period_end"),
}
_SUMS = ("value", "numerator", "denominator", "school_value", "school_numerator", "school_denominator")


def period_totals_update(*, indicator_ids=None, period_starts=None) -> int:
    """Add up again the submissions of these indicators (all when None) in the periods starting on these
    dates (all when None), one GROUP BY for all of them, and write the totals (ADR 0040): called in the
    same transaction by every write of a submission (a value submitted, corrected or imported, a computed
    value recorded) so that pages read one PeriodTotal per indicator and period. A period whose values are
    all gone loses its row. Returns how many totals were written."""
    submissions = Submission.objects.all()
    totals = PeriodTotal.objects.all()
    if indicator_ids is not None:
        indicator_ids = set(indicator_ids)
        submissions = submissions.filter(indicator_id__in=indicator_ids)
        totals = totals.filter(indicator_id__in=indicator_ids)
    if period_starts is not None:
        period_starts = set(period_starts)
        submissions = submissions.filter(period_start__in=period_starts)
        totals = totals.filter(period_start__in=period_starts)
    found = submissions.values("indicator_id", "period_start").annotate(
        **{f"total_{name}": total for name, total in _TOTALS.items()}
    )
    rows = [
        PeriodTotal(
            indicator_id=row["indicator_id"],
            period_start=row["period_start"],
            **{
                name: _two_places(row[f"total_{name}"]) if name in _SUMS else row[f"total_{name}"]
                for name in _TOTALS
            },
        )
        for row in found.order_by()
    ]
    with transaction.atomic():
        kept = {(row.indicator_id, row.period_start) for row in rows}
        gone = [
            pk
            for pk, indicator_id, start in totals.values_list("pk", "indicator_id", "period_start")
            if (indicator_id, start) not in kept
        ]
        PeriodTotal.objects.filter(pk__in=gone).delete()
        PeriodTotal.objects.bulk_create(
            rows,
            batch_size=1000,
            update_conflicts=True,
            unique_fields=["indicator", "period_start"],
            update_fields=["period_end", "count", "gaps", "school_count", "school_gaps", *_SUMS],
        )
    return len(rows)


def _two_places(value) -> Decimal:
    """A sum of two-place values as the database gives it (SQLite adds them as floating point numbers)."""
    return Decimal(str(value) if isinstance(value, float) else value).quantize(Decimal("0.01"))
