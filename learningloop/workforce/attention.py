"""The business unit's home panel for the training programme: the sessions in the next 10 working days
with their places left and waiting lists, and the follow-up evaluations overdue (the practitioner attended,
the six-to-eight-week window has closed and no follow-up was given). Three queries, however many rows."""

import datetime

from django.db.models import Count
from django.utils import timezone

from learningloop.core import workdays
from learningloop.core.policy import can

from .models import Attendance, Booking, EvaluationStage, TrainingSession
from .rules import FOLLOW_UP_WINDOW_ENDS_DAYS

DUE_SOON_WORKING_DAYS = 10
SHOWN = 10
# Only the last year's sessions: an older missing follow-up is history for the annual review, not a task.
OVERDUE_LOOKBACK_DAYS = 365


def panel_applies(user) -> bool:
    return can(user, "training.manage")


def overdue_follow_ups(today):
    """Bookings whose follow-up evaluation is overdue today."""
    closed_before = today - datetime.timedelta(days=FOLLOW_UP_WINDOW_ENDS_DAYS)
    return Booking.objects.filter(
        attendance=Attendance.ATTENDED,
        session__date__lt=closed_before,
        session__date__gte=today - datetime.timedelta(days=OVERDUE_LOOKBACK_DAYS),
    ).exclude(evaluations__stage=EvaluationStage.FOLLOW_UP)


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
    overdue_total = overdue.count()
    by_session = (
        list(
            overdue.values("session_id", "session__date", "session__course__title")
            .annotate(count=Count("pk"))
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
