"""Writes for the Learning Dissemination Action Plan (Appendix C) and its tracked communications.
Keyword-only, validated with full_clean, atomic; views compose these and stay thin."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from learningloop.core.concurrency import claim_version
from learningloop.learning.loop import loop_touched
from learningloop.learning.models import SummaryOfLearning, SummaryStatus
from learningloop.partnership.models import AudienceGroup

from ..models import AudiencePlan, Communication, CommunicationStatus, DisseminationPlan, MessagePlan

NOT_ACCEPTED = "Only a Summary of Learning accepted by the LDG can have a dissemination plan"
PAST_DUE = "The due date must be today or in the future"
DONE_NEEDS_DATE = "Enter the date the communication was done"
DONE_IN_FUTURE = "The date done must be today or in the past"


def plan_create_for_summary(*, summary: SummaryOfLearning, by=None) -> tuple[DisseminationPlan, bool]:
    """The plan for an accepted summary: one row per key message, and under each one row per active audience
    group (the four of Appendix C). Returns (plan, created); a summary that already has a plan gets it back.
    """
    existing = DisseminationPlan.objects.filter(summary=summary).first()
    if existing is not None:
        return existing, False
    if summary.status != SummaryStatus.ACCEPTED:
        raise ValidationError(NOT_ACCEPTED)
    try:
        with transaction.atomic():
            plan = DisseminationPlan(summary=summary)
            if by is not None and getattr(by, "is_authenticated", False):
                plan.created_by = by
            plan.full_clean()
            plan.save()
            audiences = list(AudienceGroup.objects.active())
            for message in summary.key_messages.order_by("position", "pk"):
                message_plan = MessagePlan.objects.create(plan=plan, key_message=message)
                AudiencePlan.objects.bulk_create(
                    [AudiencePlan(message_plan=message_plan, audience=audience) for audience in audiences]
                )
    except IntegrityError:
        # Someone created the plan for this summary at the same moment: theirs stands.
        return DisseminationPlan.objects.get(summary=summary), False
    return plan, True


@transaction.atomic
def message_plan_save(*, message_plan: MessagePlan, purpose: str, audiences, expected_version: int) -> None:
    """Save a key message's purpose and, for each audience row, its methods and measures of success.
    `audiences` is [(audience_plan, methods, measures_of_success)]. The plan's version guards the edit:
    if someone saved the plan in between, EditConflict is raised and nothing is saved."""
    plan = message_plan.plan
    claim_version(plan, expected_version)
    message_plan.purpose = purpose
    message_plan.full_clean()
    message_plan.save(update_fields=["purpose"])
    for audience_plan, methods, measures in audiences:
        if audience_plan.message_plan_id != message_plan.pk:
            raise ValidationError("That audience row belongs to another key message")
        audience_plan.measures_of_success = measures
        audience_plan.full_clean()
        audience_plan.save(update_fields=["measures_of_success"])
        audience_plan.methods.set(methods)
    DisseminationPlan.objects.filter(pk=plan.pk).update(updated_at=timezone.now())
    loop_touched([message_plan.key_message_id])  # planned: a method chosen for one of its audiences


def _check_communication(communication: Communication, today):
    errors = {}
    if communication.pk is None and communication.due_on and communication.due_on < today:
        errors["due_on"] = PAST_DUE
    if communication.status == CommunicationStatus.DONE and communication.done_on is None:
        errors["done_on"] = DONE_NEEDS_DATE
    if communication.done_on and communication.done_on > today:
        errors["done_on"] = DONE_IN_FUTURE
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def communication_save(*, communication: Communication, expected_version=None, today=None) -> Communication:
    """Validate and save a tracked communication. A new one is due today or later; a done one has its date
    done. An edit names the version it started from; if someone saved in between, EditConflict is raised."""
    today = today or timezone.localdate()
    _check_communication(communication, today)
    communication.full_clean()
    if communication.pk is not None:
        claim_version(communication, expected_version)
    communication.save()
    # Disseminated: one of the key message's communications is done.
    loop_touched(
        AudiencePlan.objects.filter(pk=communication.audience_plan_id).values_list(
            "message_plan__key_message_id", flat=True
        )
    )
    return communication
