"""Writes that carry a rule: keyword-only, validated, atomic. Views compose these and stay thin."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from learningloop.core.concurrency import claim_version

from .models import (
    CaseReview,
    KeyMessage,
    SummaryEvent,
    SummaryOfLearning,
    SummaryStatus,
)
from .reviews.deadlines import sync_milestones

# --- Case reviews ---


@transaction.atomic
def case_review_save(*, review: CaseReview, expected_version=None) -> CaseReview:
    """Validate and save a case review, then bring its milestones into step with its dates. An edit names
    the version it started from; if someone saved in between, EditConflict is raised and nothing saved."""
    review.full_clean()
    if expected_version is not None:
        claim_version(review, expected_version)
    review.save()
    sync_milestones(review)
    return review


# --- Summary of Learning workflow ---

# (from, to): who may make the move — the subgroup drafting it, or the LDG deciding on it.
TRANSITIONS = {
    (SummaryStatus.DRAFT, SummaryStatus.SUBMITTED): "summary.submit",
    (SummaryStatus.RETURNED, SummaryStatus.SUBMITTED): "summary.submit",
    (SummaryStatus.SUBMITTED, SummaryStatus.ACCEPTED): "summary.decide",
    (SummaryStatus.SUBMITTED, SummaryStatus.RETURNED): "summary.decide",
}


def _in_sentence(label: str) -> str:
    """A status label inside a sentence: only its first letter lowered, so "the LDG" stays as it is."""
    return label[:1].lower() + label[1:]


class TransitionRefused(ValidationError):
    pass


@transaction.atomic
def summary_transition(
    *, summary: SummaryOfLearning, to: str, by, reason: str = "", expected_version=None
) -> SummaryOfLearning:
    """Move a summary along its workflow, recording who and when; refuses moves the workflow forbids.
    The move claims the summary's next version: the one the page showed (`expected_version`), or the one
    read here; EditConflict, and nothing changed, if someone changed the summary in between."""
    from learningloop.core.policy import can

    summary = SummaryOfLearning.objects.get(pk=summary.pk)
    claim_version(summary, summary.version if expected_version is None else expected_version)
    action = TRANSITIONS.get((summary.status, to))
    if action is None:
        raise TransitionRefused(
            f"A summary that is {_in_sentence(summary.get_status_display())} cannot be "
            f"{_in_sentence(SummaryStatus(to).label)}"
        )
    if not can(by, action, summary):
        raise PermissionDenied
    if to == SummaryStatus.RETURNED and not reason.strip():
        raise ValidationError({"reason": "Enter the reason for returning the summary"})
    if to == SummaryStatus.SUBMITTED and not summary.key_messages.exists():
        raise TransitionRefused("Add at least one key message before submitting the summary")
    SummaryEvent.objects.create(
        summary=summary, from_status=summary.status, to_status=to, by=by, reason=reason
    )
    summary.status = to
    summary.save(update_fields=["status", "updated_at"])
    return summary


@transaction.atomic
def summary_create(*, by, **fields) -> SummaryOfLearning:
    activities = fields.pop("activities", [])
    summary = SummaryOfLearning(created_by=by, **fields)
    summary.full_clean()
    summary.save()
    summary.activities.set(activities)
    SummaryEvent.objects.create(summary=summary, from_status="", to_status=SummaryStatus.DRAFT, by=by)
    return summary


def ensure_editable(summary: SummaryOfLearning) -> None:
    if not summary.is_editable:
        raise TransitionRefused("A submitted or accepted summary cannot be edited until the LDG returns it")


@transaction.atomic
def key_message_save(*, message: KeyMessage, audiences=(), workforce_groups=(), findings=()) -> KeyMessage:
    ensure_editable(message.summary)
    message.full_clean()
    message.save()
    message.audiences.set(audiences)
    message.workforce_groups.set(workforce_groups)
    message.findings.set(findings)
    return message
