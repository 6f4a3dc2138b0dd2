"""Writes of the impact area that more than one context uses: the deadlines each provider agency owes."""

import datetime

from django.db import transaction
from django.utils import timezone

from learningloop.core.deadlines import Unit, compute_due

from .models import DataDue, Indicator, Submission
from .periods import periods_between

# Deadlines are made for periods that end up to this far ahead, so the deadlines page shows what is coming.
LOOK_AHEAD = datetime.timedelta(days=92)
DEFAULT_FIRST_PERIOD = datetime.date(2024, 4, 1)


def data_dues_schedule(*, indicator: Indicator, today=None) -> int:
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


def data_dues_mark_done(*, indicator_id: int, keys) -> None:
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
