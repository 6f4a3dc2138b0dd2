"""Authorisation walk rules for the improvement pages.

actions.update is object-scoped: an agency user may update only their own agency's actions. The walk's
actions are the home agency's, so the other agency's lead is refused (403: a multi-agency plan's action is
visible to them) although their role holds actions.update — see test_actions_scoping.py for that case."""

from learningloop.core.tests.walk import Rule, Scoped, Valid

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
    "improvement:action_edit": Rule(
        get=MANAGE,
        post=MANAGE,
        kwargs=_pk("improvement_to_edit"),
        states={"completed": _pk("improvement_completed"), "cancelled": _pk("improvement_cancelled")},
    ),
    "improvement:action_update": Rule(
        get=UPDATE,
        post=UPDATE,
        kwargs=_pk("improvement_action"),
        scoped=OWN,
        states={"completed": _pk("improvement_completed"), "cancelled": _pk("improvement_cancelled")},
    ),
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


def _fresh(objects, key):
    obj = objects[key]
    obj.refresh_from_db()
    return obj


def _date(prefix, days):
    import datetime

    from django.utils import timezone

    d = timezone.localdate() + datetime.timedelta(days=days)
    return {f"{prefix}-day": str(d.day), f"{prefix}-month": str(d.month), f"{prefix}-year": str(d.year)}


def _pdf(name):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from learningloop.learning.tests.factories_register import PDF_BYTES

    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def _plan_exists(o):
    from learningloop.improvement.models import ActionPlan

    return ActionPlan.objects.filter(title="Walk action plan").exists()


# Valid bodies for the allowed POSTs, and the change each must make (read back from the database).
VALID = {
    "improvement:action_bulk_update": Valid(
        data=lambda o: {
            "actions": [o["improvement_for_bulk"].pk],
            f"version-{o['improvement_for_bulk'].pk}": _fresh(o, "improvement_for_bulk").version,
            "status": "in_progress",
            "note": "Walk: started at the away day",
        },  # fmt: skip
        changed=lambda o: _fresh(o, "improvement_for_bulk").status == "in_progress",
    ),
    "improvement:plan_create": Valid(
        data=lambda o: {
            "title": "Walk action plan",
            "scope": "multi",
            "source_kind": "finding",
            "source_finding": o["finding"].pk,
        },  # fmt: skip
        changed=_plan_exists,
    ),
    "improvement:action_create": Valid(
        data=lambda o: {
            "description": "Walk: audit supervision records",
            "owner_agency": o["agency"].pk,
            **_date("due_on", 30),
        },  # fmt: skip
        changed=lambda o: (
            o["improvement_plan"].actions.filter(description="Walk: audit supervision records").exists()
        ),
    ),
    "improvement:action_edit": Valid(
        data=lambda o: {
            "description": "Walk: action reworded",
            "owner_agency": o["agency"].pk,
            "version": _fresh(o, "improvement_to_edit").version,
            **_date("due_on", 30),
        },  # fmt: skip
        changed=lambda o: _fresh(o, "improvement_to_edit").description == "Walk: action reworded",
    ),
    "improvement:action_update": Valid(
        data=lambda o: {
            "note": "Walk: half the teams trained",
            "status": "in_progress",
            "progress": "50",
            "version": _fresh(o, "improvement_action").version,
        },  # fmt: skip
        changed=lambda o: _fresh(o, "improvement_action").progress == 50,
    ),
    "improvement:evidence_upload": Valid(
        data=lambda o: {"file": _pdf("Walk training register.pdf")},
        changed=lambda o: (
            o["improvement_action"].evidence.filter(original_name="Walk training register.pdf").exists()
        ),
    ),
    "improvement:sustainment_check": Valid(
        data=lambda o: {
            **_date("sustainment_due_on", 60),
            "version": _fresh(o, "improvement_completed").version,
        },
        changed=lambda o: _fresh(o, "improvement_completed").sustainment_due_on is not None,
    ),
    "improvement:sustainment_check [in_progress]": Valid(
        data=lambda o: {
            **_date("sustainment_due_on", 60),
            "version": _fresh(o, "improvement_in_progress").version,
        },
        changed=lambda o: _fresh(o, "improvement_in_progress").sustainment_due_on is not None,
    ),
}
