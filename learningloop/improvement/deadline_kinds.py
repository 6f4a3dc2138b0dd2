"""Improvement actions as a kind of deadline in the one engine (core.deadlines): how an action shows on
the deadlines page, who is reminded (its owner), and the reminder's words."""

from learningloop.core import deadlines as engine
from learningloop.core.links import reverse_numbered
from learningloop.core.presenters import StatusTag

CANCELLED = StatusTag("Cancelled", "grey", key="cancelled")


def _describe(row):
    return (
        row.description[:120],
        row.plan__title,
        reverse_numbered("improvement:action_detail", args=[row.pk]),
    )


def _status(row, today):
    from .models import ActionStatus

    if row.status == ActionStatus.CANCELLED:
        return CANCELLED
    return engine.deadline_status(row.due, row.done, today)


def compose_action_reminder(reminder: engine.DueReminder):
    """The reminder to an action's owner (improvement.emails)."""
    from . import emails

    return emails.action_reminder(reminder=reminder)


ACTION = engine.DeadlineKind(
    code="action",
    label="Improvement actions",
    model="improvement.Action",
    permission="actions.view",
    describe=_describe,
    columns=("description", "plan__title", "owner_agency__name", "status"),
    select_related=("plan", "owner", "owner_agency"),
    agency_field="owner_agency_id",
    agency_label=lambda row: row.owner_agency__name,
    status=_status,
    recipients=engine.owner_recipients,
    compose=compose_action_reminder,
    link=lambda a: reverse_numbered("improvement:action_detail", args=[a.pk]),
    position=40,
)


def register():
    engine.register(ACTION)
