"""Writes for the self-assessment cycle. Keyword-only, validated with full_clean, atomic; views stay thin.

A cycle is a learning activity in the register (its source type is the Section 11 or the Section 175/157
self-assessment), so its moderation's agreed actions go into an action plan whose source is that activity."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from learningloop.core.concurrency import claim_version
from learningloop.core.policy import state_rule
from learningloop.core.stored_files import attach_upload
from learningloop.improvement import services as improvement
from learningloop.improvement.models import ActionPlan, PlanScope
from learningloop.learning.models import ActivityStatus, LearningActivity
from learningloop.learning.register.services import activity_save
from learningloop.partnership.models import LearningSourceType

from ..models import (
    Answer,
    Cycle,
    Moderation,
    ReturnEvent,
    ReturnEvidence,
    ReturnStatus,
    SelfAssessmentReturn,
    StandardSet,
    StandardSetKind,
)
from ..models.selfassessment import OPEN_RETURN_STATUSES

# The register's source type for each standard set (names from the framework preset).
SOURCE_TYPE_NAMES = {
    StandardSetKind.SECTION_11: "Section 11 self-assessment",
    StandardSetKind.SECTION_175: "Section 175 / 157 education self-assessment",
}


def _user(by):
    return by if getattr(by, "is_authenticated", False) else None


@transaction.atomic
def standard_save(*, standard, expected_version=None):
    standard.full_clean()
    if standard.pk is not None:
        claim_version(standard, expected_version)
    standard.save()
    return standard


@transaction.atomic
def cycle_create(*, standard_set: StandardSet, name, frequency, opens_on, due_on, by=None) -> Cycle:
    """A new cycle: its row in the learning register, and a return (with one empty answer per standard in
    use) for every agency or school that makes one, each due on the cycle's date."""
    errors = {}
    if opens_on and due_on and due_on < opens_on:
        errors["due_on"] = "The returns' due date must be on or after the date the cycle opens"
    source_type = LearningSourceType.objects.filter(name=SOURCE_TYPE_NAMES[standard_set.kind]).first()
    if source_type is None:
        errors["standard_set"] = "Load the framework preset first: the self-assessment source type is missing"
    if errors:
        raise ValidationError(errors)
    activity = activity_save(
        activity=LearningActivity(
            title=name,
            source_type=source_type,
            started_on=opens_on,
            status=ActivityStatus.IN_PROGRESS,
            owning_group=source_type.owning_group,
            description=f"{standard_set.name}: returns due {due_on:%d %B %Y}.",
        ),
        by=by,
    )
    cycle = Cycle(
        activity=activity,
        standard_set=standard_set,
        name=name,
        frequency=frequency,
        opens_on=opens_on,
        due_on=due_on,
    )
    cycle.full_clean()
    cycle.save()
    agencies = list(standard_set.expected_agencies().values_list("pk", flat=True))
    returns = SelfAssessmentReturn.objects.bulk_create(
        [SelfAssessmentReturn(cycle=cycle, agency_id=pk, due_on=due_on) for pk in agencies], batch_size=500
    )
    standards = list(standard_set.standards.filter(is_active=True).values_list("pk", flat=True))
    Answer.objects.bulk_create(
        [Answer(ret=r, standard_id=s) for r in returns for s in standards], batch_size=2000
    )
    activity.provider_agencies.set(agencies)
    return cycle


def _check_open(ret: SelfAssessmentReturn, today):
    ret.apply_deadline(today)
    if ret.status not in OPEN_RETURN_STATUSES:
        raise ValidationError(state_rule("selfassessment.complete", ret).refusal)


def _started(ret: SelfAssessmentReturn):
    if ret.status == ReturnStatus.NOT_STARTED:
        ret.status = ReturnStatus.IN_PROGRESS
        ret.save(update_fields=["status"])


@transaction.atomic
def answer_save(*, answer: Answer, expected_version, by=None, today=None) -> Answer:
    """Save an agency's answer for one standard while its return is open."""
    today = today or timezone.localdate()
    ret = SelfAssessmentReturn.objects.select_for_update().get(pk=answer.ret_id)
    _check_open(ret, today)
    if answer.improvement_areas.strip() and not answer.improvement_due_on:
        raise ValidationError({"improvement_due_on": "Enter the date the improvements will be made by"})
    answer.carried_forward = False
    answer.full_clean()
    claim_version(answer, expected_version)
    answer.save()
    _started(ret)
    return answer


@transaction.atomic
def return_start(*, ret: SelfAssessmentReturn, by=None, today=None) -> int:
    """Start from last cycle's answers: each standard still unanswered takes the score, evidence and areas
    for improvement this agency gave for the same standard in the previous cycle of the same set. Answers
    already given are left alone. Returns how many answers were filled in."""
    today = today or timezone.localdate()
    _check_open(ret, today)
    previous = Cycle.objects.previous_of(ret.cycle)
    if previous is None:
        raise ValidationError("There is no earlier cycle of these standards to start from")
    last = {
        a.standard_id: a for a in Answer.objects.filter(ret__cycle=previous, ret__agency_id=ret.agency_id)
    }
    filled = []
    for answer in ret.answers.all():
        old = last.get(answer.standard_id)
        empty = answer.score is None and not answer.evidence and not answer.improvement_areas
        if old is None or not empty or old.score is None:
            continue
        answer.score, answer.evidence = old.score, old.evidence
        answer.improvement_areas, answer.improvement_due_on = old.improvement_areas, old.improvement_due_on
        answer.carried_forward = True
        answer.version += 1
        filled.append(answer)
    if not filled:
        raise ValidationError("Last cycle's return has no answers to start from for the standards still open")
    Answer.objects.bulk_update(
        filled,
        ["score", "evidence", "improvement_areas", "improvement_due_on", "carried_forward", "version"],
    )
    _started(ret)
    ReturnEvent.objects.create(ret=ret, kind=ReturnEvent.Kind.CARRIED_FORWARD, by=_user(by))
    return len(filled)


