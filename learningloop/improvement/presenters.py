"""Display values for improvement actions. RAG is derived from dates, status and progress, never typed:
`rag()` is the one rule; `rag_q()` is the same rule as a database filter for lists and counts. What is
overdue and what is due soon both take from the deadline engine (core.deadlines: is_overdue / is_due_soon
in Python, Action.deadline_overdue_q / deadline_due_soon_q in the database)."""

import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils.text import Truncator

from learningloop.core import deadlines
from learningloop.core.presenters import StatusTag

from .models import Action, ActionStatus, SustainmentResult

DUE_SOON_WORKING_DAYS = deadlines.DUE_SOON_WORKING_DAYS
NAME_LENGTH = 120


def action_name(action) -> str:
    """What a page title, heading or breadcrumb calls an action: what it is to do (the first line of its
    description, cut at a word near 120 characters), never its number."""
    first_line = (action.description or "").strip().splitlines()[0:1]
    return Truncator(first_line[0] if first_line else "").chars(NAME_LENGTH, html=False) or "Action"


AMBER_PROGRESS_BELOW = 50

# A RAG rating is a status tag like every other: key red, amber, green, complete or cancelled.
Rag = StatusTag


def _rag(key, text, colour):
    return StatusTag(text, colour, key=key)


RAG_CHOICES = [
    ("red", "Red"),
    ("amber", "Amber"),
    ("green", "Green"),
    ("complete", "Complete"),
    ("cancelled", "Cancelled"),
]


def due_soon_until(today: datetime.date) -> datetime.date:
    """The last date that counts as due soon: the 10th working day after today (the deadline engine's)."""
    return deadlines.due_soon_until(today, DUE_SOON_WORKING_DAYS)


def rag(*, status, due_on, progress, sustainment_result="", today) -> Rag:
    """The RAG rating of an action.

    Completed → Complete (blue; green once the improvement is confirmed to have lasted); cancelled → grey;
    open and past its due date → Red; open, due within the next 10 working days and under 50% done → Amber;
    any other open action → Green."""
    if status == ActionStatus.COMPLETED:
        if sustainment_result == SustainmentResult.SUSTAINED:
            return _rag("complete", "Complete, sustained", "green")
        if sustainment_result == SustainmentResult.NOT_SUSTAINED:
            return _rag("complete", "Complete, not sustained", "blue")
        return _rag("complete", "Complete", "blue")
    if status == ActionStatus.CANCELLED:
        return _rag("cancelled", "Cancelled", "grey")
    if deadlines.is_overdue(due_on, today):
        return _rag("red", "Red", "red")
    if deadlines.is_due_soon(due_on, today, DUE_SOON_WORKING_DAYS) and progress < AMBER_PROGRESS_BELOW:
        return _rag("amber", "Amber", "yellow")
    return _rag("green", "Green", "green")


def action_rag(action, today) -> Rag:
    return rag(
        status=action.status,
        due_on=action.due_on,
        progress=action.progress,
        sustainment_result=action.sustainment_result,
        today=today,
    )


def rag_q(key: str, today: datetime.date, prefix: str = "") -> Q:
    """The same rule as `rag()`, as a filter (prefix "actions__" to count a plan's actions)."""

    def q(**kwargs):
        return Q(**{prefix + k: v for k, v in kwargs.items()})

    red = Action.deadline_overdue_q(today, prefix=prefix)
    amber = Action.deadline_due_soon_q(today, DUE_SOON_WORKING_DAYS, prefix=prefix) & q(
        progress__lt=AMBER_PROGRESS_BELOW
    )
    if key == "red":
        return red
    if key == "amber":
        return amber
    if key == "green":
        return Action.deadline_is_open_q(prefix=prefix) & ~red & ~amber
    if key == "complete":
        return q(status=ActionStatus.COMPLETED)
    if key == "cancelled":
        return q(status=ActionStatus.CANCELLED)
    raise ValueError(f"Unknown RAG {key!r}")


SOURCE_KINDS = [
    ("review", "Case review recommendation"),
    ("finding", "Finding"),
    ("activity", "Audit, inspection or other activity"),
    ("key_message", "Key message"),
    ("meeting", "Meeting"),
]
SOURCE_FIELD = {
    "review": "source_review",
    "finding": "source_finding",
    "activity": "source_activity",
    "key_message": "source_key_message",
    "meeting": "source_meeting",
}


@dataclass(frozen=True)
class Source:
    kind: str
    kind_label: str
    text: str
    url: str | None


def _reverse(name, pk):
    try:
        return reverse(name, kwargs={"pk": pk})
    except NoReverseMatch:
        return None


def plan_source(plan) -> Source:
    """What the plan answers, with a link to it. Select the source relations first (see views)."""
    labels = dict(SOURCE_KINDS)
    if plan.source_review_id:
        review = plan.source_review
        return Source(
            "review",
            labels["review"],
            f"{review.activity.title} ({review.pseudonym})",
            _reverse("learning:review_detail", review.pk),
        )
    if plan.source_finding_id:
        finding = plan.source_finding
        return Source(
            "finding",
            labels["finding"],
            f"{finding.activity.title}: {finding}",
            _reverse("learning:finding_detail", finding.pk),
        )
    if plan.source_activity_id:
        activity = plan.source_activity
        return Source(
            "activity", labels["activity"], activity.title, _reverse("learning:activity_detail", activity.pk)
        )
    if plan.source_key_message_id:
        message = plan.source_key_message
        url = _reverse("reports:key_message_trail", message.pk) or _reverse(
            "learning:summary_detail", message.summary_id
        )
        return Source("key_message", labels["key_message"], str(message), url)
    return Source("meeting", labels["meeting"], plan.source_meeting, None)


SOURCE_RELATED = (
    "source_review__activity",
    "source_finding__activity",
    "source_activity",
    "source_key_message",
    "agency",
)


def progress_text(action) -> str:
    return f"{action.progress}%"
