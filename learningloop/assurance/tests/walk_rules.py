"""Authorisation walk rules for the assurance pages.

A self-assessment return is the home agency's: its lead completes it (selfassessment.complete is
agency-scoped), another agency's lead does not see it (404). Audits are pseudonymised and read by everyone
signed in; an agency's lead grades for their own agency only. Restricted case details are hidden (404)
from anyone without restricted.view."""

from learningloop.core.tests.walk import Rule, Scoped, Valid

VIEW, MANAGE, COMPLETE = "assurance.view", "assurance.manage", "selfassessment.complete"
RECORD = "contribution.record"
OWN = Scoped(reach="assurance.view_all", status=404)


def _pk(name):
    return lambda objects: {"pk": objects[name].pk}


RULES = {
    "assurance:cycle_list": Rule(get=VIEW),
    "assurance:cycle_create": Rule(get=MANAGE, post=MANAGE),
    "assurance:cycle_detail": Rule(get=VIEW, kwargs=_pk("cycle")),
    "assurance:standard_set_list": Rule(get=VIEW),
    "assurance:standard_create": Rule(get=MANAGE, post=MANAGE, kwargs=_pk("standard_set")),
    "assurance:standard_edit": Rule(get=MANAGE, post=MANAGE, kwargs=_pk("standard_to_edit")),
    "assurance:return_detail": Rule(get=VIEW, kwargs=_pk("return"), scoped=OWN),
    "assurance:answer_edit": Rule(
        get=COMPLETE,
        post=COMPLETE,
        kwargs=_pk("answer"),
        scoped=OWN,
        states={"submitted": _pk("answer_submitted"), "locked": _pk("answer_locked")},
    ),
    "assurance:return_start": Rule(get=None, post=COMPLETE, kwargs=_pk("return"), scoped=OWN),
    "assurance:return_evidence_upload": Rule(get=COMPLETE, post=COMPLETE, kwargs=_pk("return"), scoped=OWN),
    "assurance:moderation_create": Rule(
        get="selfassessment.moderate",
        post="selfassessment.moderate",
        kwargs=_pk("return_submitted"),
        states={"open": _pk("return")},
    ),
    "assurance:return_submit": Rule(get=None, post=COMPLETE, kwargs=_pk("return_to_submit"), scoped=OWN),
    "assurance:return_reopen": Rule(
        get="selfassessment.reopen",
        post="selfassessment.reopen",
        kwargs=_pk("return_locked"),
        states={"open": _pk("return")},
    ),
    "assurance:return_evidence_download": Rule(get=VIEW, kwargs=_pk("return_evidence"), scoped=OWN),
    "assurance:audit_list": Rule(get=VIEW),
    "assurance:audit_create": Rule(get=MANAGE, post=MANAGE),
    "assurance:audit_detail": Rule(get=VIEW, kwargs=_pk("audit")),
    "assurance:audit_milestone_create": Rule(get=MANAGE, post=MANAGE, kwargs=_pk("audit")),
    "assurance:audit_case_create": Rule(get=MANAGE, post=MANAGE, kwargs=_pk("audit")),
    "assurance:audit_finding_create": Rule(get=MANAGE, post=MANAGE, kwargs=_pk("audit")),
    "assurance:audit_case_details": Rule(
        get="restricted.view", post="restricted.change", kwargs=_pk("audit_case")
    ),
    "assurance:audit_case_grade": Rule(
        get="assurance.grade",
        post="assurance.grade",
        scoped=Scoped(reach="assurance.view_all", status=403),
        kwargs=lambda o: {"pk": o["audit_case"].pk, "agency_pk": o["agency"].pk},
    ),
    "assurance:audit_case_moderate": Rule(get=MANAGE, post=MANAGE, kwargs=_pk("audit_case")),
    "assurance:feedback_list": Rule(get=VIEW),
    "assurance:feedback_create": Rule(get="feedback.record", post="feedback.record"),
    "assurance:contribution_list": Rule(get=VIEW),
    "assurance:contribution_create": Rule(get=RECORD, post=RECORD),
    "assurance:contribution_detail": Rule(get=VIEW, kwargs=_pk("contribution"), scoped=OWN),
    "assurance:contribution_edit": Rule(
        get=RECORD,
        post=RECORD,
        kwargs=_pk("contribution"),
        scoped=OWN,
        states={"submitted": _pk("contribution_submitted")},
    ),
    "assurance:contribution_submit": Rule(
        get=None, post=RECORD, kwargs=_pk("contribution_to_submit"), scoped=OWN
    ),
    "assurance:contribution_review": Rule(
        get="contribution.decide",
        post="contribution.decide",
        kwargs=_pk("contribution_submitted"),
        states={"accepted": _pk("contribution_accepted")},
    ),
    # Complaints and compliments from a file (core.imports); a run's page is its uploader's only.
    "assurance:feedback_import": Rule(get="feedback.record", post="feedback.record"),
    "assurance:feedback_import_template": Rule(get="feedback.record"),
    "assurance:feedback_import_run": Rule(
        get="feedback.record", kwargs=_pk("feedback_run"), scoped=Scoped(reach="uploader")
    ),
}


