"""Authorisation walk rules for the dissemination plan pages (merged by walk_rules.py)."""

from learningloop.core.tests.walk import Rule


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
