"""Improvement actions as a kind of deadline in the one engine (core.deadlines): how an action shows on
the deadlines page, who is reminded (its owner), and the reminder's words."""

from django.urls import reverse

from learningloop.core import deadlines as engine
from learningloop.core.presenters import StatusTag

CANCELLED = StatusTag("Cancelled", "grey", key="cancelled")


def _describe(action):
    return (
        action.description[:120],
        action.plan.title,
        reverse("improvement:action_detail", args=[action.pk]),
    )


def _status(action, today):
    from .models import ActionStatus

    if action.status == ActionStatus.CANCELLED:
        return CANCELLED
    return action.deadline_status(today)


def _recipients(actions):
    """The action's named owner, when they have an email address."""
    return {
        a.pk: [engine.Recipient(a.owner.full_name, a.owner.email)] if a.owner_id and a.owner.email else []
        for a in actions
    }


def compose_action_reminder(reminder: engine.DueReminder) -> tuple[str, str]:
    """Subject and body of a reminder to an action's owner. The action's words are not repeated (they may
    describe practice in detail): the plan's title, the due date and the link."""
    plan = reminder.deadline.plan.title
    due = f"{reminder.due_on.day} {reminder.due_on:%B %Y}"
    subject, when = {
        engine.DUE_SOON: (f"Reminder: action due soon: {plan}", f"is due by {due}"),
        engine.DUE_TODAY: (f"Reminder: action due today: {plan}", f"is due today, {due}"),
        engine.OVERDUE: (f"Overdue: action in {plan}", f"was due by {due} and is overdue"),
    }[reminder.which]
    body = (
        f"Hello {reminder.recipient.name},\n\n"
        f'An action you own in the plan "{plan}" {when}.\n\n'
        f"Update it here (sign in first):\n{reminder.link}\n"
    )
    return subject, body


ACTION = engine.DeadlineKind(
    code="action",
    label="Improvement actions",
    model="improvement.Action",
    permission="actions.view",
    describe=_describe,
    select_related=("plan", "owner", "owner_agency"),
    agency_field="owner_agency_id",
    agency_label=lambda a: a.owner_agency.name,
    status=_status,
    recipients=_recipients,
    compose=compose_action_reminder,
    link=lambda a: reverse("improvement:action_detail", args=[a.pk]),
    position=40,
)


def register():
    engine.register(ACTION)
