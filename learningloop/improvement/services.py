"""Writes for improvement actions. Keyword-only, validated with full_clean, atomic; views stay thin.

Status transitions refused: a completed action cannot go back to not started; a cancelled action cannot
change status; a completed action is 100% done and has the date it was completed."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from learningloop.core.concurrency import claim_version, claim_versions
from learningloop.core.policy import DENIED, state_rule, why_not
from learningloop.core.stored_files import attach_upload

from .models import (
    OPEN_ACTION_STATUSES,
    Action,
    ActionEvidence,
    ActionPlan,
    ActionStatus,
    ActionUpdate,
    PlanScope,
)

PAST_DUE = "The due date must be today or in the future"
OWNER_AGENCY = "The owner must work for the owner agency"


def _user(by):
    return by if getattr(by, "is_authenticated", False) else None


@transaction.atomic
def plan_create(*, plan: ActionPlan, by=None) -> ActionPlan:
    if plan.scope == PlanScope.MULTI_AGENCY:
        plan.agency = None
    plan.created_by = _user(by)
    plan.full_clean()
    plan.save()
    return plan


def _check_action_fields(action: Action, *, today, due_changed=True):
    errors = {}
    if due_changed and action.due_on and action.due_on < today:
        errors["due_on"] = PAST_DUE
    if action.owner_id and action.owner_agency_id and action.owner.agency_id != action.owner_agency_id:
        errors["owner"] = OWNER_AGENCY
    plan = action.plan
    if (
        plan.scope == PlanScope.SINGLE_AGENCY
        and action.owner_agency_id
        and (action.owner_agency_id != plan.agency_id)
    ):
        errors["owner_agency"] = "The owner agency of a single-agency plan's action must be that agency"
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def action_create(*, plan: ActionPlan, description, owner_agency, owner, due_on, by=None) -> Action:
    """A new action, not started, with the first entry of its log."""
    action = Action(plan=plan, description=description, owner_agency=owner_agency, owner=owner, due_on=due_on)
    _check_action_fields(action, today=timezone.localdate())
    action.full_clean()
    action.save()
    ActionUpdate.objects.create(
        action=action, by=_user(by), note="Action created", status=action.status, progress=0
    )
    return action


@transaction.atomic
def action_edit(*, action: Action, expected_version, by=None) -> Action:
    """Save the business unit's edit of description, owner and due date (fields already set on `action`).
    A due date may stay where it was even if it has passed; a new one must be today or later."""
    if action.status not in OPEN_ACTION_STATUSES:
        raise ValidationError(state_rule("actions.manage", action).refusal)
    saved_due = Action.objects.filter(pk=action.pk).values_list("due_on", flat=True).first()
    _check_action_fields(action, today=timezone.localdate(), due_changed=action.due_on != saved_due)
    action.full_clean()
    claim_version(action, expected_version)
    action.save()
    return action


def check_transition(current: str, new: str, progress: int):
    # A closed action is not changed at all (core.policy STATE_RULES: actions.update); the views refuse it
    # first (409), this keeps the service honest for any other caller.
    if current == ActionStatus.CANCELLED:
        raise ValidationError({"status": "A cancelled action cannot be reopened or changed"})
    if current == ActionStatus.COMPLETED:
        raise ValidationError({"status": "A completed action cannot be reopened or changed"})
    if new == ActionStatus.COMPLETED and progress != 100:
        raise ValidationError({"progress": "Progress must be 100% when the action is completed"})


def _apply_update(*, action, note, status, progress, completed_on, evidence_of_completion, by, today):
    check_transition(action.status, status, progress)
    if not (note or "").strip():
        raise ValidationError({"note": "Enter what has happened"})
    if status == ActionStatus.COMPLETED:
        if completed_on is None:
            raise ValidationError({"completed_on": "Enter the date the action was completed"})
        if completed_on > today:
            raise ValidationError({"completed_on": "The date completed must be today or in the past"})
    else:
        completed_on = None
    action.status, action.progress, action.completed_on = status, progress, completed_on
    if evidence_of_completion is not None:
        action.evidence_of_completion = evidence_of_completion
    action.full_clean()
    return ActionUpdate(action=action, by=_user(by), note=note.strip(), status=status, progress=progress)


@transaction.atomic
def action_record_update(
    *,
    action: Action,
    note,
    status,
    progress,
    completed_on=None,
    evidence_of_completion=None,
    by=None,
    expected_version,
) -> ActionUpdate:
    """Append a dated entry to the action's log and set its status and progress. Refused (nothing saved)
    for a disallowed transition or if someone else saved the action since `expected_version`."""
    claim_version(action, expected_version)  # a stale form is a conflict, whatever else is wrong
    update = _apply_update(
        action=action,
        note=note,
        status=status,
        progress=progress,
        completed_on=completed_on,
        evidence_of_completion=evidence_of_completion,
        by=by,
        today=timezone.localdate(),
    )
    action.save()
    update.save()
    return update


BULK_STATUSES = [
    (ActionStatus.IN_PROGRESS, "In progress"),
    (ActionStatus.COMPLETED, "Completed (today, 100% done)"),
    (ActionStatus.CANCELLED, "Cancelled"),
]


@transaction.atomic
def actions_bulk_update(*, actions, status, note, by, expected_versions) -> int:
    """Set several actions' status at once, appending the note to each log. All or nothing: if the user
    may not update any one of them, any one changed since the list was shown (`expected_versions`: pk ->
    version; RecordsChanged names them), or any one's transition is refused, nothing is saved."""
    actions = list(actions)
    if not actions:
        raise ValidationError("Select at least one action")
    # The agency check here; an action's state (completed or cancelled) is refused below, naming it.
    refused = [a for a in actions if why_not(by, "actions.update", a) == DENIED]
    if refused:
        raise ValidationError(
            f"You cannot update {len(refused)} of the selected actions (they belong to another agency). "
            "Nothing was changed"
        )
    today = timezone.localdate()
    pks = [a.pk for a in actions]
    claimed = claim_versions(Action.objects.filter(pk__in=pks), {pk: expected_versions.get(pk) for pk in pks})
    current_by_pk = {a.pk: a for a in claimed}
    for action in actions:
        current = current_by_pk[action.pk]
        progress = 100 if status == ActionStatus.COMPLETED else current.progress
        completed_on = today if status == ActionStatus.COMPLETED else None
        try:
            update = _apply_update(
                action=current,
                note=note,
                status=status,
                progress=progress,
                completed_on=completed_on,
                evidence_of_completion=None,
                by=by,
                today=today,
            )
        except ValidationError as error:
            raise ValidationError(
                f"“{str(current)[:60]}” cannot be changed: {' '.join(error.messages)}. Nothing was changed"
            ) from None
        current.save()
        update.save()
    return len(actions)