def _fresh(objects, key):
    obj = objects[key]
    obj.refresh_from_db()
    return obj


def _date(prefix, days=0):
    import datetime

    from django.utils import timezone

    d = timezone.localdate() + datetime.timedelta(days=days)
    return {f"{prefix}-day": str(d.day), f"{prefix}-month": str(d.month), f"{prefix}-year": str(d.year)}


def _pdf(name):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from .walk_builders import PDF_BYTES

    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def _exists(model_path, **lookup):
    def check(objects):
        from django.apps import apps

        return apps.get_model(model_path).objects.filter(**lookup).exists()

    return check


def _source_type(name):
    from learningloop.partnership.models import LearningSourceType

    return LearningSourceType.objects.get(name=name).pk


def _grades(o):
    audit = o["audit_case"].audit
    body = {}
    for d in audit.domains.all():
        body[f"grade_{d.pk}"], body[f"rationale_{d.pk}"] = "good", "Walk rationale"
    return body


VALID = {
    "assurance:cycle_create": Valid(
        data=lambda o: {
            "standard_set": o["standard_set"].pk,
            "name": "Walk new cycle",
            "frequency": "biennial",
            **_date("opens_on"),
            **_date("due_on", 60),
        },
        changed=_exists("assurance.Cycle", name="Walk new cycle"),
    ),
    "assurance:standard_create": Valid(
        data=lambda o: {"position": "9", "title": "Walk new standard", "description": ""},
        changed=_exists("assurance.Standard", title="Walk new standard"),
    ),
    "assurance:standard_edit": Valid(
        data=lambda o: {
            "position": "3",
            "title": "Walk standard renamed",
            "is_active": "on",
            "version": _fresh(o, "standard_to_edit").version,
        },
        changed=lambda o: _fresh(o, "standard_to_edit").title == "Walk standard renamed",
    ),
    "assurance:answer_edit": Valid(
        data=lambda o: {
            "score": "2",
            "evidence": "Walk: policy reviewed",
            "version": _fresh(o, "answer").version,
        },
        changed=lambda o: _fresh(o, "answer").evidence == "Walk: policy reviewed",
    ),
    "assurance:return_start": Valid(
        data=lambda o: {},
        changed=lambda o: _fresh(o, "return").answers.filter(carried_forward=True).exists(),
    ),
    "assurance:return_evidence_upload": Valid(
        data=lambda o: {"file": _pdf("walk-evidence.pdf")},
        changed=lambda o: _fresh(o, "return").evidence.filter(original_name="walk-evidence.pdf").exists(),
    ),
    "assurance:moderation_create": Valid(
        data=lambda o: {**_date("held_on"), "notes": "Walk challenge event"},
        changed=lambda o: (
            _fresh(o, "return_submitted").moderations.filter(notes="Walk challenge event").exists()
        ),
    ),
    "assurance:return_submit": Valid(
        data=lambda o: {"version": _fresh(o, "return_to_submit").version},
        changed=lambda o: _fresh(o, "return_to_submit").status == "submitted",
    ),
    "assurance:return_reopen": Valid(
        data=lambda o: {
            "version": _fresh(o, "return_locked").version,
            "reason": "Walk: evidence arrived late",
            **_date("due_on", 10),
        },
        changed=lambda o: _fresh(o, "return_locked").status == "in_progress",
    ),
    "assurance:audit_create": Valid(
        data=lambda o: {
            "title": "Walk new audit",
            "theme": "Neglect",
            "agencies": [o["agency"].pk],
            **_date("started_on"),
        },
        changed=_exists("assurance.Audit", activity__title="Walk new audit"),
    ),
    "assurance:audit_milestone_create": Valid(
        data=lambda o: {"label": "Walk: gradings due", **_date("due_on", 20)},
        changed=_exists("assurance.AuditMilestone", label="Walk: gradings due"),
    ),
    "assurance:audit_case_create": Valid(
        data=lambda o: {"reference": "Walk case 9"},
        changed=_exists("assurance.AuditCase", reference="Walk case 9"),
    ),
    "assurance:audit_finding_create": Valid(
        data=lambda o: {"text": "Walk: fathers were not seen", "kind": "improvement"},
        changed=_exists("learning.Finding", text="Walk: fathers were not seen"),
    ),
    "assurance:audit_case_details": Valid(
        data=lambda o: {"child_name": "Walk child", "case_reference": "W-1"},
        changed=_exists("assurance.AuditCaseDetails", child_name="Walk child"),
    ),
    "assurance:audit_case_grade": Valid(
        data=_grades,
        changed=lambda o: (
            o["audit_case"].gradings.filter(agency=o["agency"], rationale="Walk rationale").exists()
        ),
    ),
    "assurance:feedback_create": Valid(
        data=lambda o: {
            "agency": o["agency"].pk,
            "period_start-day": "1",
            "period_start-month": "4",
            "period_start-year": "2026",
            "kind": "compliment",
            "count": "7",
        },
        changed=_exists("assurance.FeedbackCount", kind="compliment", count=7),
    ),
    "assurance:contribution_create": Valid(
        data=lambda o: {
            "agency": o["agency"].pk,
            "source_type": _source_type("Single-agency audit"),
            "title": "Walk: new agency learning",
            "summary": "Walk summary",
            **_date("happened_on", -5),
        },
        changed=_exists("assurance.AgencyContribution", title="Walk: new agency learning"),
    ),
    "assurance:contribution_edit": Valid(
        data=lambda o: {
            "source_type": _fresh(o, "contribution").source_type_id,
            "title": "Walk: learning retitled",
            "summary": "Walk summary",
            "version": _fresh(o, "contribution").version,
            **_date("happened_on", -5),
        },
        changed=lambda o: _fresh(o, "contribution").title == "Walk: learning retitled",
    ),
    "assurance:contribution_submit": Valid(
        data=lambda o: {"version": _fresh(o, "contribution_to_submit").version},
        changed=lambda o: _fresh(o, "contribution_to_submit").status == "submitted",
    ),
    "assurance:contribution_review": Valid(
        data=lambda o: {"version": _fresh(o, "contribution_submitted").version, "decision": "accept"},
        changed=lambda o: _fresh(o, "contribution_submitted").status == "accepted",
    ),
    "assurance:audit_case_moderate": Valid(
        data=lambda o: {**_date("held_on"), f"agreed_{o['audit_case'].audit.domains.first().pk}": "good"},
        changed=lambda o: o["audit_case"].moderated.exists(),
    ),
    "assurance:feedback_import": Valid(
        data=lambda o: {"file": _feedback_file(o)},
        changed=_exists("assurance.FeedbackCount", kind="complaint", count=11),
    ),
}


def _feedback_file(objects):
    from django.core.files.uploadedfile import SimpleUploadedFile

    body = f"Agency,Quarter starting,Kind,Theme,Count\n{objects['agency'].name},01/07/2026,Complaints,,11\n"
    return SimpleUploadedFile("counts.csv", body.encode(), content_type="text/csv")


# Evidence of impact from audits and surveys, and "You said, we did" (ADR 0033).
from .walk_rules_yswd import RULES as YSWD_RULES  # noqa: E402
from .walk_rules_yswd import VALID as YSWD_VALID  # noqa: E402

RULES.update(YSWD_RULES)
VALID.update(YSWD_VALID)

# Surveys (walk_rules_surveys.py): their rules and valid bodies join this app's.
from .walk_rules_surveys import RULES as _SURVEY_RULES  # noqa: E402
from .walk_rules_surveys import VALID as _SURVEY_VALID  # noqa: E402

RULES.update(_SURVEY_RULES)
VALID.update(_SURVEY_VALID)
