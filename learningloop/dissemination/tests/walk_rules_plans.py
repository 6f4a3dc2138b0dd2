"""Authorisation walk rules for the dissemination plan pages (merged by walk_rules.py)."""

from learningloop.core.tests.walk import Rule, Valid


def _pk(key):
    return lambda objects: {"pk": objects[key].pk}


RULES = {
    "dissemination:plan_list": Rule(get="dissemination.view"),
    "dissemination:plan_create": Rule(
        get=None,
        post="dissemination.manage",
        kwargs=lambda o: {"summary_pk": o["summary_for_plan"].pk},
        states={"draft": lambda o: {"summary_pk": o["summary_draft_for_plan"].pk}},
    ),
    "dissemination:plan_detail": Rule(get="dissemination.view", kwargs=_pk("plan")),
    "dissemination:plan_docx": Rule(get="dissemination.view", kwargs=_pk("plan")),
    "dissemination:plan_pdf": Rule(get="dissemination.view", kwargs=_pk("plan")),
    "dissemination:message_plan_edit": Rule(
        get="dissemination.manage", post="dissemination.manage", kwargs=_pk("message_plan")
    ),
    "dissemination:communication_create": Rule(
        get="dissemination.manage", post="dissemination.manage", kwargs=_pk("audience_plan")
    ),
    "dissemination:communication_edit": Rule(
        get="dissemination.manage", post="dissemination.manage", kwargs=_pk("communication")
    ),
}


def _fresh(objects, key):
    obj = objects[key]
    obj.refresh_from_db()
    return obj


def _due(days=14):
    import datetime

    from django.utils import timezone

    d = timezone.localdate() + datetime.timedelta(days=days)
    return {"due_on-day": str(d.day), "due_on-month": str(d.month), "due_on-year": str(d.year)}


def _method():
    from .factories_plans import ensure_method

    return ensure_method().pk


def _has_plan(key):
    def changed(o):
        from learningloop.dissemination.models import DisseminationPlan

        return DisseminationPlan.objects.filter(summary=o[key]).exists()

    return changed


# Valid bodies for the allowed POSTs, and the change each must make (read back from the database).
VALID = {
    "dissemination:plan_create": Valid(data=lambda o: {}, changed=_has_plan("summary_for_plan")),
    "dissemination:plan_create [draft]": Valid(
        data=lambda o: {}, changed=_has_plan("summary_draft_for_plan")
    ),
    "dissemination:message_plan_edit": Valid(
        data=lambda o: {
            "purpose": "Walk: every practitioner knows",
            "version": _fresh(o, "message_plan").plan.version,
        },
        changed=lambda o: _fresh(o, "message_plan").purpose == "Walk: every practitioner knows",
    ),
    "dissemination:communication_create": Valid(
        data=lambda o: {"method": _method(), "description": "Walk lunchtime webinar", **_due()},
        changed=lambda o: (
            o["audience_plan"].communications.filter(description="Walk lunchtime webinar").exists()
        ),
    ),
    "dissemination:communication_edit": Valid(
        data=lambda o: {
            "status": "planned",
            "notes": "Walk: venue booked",
            "version": _fresh(o, "communication").version,
        },  # fmt: skip
        changed=lambda o: _fresh(o, "communication").notes == "Walk: venue booked",
    ),
}
