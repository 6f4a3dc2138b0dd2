"""Case review milestones: computed from the DeadlineRule data, kept in step whenever a review changes."""

from django.db import transaction
from django.utils import timezone

from learningloop.core.concurrency import claim_version
from learningloop.core.deadlines import compute_due, deadline_status

from ..models import CaseReview, DeadlineRule, Milestone, ReviewDecision


def rules_for(review: CaseReview):
    """The rules that apply to this review now: its kind's, and the local-review ones once one is held."""
    rules = DeadlineRule.objects.filter(review_kind=review.kind)
    if review.decision != ReviewDecision.LOCAL_REVIEW:
        rules = rules.filter(only_for_local_review=False)
    return rules


def sync_milestones(review: CaseReview) -> None:
    """Create, update or remove the review's milestones so they match its rules and dates."""
    rules = list(rules_for(review))
    keep = []
    existing = {m.rule_id: m for m in review.milestones.all()}
    for rule in rules:
        due = compute_due(getattr(review, rule.starts_from), rule.amount, rule.unit, rule.direction)
        done = getattr(review, rule.done_when)
        milestone = existing.get(rule.pk)
        if milestone is None:
            milestone = Milestone.objects.create(review=review, rule=rule, due_on=due, done_on=done)
        elif (milestone.due_on, milestone.done_on) != (due, done):
            milestone.due_on, milestone.done_on = due, done
            milestone.save(update_fields=["due_on", "done_on"])
        keep.append(milestone.pk)
    review.milestones.exclude(pk__in=keep).delete()


def milestone_status(milestone, today=None):
    """The engine's status of a milestone (a core.presenters.StatusTag)."""
    return deadline_status(milestone.due_on, milestone.done_on, today or timezone.localdate())


@transaction.atomic
def deadline_rule_edit(
    *, rule: DeadlineRule, amount, unit, direction, basis="", expected_version=None
) -> DeadlineRule:
    """The business unit changes a rule (how many working days, weeks or months, before or after). Open
    milestones of that rule get their new due dates at once; met ones keep the due date they were met
    against, so "met on time" stays true of the past. `expected_version` is the version the edit form was
    opened at: EditConflict, nothing saved, if someone changed the rule since (default: the rule's own)."""
    claim_version(rule, rule.version if expected_version is None else expected_version)
    rule.amount, rule.unit, rule.direction, rule.basis = amount, unit, direction, basis
    rule.full_clean()
    rule.save(update_fields=["amount", "unit", "direction", "basis"])
    milestones = list(rule.milestones.filter(done_on__isnull=True).select_related("review"))
    for milestone in milestones:
        milestone.due_on = rule.compute(getattr(milestone.review, rule.starts_from))
    Milestone.objects.bulk_update(milestones, ["due_on"], batch_size=500)
    return rule