@transaction.atomic
def evidence_attach(*, ret: SelfAssessmentReturn, upload, by=None, today=None) -> ReturnEvidence:
    _check_open(ret, today or timezone.localdate())
    stored = attach_upload(stored=ReturnEvidence(ret=ret), upload=upload, by=by)
    _started(ret)
    return stored


@transaction.atomic
def return_submit(*, ret: SelfAssessmentReturn, expected_version, by=None, today=None):
    """Submit a return: every standard needs a score and evidence (text or a file)."""
    today = today or timezone.localdate()
    _check_open(ret, today)
    missing = [
        str(a.standard)
        for a in ret.answers.select_related("standard")
        if a.score is None or not (a.evidence.strip() or ret.evidence.exists())
    ]
    if missing:
        raise ValidationError(
            "Give a score and evidence for every standard before submitting: " + "; ".join(missing)
        )
    claim_version(ret, expected_version)
    ret.status, ret.submitted_on, ret.submitted_by = ReturnStatus.SUBMITTED, today, _user(by)
    ret.full_clean()
    ret.save()
    ReturnEvent.objects.create(ret=ret, kind=ReturnEvent.Kind.SUBMITTED, by=_user(by))
    return ret


@transaction.atomic
def return_reopen(*, ret: SelfAssessmentReturn, reason, due_on, expected_version, by=None, today=None):
    """The business unit reopens a submitted or locked return, with a reason and a new deadline."""
    today = today or timezone.localdate()
    ret.apply_deadline(today)
    if ret.status not in (ReturnStatus.SUBMITTED, ReturnStatus.LOCKED):
        raise ValidationError(state_rule("selfassessment.reopen", ret).refusal)
    errors = {}
    if not (reason or "").strip():
        errors["reason"] = "Enter why the return is being reopened"
    if due_on is None or due_on < today:
        errors["due_on"] = "The new deadline must be today or in the future"
    if errors:
        raise ValidationError(errors)
    claim_version(ret, expected_version)
    ret.status, ret.due_on, ret.submitted_on, ret.submitted_by = ReturnStatus.IN_PROGRESS, due_on, None, None
    ret.full_clean()
    ret.save()
    ReturnEvent.objects.create(ret=ret, kind=ReturnEvent.Kind.REOPENED, reason=reason.strip(), by=_user(by))
    return ret


def _moderation_plan(ret, by):
    cycle = ret.cycle
    title = f"{cycle.name}: {ret.agency.name}"
    plan = ActionPlan.objects.filter(
        source_activity=cycle.activity, scope=PlanScope.SINGLE_AGENCY, agency=ret.agency
    ).first()
    if plan is None:
        plan = improvement.plan_create(
            plan=ActionPlan(
                title=title[:200],
                scope=PlanScope.SINGLE_AGENCY,
                agency=ret.agency,
                source_activity=cycle.activity,
            ),
            by=by,
        )
    return plan


@transaction.atomic
def moderation_record(
    *,
    ret: SelfAssessmentReturn,
    held_on: datetime.date,
    notes="",
    scores: dict,
    actions=(),
    by=None,
    today=None,
) -> Moderation:
    """Record a moderation (challenge) event: the moderated score per standard ({standard_id: 0–3 or
    None to keep the agency's own}) and the agreed actions [(description, due_on)], which become improvement
    actions owned by the return's agency in its single-agency plan for this cycle."""
    today = today or timezone.localdate()
    ret.apply_deadline(today)
    if ret.status not in (ReturnStatus.SUBMITTED, ReturnStatus.LOCKED):
        raise ValidationError(state_rule("selfassessment.moderate", ret).refusal)
    if held_on is None or held_on > today:
        raise ValidationError({"held_on": "The moderation date must be today or in the past"})
    answers = {a.standard_id: a for a in ret.answers.all()}
    changed = []
    for standard_id, score in scores.items():
        answer = answers.get(standard_id)
        if answer is None or score is None:
            continue
        if score not in (0, 1, 2, 3):
            raise ValidationError("A moderated score is 0, 1, 2 or 3")
        answer.moderated_score = score
        answer.version += 1
        changed.append(answer)
    Answer.objects.bulk_update(changed, ["moderated_score", "version"])
    plan = _moderation_plan(ret, by) if actions else None
    for description, due_on in actions:
        improvement.action_create(
            plan=plan, description=description, owner_agency=ret.agency, owner=None, due_on=due_on, by=by
        )
    moderation = Moderation(ret=ret, held_on=held_on, notes=notes, plan=plan, by=_user(by))
    moderation.full_clean()
    moderation.save()
    ReturnEvent.objects.create(ret=ret, kind=ReturnEvent.Kind.MODERATED, by=_user(by))
    return moderation
