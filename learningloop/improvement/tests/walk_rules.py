"""Authorisation walk rules for the improvement pages.

actions.update is object-scoped: an agency user may update only their own agency's actions. The walk's
actions are the home agency's, so the other agency's lead is refused (403: a multi-agency plan's action is
visible to them) although their role holds actions.update — see test_actions_scoping.py for that case."""

from learningloop.core.tests.walk import Rule, Scoped

VIEW, MANAGE, UPDATE, EXPORT = "actions.view", "actions.manage", "actions.update", "actions.export"
# The walk's actions are the home agency's in a multi-agency plan: another agency sees them (403 to update).
OWN = Scoped(reach="actions.view_all", status=403)


def _pk(name):
    return lambda objects: {"pk": objects[name].pk}


RULES = {
    "improvement:action_list": Rule(get=VIEW),
    "improvement:overdue_actions": Rule(get=VIEW),
    "improvement:due_soon_actions": Rule(get=VIEW),
    "improvement:my_actions": Rule(get=VIEW),
    "improvement:action_bulk_update": Rule(get=None, post=UPDATE),
    "improvement:action_export": Rule(get=EXPORT),
    "improvement:plan_list": Rule(get=VIEW),
    "improvement:plan_create": Rule(get=MANAGE, post=MANAGE),
    "improvement:plan_detail": Rule(get=VIEW, kwargs=_pk("improvement_plan")),
    "improvement:action_create": Rule(get=MANAGE, post=MANAGE, kwargs=_pk("improvement_plan")),
    "improvement:action_detail": Rule(get=VIEW, kwargs=_pk("improvement_action")),
    "improvement:action_edit": Rule(get=MANAGE, post=MANAGE, kwargs=_pk("improvement_action")),
    "improvement:action_update": Rule(get=UPDATE, post=UPDATE, kwargs=_pk("improvement_action"), scoped=OWN),
    "improvement:evidence_upload": Rule(
        get=UPDATE, post=UPDATE, kwargs=_pk("improvement_action"), scoped=OWN
    ),
    "improvement:evidence_download": Rule(get=VIEW, kwargs=_pk("improvement_evidence")),
    "improvement:sustainment_check": Rule(
        get="actions.sustain",
        post="actions.sustain",
        kwargs=_pk("improvement_completed"),
        scoped=OWN,
        states={"in_progress": _pk("improvement_in_progress")},
    ),
}
