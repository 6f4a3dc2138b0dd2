"""Writes for agencies' own learning. Keyword-only, validated, atomic; views stay thin."""

from django.core.exceptions import ValidationError
from django.db import transaction

from learningloop.core.concurrency import claim_version
from learningloop.core.policy import state_rule
from learningloop.learning.models import ActivityStatus, LearningActivity
from learningloop.learning.register.services import activity_save

from ..models import AgencyContribution, ContributionStatus

EDITABLE = (ContributionStatus.DRAFT, ContributionStatus.RETURNED)


def _user(by):
    return by if getattr(by, "is_authenticated", False) else None


@transaction.atomic
def contribution_save(*, contribution: AgencyContribution, expected_version=None, by=None):
    """Create or change a draft (or returned) contribution of the agency."""
    if contribution.pk is not None:
        saved = AgencyContribution.objects.values_list("status", flat=True).get(pk=contribution.pk)
        if saved not in EDITABLE:
            raise ValidationError(state_rule("contribution.record", contribution).refusal)
        claim_version(contribution, expected_version)
    else:
        contribution.created_by = _user(by)
    contribution.full_clean()
    contribution.save()
    return contribution


@transaction.atomic
def contribution_submit(*, contribution: AgencyContribution, expected_version, by=None):
    if contribution.status not in EDITABLE:
        raise ValidationError(state_rule("contribution.record", contribution).refusal)
    claim_version(contribution, expected_version)
    contribution.status = ContributionStatus.SUBMITTED
    contribution.save(update_fields=["status"])
    return contribution


def _description(c):
    parts = [c.summary]
    for label, text in (
        ("Objectives", c.objectives),
        ("Outcomes", c.outcomes),
        ("Action plan", c.action_plan),
    ):
        if text.strip():
            parts.append(f"{label}: {text.strip()}")
    return "\n\n".join(parts)


@transaction.atomic
def contribution_review(
    *, contribution: AgencyContribution, accept: bool, reason="", expected_version, by=None
):
    """The business unit accepts a submitted contribution into the learning register (a completed learning
    activity with the agency as its provider) or returns it to the agency with a reason."""
    if contribution.status != ContributionStatus.SUBMITTED:
        raise ValidationError(state_rule("contribution.decide", contribution).refusal)
    if not accept and not (reason or "").strip():
        raise ValidationError({"reason": "Enter why the contribution is being returned"})
    claim_version(contribution, expected_version)
    if accept:
        contribution.activity = activity_save(
            activity=LearningActivity(
                title=contribution.title,
                source_type=contribution.source_type,
                description=_description(contribution),
                started_on=contribution.happened_on,
                completed_on=contribution.happened_on,
                status=ActivityStatus.COMPLETED,
                owning_group=contribution.source_type.owning_group,
            ),
            provider_agencies=[contribution.agency_id],
            by=by,
        )
        contribution.status, contribution.return_reason = ContributionStatus.ACCEPTED, ""
    else:
        contribution.status, contribution.return_reason = ContributionStatus.RETURNED, reason.strip()
    contribution.save(update_fields=["status", "return_reason", "activity"])
    return contribution
