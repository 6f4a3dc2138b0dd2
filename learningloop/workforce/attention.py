"""The business unit's home panel for the training programme: the sessions in the next 10 working days
with their places left and waiting lists, and the follow-up evaluations overdue (the practitioner attended,
the six-to-eight-week window has closed and no follow-up was given), from the sessions' tallies. Three
queries, however many rows."""

import datetime

from django.db.models import F, Sum
from django.utils import timezone

from learningloop.core import workdays
from learningloop.core.policy import can

from .models import SessionTally, TrainingSession
from .rules import FOLLOW_UP_WINDOW_ENDS_DAYS

DUE_SOON_WORKING_DAYS = 10
SHOWN = 10
# Only the last year's sessions: an older missing follow-up is history for the annual review, not a task.
OVERDUE_LOOKBACK_DAYS = 365


def panel_applies(user) -> bool:
    return can(user, "training.manage")


def overdue_follow_ups(today):
    """The sessions whose follow-up evaluations are overdue today: their tallies (ADR 0043) with
    `follow_ups_owed` (attended, no follow-up given) for the sessions whose window has closed in the last
    year. A row per session, not per booking."""
    closed_before = today - datetime.timedelta(days=FOLLOW_UP_WINDOW_ENDS_DAYS)
    return SessionTally.objects.filter(
        follow_ups_owed__gt=0,
        session__date__lt=closed_before,
        session__date__gte=today - datetime.timedelta(days=OVERDUE_LOOKBACK_DAYS),
    )


def training_panel(user, today=None) -> dict:
    today = today or timezone.localdate()
    until = workdays.add_working_days(today, DUE_SOON_WORKING_DAYS)
    sessions = list(
        TrainingSession.objects.upcoming(today)
        .filter(date__lte=until)
        .with_places()
        .select_related("course")
        .order_by("date", "start_time", "pk")[:SHOWN]
    )
    for session in sessions:
        session.places_left = max(session.capacity - session.booked_count, 0)
    overdue = overdue_follow_ups(today)
    overdue_total = overdue.aggregate(n=Sum("follow_ups_owed"))["n"] or 0
    by_session = (
        list(
            overdue.annotate(count=F("follow_ups_owed"))
            .values("session_id", "session__date", "session__course__title", "count")
            .order_by("session__date", "session_id")[:SHOWN]
        )
        if overdue_total
        else []
    )
    return {
        "sessions": sessions,
        "until": until,
        "overdue_total": overdue_total,
        "overdue_sessions": by_session,
        "empty": not sessions and not overdue_total,
    }
