"""The training programme's part of the daily reminders run (core.reminders.register_daily_run): offers
not accepted in time lapse and go to the next person waiting; people with a place get a reminder a few
working days before their session; evaluation links go out when each stage opens. Every email goes
through the reminder ledger, so a second run on the same day sends nothing again."""

import datetime

from django.db.models import Q

from learningloop.core import workdays
from learningloop.core.reminders import reminder_send_once

from . import emails
from .bookings.services import booking_expire_offers
from .models import Attendance, Booking, BookingStatus, EvaluationStage, SessionStatus, TrainingSettings
from .rules import FOLLOW_UP_OPENS_DAYS, FOLLOW_UP_WINDOW_ENDS_DAYS


def run_training_schedule(today) -> int:
    """Everything due today; returns how many emails were sent now."""
    booking_expire_offers(today=today)
    settings = TrainingSettings.current()
    sent = 0
    # Reminders: from N working days before the session up to the day before it.
    horizon = workdays.add_working_days(today, settings.reminder_working_days)
    upcoming = Booking.objects.filter(
        status=BookingStatus.BOOKED,
        session__status=SessionStatus.SCHEDULED,
        session__date__gt=today,
        session__date__lte=horizon,
    ).select_related("session__course", "practitioner")
    for booking in upcoming:
        remind_on = workdays.add_working_days(booking.session.date, -settings.reminder_working_days)
        if remind_on <= today:
            sent += reminder_send_once(
                kind="training-session-reminder",
                obj=booking,
                recipient=booking.practitioner.email,
                remind_on=remind_on,
                email=emails.training_session_reminder(booking=booking),
            )
    # Follow-up evaluation links: between six and eight weeks after the session, to those who attended
    # and have not given it yet.
    opens_from = today - datetime.timedelta(days=FOLLOW_UP_WINDOW_ENDS_DAYS)
    opens_to = today - datetime.timedelta(days=FOLLOW_UP_OPENS_DAYS)
    follow_ups = (
        Booking.objects.filter(
            attendance=Attendance.ATTENDED, session__date__gte=opens_from, session__date__lte=opens_to
        )
        .exclude(Q(evaluations__stage=EvaluationStage.FOLLOW_UP))
        .select_related("session__course", "practitioner")
    )
    for booking in follow_ups:
        sent += reminder_send_once(
            kind="training-evaluation-follow-up",
            obj=booking,
            recipient=booking.practitioner.email,
            remind_on=booking.session.date + datetime.timedelta(days=FOLLOW_UP_OPENS_DAYS),
            email=emails.training_evaluation_link(booking=booking, stage=EvaluationStage.FOLLOW_UP),
        )
    return sent
