"""Reminders to agencies' strategic leads about requests they have not answered: one 5 working days
before the due date, one on the due date, and one a week while overdue. Each goes through the reminder
ledger (core.reminders.reminder_send_once), so it is sent once however often this runs; if the worker
missed a day, only the latest applicable reminder is sent."""

import datetime

from django.utils import timezone

from learningloop.core import workdays
from learningloop.core.reminders import reminder_send_once

from . import emails
from .models import AgencyResponse
from .services_requests import strategic_leads

SOON_WORKING_DAYS = 5
DUE_SOON, DUE_TODAY, OVERDUE = "response-due-soon", "response-due-today", "response-overdue"


def applicable_reminder(due_on: datetime.date, today: datetime.date):
    """(kind, remind_on) of the latest reminder that applies today, or None."""
    if today > due_on:
        weeks = (today - due_on).days // 7
        if weeks >= 1:
            return OVERDUE, due_on + datetime.timedelta(days=7 * weeks)
        return DUE_TODAY, due_on
    if today == due_on:
        return DUE_TODAY, due_on
    soon_on = workdays.add_working_days(due_on, -SOON_WORKING_DAYS)
    if today >= soon_on:
        return DUE_SOON, soon_on
    return None


def _message(kind, response, lead, due_on):
    return emails.response_reminder(response=response, recipient=lead, due_on=due_on, which=kind)


def send_response_reminders(today=None) -> int:
    """Send the reminders that apply today; return how many were sent now."""
    today = today or timezone.localdate()
    responses = list(AgencyResponse.objects.outstanding().select_related("request", "agency").order_by("pk"))
    due = [(r, applicable_reminder(r.request.due_on, today)) for r in responses]
    due = [(r, reminder) for r, reminder in due if reminder]
    if not due:
        return 0
    leads = strategic_leads({r.agency_id for r, _ in due})
    sent = 0
    for response, (kind, remind_on) in due:
        for lead in leads.get(response.agency_id, []):
            email = _message(kind, response, lead, response.request.due_on)
            sent += reminder_send_once(
                kind=kind, obj=response, recipient=lead.email, remind_on=remind_on, email=email
            )
    return sent
