"""Authorisation walk rules for evidence of impact from audits and surveys (the business unit and chairs,
like the indicator evidence) and "You said, we did" (everyone signed in reads; the business unit records).
Merged into walk_rules.py's RULES and VALID."""

from learningloop.core.tests.walk import Rule, Valid

VIEW, STORY, MANAGE = "assurance.view", "impact.story", "yswd.manage"


def _pk(name):
    return lambda objects: {"pk": objects[name].pk}


def _fresh(objects, key):
    obj = objects[key]
    obj.refresh_from_db()
    return obj


def _evidence(**lookup):
    def check(objects):
        from learningloop.assurance.models import AssuranceEvidence

        return AssuranceEvidence.objects.filter(key_message=objects["yswd_message"], **lookup).exists()

    return check


RULES = {
    "assurance:audit_evidence_add": Rule(get=STORY, post=STORY),
    "assurance:survey_evidence_add": Rule(get=STORY, post=STORY),
    "assurance:assurance_evidence_remove": Rule(get=None, post=STORY, kwargs=_pk("assurance_evidence")),
    "assurance:yswd_list": Rule(get=VIEW),
    "assurance:yswd_export": Rule(get=VIEW),
    "assurance:yswd_detail": Rule(get=VIEW, kwargs=_pk("yswd")),
    "assurance:yswd_create": Rule(get=MANAGE, post=MANAGE),
    "assurance:yswd_edit": Rule(get=MANAGE, post=MANAGE, kwargs=_pk("yswd")),
}


def _entry(o, title, **extra):
    return {
        "title": title,
        "heard_from": "families",
        "said": "Walk: families said",
        "did": "Walk: we did",
        "did_on-day": "1",
        "did_on-month": "6",
        "did_on-year": "2026",
        **extra,
    }


VALID = {
    "assurance:audit_evidence_add": Valid(
        data=lambda o: {
            "key_message": o["yswd_message"].pk,
            "baseline_audit": o["yswd_audits"][0].pk,
            "followup_audit": o["yswd_audits"][1].pk,
            "domain": "Joint working",
        },
        changed=_evidence(kind="audit"),
    ),
    "assurance:survey_evidence_add": Valid(
        data=lambda o: {
            "key_message": o["yswd_message"].pk,
            "baseline_question": o["yswd_questions"][0].pk,
            "followup_question": o["yswd_questions"][1].pk,
            "favourable_options": "Yes",
        },
        changed=_evidence(kind="survey", desired=True),
    ),
    "assurance:assurance_evidence_remove": Valid(
        data=lambda o: {},
        changed=lambda o: (
            not type(o["assurance_evidence"]).objects.filter(pk=o["assurance_evidence"].pk).exists()
        ),
    ),
    "assurance:yswd_create": Valid(
        data=lambda o: _entry(o, "Walk: a new entry", key_messages=[o["yswd_message"].pk]),
        changed=lambda o: type(o["yswd"]).objects.filter(title="Walk: a new entry").exists(),
    ),
    "assurance:yswd_edit": Valid(
        data=lambda o: _entry(o, "Walk: entry changed", version=_fresh(o, "yswd").version),
        changed=lambda o: _fresh(o, "yswd").title == "Walk: entry changed",
    ),
}
