"""Reminders to agencies' strategic leads about requests they have not answered: one 5 working days
before the due date, one on the due date, and one a week while overdue. They are sent by the one reminder
sender (core.reminders.send_due_reminders) from the "response" deadline kind (deadline_kinds.RESPONSE);
this module keeps the names the rest of the code used."""

import datetime

from django.utils import timezone

from learningloop.core import deadlines as engine
from learningloop.core.reminders import send_kind_reminders

from .deadline_kinds import RESPONSE

DUE_SOON = RESPONSE.reminder_kind(engine.DUE_SOON)  # "response-due-soon"
DUE_TODAY = RESPONSE.reminder_kind(engine.DUE_TODAY)
OVERDUE = RESPONSE.reminder_kind(engine.OVERDUE)


def applicable_reminder(due_on: datetime.date, today: datetime.date):
    """(ledger kind, remind_on) of the latest reminder that applies today, or None."""
    found = RESPONSE.schedule.applicable(due_on, today)
    if found is None:
        return None
    which, remind_on = found
    return RESPONSE.reminder_kind(which), remind_on


def send_response_reminders(today=None) -> int:
    """Send the response reminders that apply today; return how many were sent now."""
    return send_kind_reminders(RESPONSE, today or timezone.localdate())
