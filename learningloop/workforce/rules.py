"""The booking and evaluation rules, as reads: the cancellation cut-off in working days, how long an offered
place stays open, when each evaluation stage opens, and when a certificate is available."""

import datetime

from learningloop.core import workdays

from .models import Attendance, BookingStatus, EvaluationStage, TrainingSettings

FOLLOW_UP_OPENS_DAYS = 42  # six weeks after the session
FOLLOW_UP_WINDOW_ENDS_DAYS = 56  # eight weeks: the follow-up link is sent in this window


def cancellation_cutoff(session, settings=None) -> datetime.date:
    """The last day a place on the session can be cancelled: N working days before it (bank holidays and
    weekends not counted)."""
    settings = settings or TrainingSettings.current()
    return workdays.add_working_days(session.date, -settings.cancellation_cutoff_working_days)


def offer_expiry(session, today, settings=None) -> datetime.date:
    """An offered place must be accepted by the N-th working day after today, and before the session."""
    settings = settings or TrainingSettings.current()
    expires = workdays.add_working_days(today, settings.offer_working_days)
    last = session.date - datetime.timedelta(days=1)
    return max(min(expires, last), today)


def evaluation_refusal(booking, stage, today) -> str | None:
    """Why this stage of the evaluation cannot be given now (None: it can)."""
    date = booking.session.date
    if stage == EvaluationStage.BEFORE:
        if booking.status != BookingStatus.BOOKED or today > date:
            return "The before-session questions are for people with a place, up to the day of the session"
        return None
    if booking.attendance != Attendance.ATTENDED:
        return "This part of the evaluation opens once your attendance has been recorded"
    if stage == EvaluationStage.FOLLOW_UP and today < date + datetime.timedelta(days=FOLLOW_UP_OPENS_DAYS):
        opens = date + datetime.timedelta(days=FOLLOW_UP_OPENS_DAYS)
        return (
            f"The follow-up with your line manager opens on {opens.day} {opens:%B %Y}, "
            "six weeks after the session"
        )
    return None


def certificate_available(booking, stages_done) -> bool:
    """A certificate once the practitioner attended and gave the post-session evaluation."""
    return booking.attendance == Attendance.ATTENDED and EvaluationStage.AFTER in stages_done