def evidence_attach(*, action: Action, upload, by=None) -> ActionEvidence:
    """Check an uploaded file and attach it under a generated name. All or nothing: a file that fails the
    checks is never stored, and a stored file is removed if the row cannot be saved."""
    return attach_upload(stored=ActionEvidence(action=action), upload=upload, by=by)


@transaction.atomic
def sustainment_record(
    *, action: Action, due_on, checked_on=None, result="", note="", by=None, expected_version
) -> Action:
    """Plan (and later record) the check that the improvement lasted. Only for completed actions."""
    if action.status != ActionStatus.COMPLETED:
        raise ValidationError("You can only check that an improvement lasted once the action is completed")
    errors = {}
    if due_on is None:
        errors["sustainment_due_on"] = "Enter the date to check the improvement lasted"
    elif action.completed_on and due_on <= action.completed_on:
        errors["sustainment_due_on"] = "The check must be after the date the action was completed"
    if checked_on and checked_on > timezone.localdate():
        errors["sustainment_checked_on"] = "The date checked must be today or in the past"
    if checked_on and action.completed_on and checked_on < action.completed_on:
        errors["sustainment_checked_on"] = "The date checked must be after the action was completed"
    if checked_on and not result:
        errors["sustainment_result"] = "Select whether the improvement has lasted"
    if result and not checked_on:
        errors["sustainment_checked_on"] = "Enter the date the improvement was checked"
    if errors:
        raise ValidationError(errors)
    action.sustainment_due_on = due_on
    action.sustainment_checked_on = checked_on
    action.sustainment_result = result or ""
    action.sustainment_note = note or ""
    action.full_clean()
    claim_version(action, expected_version)
    action.save()
    if checked_on:
        label = dict(action._meta.get_field("sustainment_result").choices)[result]
        ActionUpdate.objects.create(
            action=action,
            by=_user(by),
            note=f"Sustainment check: {label}. {note}".strip(),
            status=action.status,
            progress=action.progress,
        )
    return action
