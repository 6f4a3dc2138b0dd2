"""Agencies' responses to requests, and planned communications, as kinds of deadline in the one engine
(core.deadlines): how each shows on the deadlines page, who is reminded, and the reminders' words."""

from django.urls import reverse

from learningloop.core import deadlines as engine
from learningloop.core.presenters import StatusTag


def _due_words(due_on):
    return f"{due_on.day} {due_on:%B %Y}"


# --- Responses to requests to agencies ---


def _describe_response(response):
    return (
        f"Response to {response.request.title}",
        response.agency.name,
        reverse("dissemination:response_detail", args=[response.pk]),
    )


def _response_recipients(responses):
    from .services_requests import strategic_leads

    leads = strategic_leads({r.agency_id for r in responses})
    return {
        r.pk: [engine.Recipient(u.full_name, u.email) for u in leads.get(r.agency_id, [])] for r in responses
    }


def compose_response_reminder(reminder: engine.DueReminder) -> tuple[str, str]:
    """Subject and body of a reminder to a strategic lead about their agency's response."""
    title = reminder.deadline.request.title
    due = _due_words(reminder.due_on)
    subject, when = {
        engine.DUE_SOON: (f"Reminder: response due soon: {title}", f"is due by {due}"),
        engine.DUE_TODAY: (f"Reminder: response due today: {title}", f"is due today, {due}"),
        engine.OVERDUE: (f"Overdue: response to {title}", f"was due by {due} and is overdue"),
    }[reminder.which]
    body = (
        f"Hello {reminder.recipient.name},\n\n"
        f'Your agency\'s response to the request "{title}" {when}.\n\n'
        f"Respond here (sign in first):\n{reminder.link}\n"
    )
    return subject, body


def _response_status(response, today):
    return response.deadline_status(today)


RESPONSE = engine.DeadlineKind(
    code="response",
    label="Responses to requests to agencies",
    model="dissemination.AgencyResponse",
    permission="embedding.view",
    describe=_describe_response,
    select_related=("request", "agency"),
    agency_field="agency_id",
    agency_label=lambda r: r.agency.name,
    status=_response_status,
    recipients=_response_recipients,
    compose=compose_response_reminder,
    link=lambda r: reverse("dissemination:response_detail", args=[r.pk]),
    position=20,
)


# --- Planned communications ---

CANCELLED = StatusTag("Cancelled", "grey", key="cancelled")


def _communication_status(communication, today):
    from .models import CommunicationStatus

    if communication.status == CommunicationStatus.CANCELLED:
        return CANCELLED
    return communication.deadline_status(today)


def _plan_path(communication):
    return reverse("dissemination:plan_detail", args=[communication.audience_plan.message_plan.plan_id])


def _describe_communication(communication):
    plan = communication.audience_plan.message_plan.plan
    return (communication.description, str(plan.summary), _plan_path(communication))


def _communication_recipients(communications):
    """The communication's owner, when one is named and has an email address."""
    return {
        c.pk: [engine.Recipient(c.owner.full_name, c.owner.email)] if c.owner_id and c.owner.email else []
        for c in communications
    }


def compose_communication_reminder(reminder: engine.DueReminder) -> tuple[str, str]:
    """Subject and body of a reminder to a communication's owner."""
    what = reminder.deadline.description
    due = _due_words(reminder.due_on)
    subject, when = {
        engine.DUE_SOON: (f"Reminder: communication due soon: {what}", f"is due by {due}"),
        engine.DUE_TODAY: (f"Reminder: communication due today: {what}", f"is due today, {due}"),
        engine.OVERDUE: (f"Overdue: communication: {what}", f"was due by {due} and is overdue"),
    }[reminder.which]
    body = (
        f"Hello {reminder.recipient.name},\n\n"
        f'The communication "{what}", which you own in a learning dissemination plan, {when}.\n\n'
        f"Record it as done here (sign in first):\n{reminder.link}\n"
    )
    return subject, body


COMMUNICATION = engine.DeadlineKind(
    code="communication",
    label="Communications in dissemination plans",
    model="dissemination.Communication",
    permission="dissemination.view",
    describe=_describe_communication,
    select_related=(
        "owner",
        "owner_agency",
        "audience_plan__message_plan__plan__summary__subgroup",
    ),
    group_field="audience_plan__message_plan__plan__summary__subgroup_id",
    agency_field="owner_agency_id",
    group_label=lambda c: c.audience_plan.message_plan.plan.summary.subgroup.name,
    agency_label=lambda c: c.owner_agency.name if c.owner_agency_id else "",
    status=_communication_status,
    recipients=_communication_recipients,
    compose=compose_communication_reminder,
    link=_plan_path,
    position=30,
)


def register():
    engine.register(RESPONSE)
    engine.register(COMMUNICATION)
