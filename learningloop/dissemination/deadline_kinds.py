"""Agencies' responses to requests, and planned communications, as kinds of deadline in the one engine
(core.deadlines): how each shows on the deadlines page, who is reminded, and the reminders' words."""

from learningloop.core import deadlines as engine
from learningloop.core.links import reverse_numbered
from learningloop.core.presenters import StatusTag


def _due_words(due_on):
    return f"{due_on.day} {due_on:%B %Y}"


# --- Responses to requests to agencies ---


def _describe_response(row):
    return (
        f"Response to {row.request__title}",
        row.agency__name,
        reverse_numbered("dissemination:response_detail", args=[row.pk]),
    )


def _response_recipients(responses):
    from learningloop.accounts.models import User

    leads = User.objects.strategic_leads_of({r.agency_id for r in responses})
    return {
        r.pk: [engine.Recipient(u.full_name, u.email) for u in leads.get(r.agency_id, [])] for r in responses
    }


def compose_response_reminder(reminder: engine.DueReminder):
    """The reminder to a strategic lead about their agency's response (dissemination.emails)."""
    from . import emails

    return emails.response_reminder(
        response=reminder.deadline,
        recipient=reminder.recipient,
        due_on=reminder.due_on,
        which=RESPONSE.reminder_kind(reminder.which),
    )


def _response_status(row, today):
    from .models import response_done_on

    return engine.deadline_status(row.due, response_done_on(row.status, row.submitted_at), today)


RESPONSE = engine.DeadlineKind(
    code="response",
    label="Responses to requests to agencies",
    model="dissemination.AgencyResponse",
    permission="embedding.view",
    describe=_describe_response,
    columns=("request__title", "agency__name", "status", "submitted_at"),
    select_related=("request", "agency"),
    agency_field="agency_id",
    agency_label=lambda row: row.agency__name,
    status=_response_status,
    recipients=_response_recipients,
    compose=compose_response_reminder,
    link=lambda r: reverse_numbered("dissemination:response_detail", args=[r.pk]),
    position=20,
)


# --- Planned communications ---

CANCELLED = StatusTag("Cancelled", "grey", key="cancelled")


def _communication_status(row, today):
    from .models import CommunicationStatus

    if row.status == CommunicationStatus.CANCELLED:
        return CANCELLED
    return engine.deadline_status(row.due, row.done, today)


def _plan_path_of(plan_id):
    return reverse_numbered("dissemination:plan_detail", args=[plan_id])


def _plan_path(communication):
    """The reminder's link (from the model)."""
    return _plan_path_of(communication.plan_id)


def _describe_communication(row):
    path = _plan_path_of(row.plan_id)
    return (row.description, row.plan__summary__title, path)


def compose_communication_reminder(reminder: engine.DueReminder):
    """The reminder to a communication's owner (dissemination.emails)."""
    from . import emails

    return emails.communication_reminder(reminder=reminder)


COMMUNICATION = engine.DeadlineKind(
    code="communication",
    label="Communications in dissemination plans",
    model="dissemination.Communication",
    permission="dissemination.view",
    describe=_describe_communication,
    columns=(
        "description",
        "status",
        "plan_id",
        "plan__summary__title",
        "plan__summary__subgroup__name",
        "owner_agency__name",
    ),
    select_related=(
        "owner",
        "owner_agency",
        "plan__summary__subgroup",
    ),
    group_field="plan__summary__subgroup_id",
    agency_field="owner_agency_id",
    group_label=lambda row: row.plan__summary__subgroup__name,
    agency_label=lambda row: row.owner_agency__name or "",
    status=_communication_status,
    recipients=engine.owner_recipients,
    compose=compose_communication_reminder,
    link=_plan_path,
    position=30,
)


def register():
    engine.register(RESPONSE)
    engine.register(COMMUNICATION)
