"""Records the authorisation walk needs for the improvement pages' URLs that take an id: a multi-agency
plan (so every persona can see it) with actions owned by the home agency."""

from .factories import ActionFactory, CompletedActionFactory, EvidenceFactory, PlanFactory


def extend(objects):
    plan = PlanFactory(title="Walk plan")
    action = ActionFactory(plan=plan, owner_agency=objects["agency"])
    objects["improvement_plan"] = plan
    objects["improvement_action"] = action
    objects["improvement_completed"] = CompletedActionFactory(plan=plan, owner_agency=objects["agency"])
    objects["improvement_evidence"] = EvidenceFactory(action=action)
    # Their own actions for the walk's edit and bulk update, so the pages walked after them find theirs.
    objects["improvement_to_edit"] = ActionFactory(plan=plan, owner_agency=objects["agency"])
    objects["improvement_for_bulk"] = ActionFactory(plan=plan, owner_agency=objects["agency"])
    objects["improvement_in_progress"] = ActionFactory(
        plan=plan, owner_agency=objects["agency"], status="in_progress", progress=40
    )
    objects["improvement_cancelled"] = ActionFactory(
        plan=plan, owner_agency=objects["agency"], status="cancelled"
    )
