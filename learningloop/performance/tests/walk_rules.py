"""Authorisation walk rules for the impact pages. impact.submit is agency-scoped: the walk's indicator is
provided by the home agency only, so the other agency's lead (who holds the role) is refused its submit
page and its values, and their file naming the home agency comes back with an error."""

from learningloop.core.tests.walk import Rule, Scoped, Valid

VIEW, MANAGE, SUBMIT, STORY = "impact.view", "impact.manage", "impact.submit", "impact.story"
OWN = Scoped(reach="impact.manage", status=403)


def _pk(name):
    return lambda objects: {"pk": objects[name].pk}


RULES = {
    "performance:dashboard": Rule(get=VIEW),
    "performance:dashboard_export": Rule(get=VIEW),
    "performance:indicator_list": Rule(get=VIEW),
    "performance:indicator_create": Rule(get=MANAGE, post=MANAGE),
    "performance:indicator_detail": Rule(get=VIEW, kwargs=_pk("impact_indicator")),
    "performance:indicator_edit": Rule(get=MANAGE, post=MANAGE, kwargs=_pk("impact_to_edit")),
    "performance:indicator_story": Rule(get=STORY, post=STORY, kwargs=_pk("impact_indicator")),
    "performance:indicator_export": Rule(get=VIEW, kwargs=_pk("impact_indicator")),
    "performance:indicator_scorecard": Rule(get=VIEW, kwargs=_pk("impact_indicator")),
    "performance:submission_create": Rule(
        get=SUBMIT, post=SUBMIT, kwargs=_pk("impact_indicator"), scoped=OWN
    ),
    "performance:submission_detail": Rule(get=VIEW, kwargs=_pk("impact_submission")),
    "performance:submission_correct": Rule(
        get=SUBMIT, post=SUBMIT, kwargs=_pk("impact_submission"), scoped=OWN
    ),
    "performance:import_upload": Rule(get=SUBMIT, post=SUBMIT),
    "performance:import_template": Rule(get=SUBMIT),
    "performance:import_run": Rule(get=SUBMIT, kwargs=_pk("impact_run"), scoped=Scoped(reach="uploader")),
    "performance:late_list": Rule(get=VIEW),
    "performance:evidence_add": Rule(get=STORY, post=STORY),
    "performance:contribution_list": Rule(get=VIEW),
    "performance:contribution_detail": Rule(get=VIEW, kwargs=lambda o: {"pk": o["agency"].pk}),
}


def _fresh(objects, key):
    obj = objects[key]
    obj.refresh_from_db()
    return obj


def _csv(objects):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from .walk_builders import last_month, month_before

    end = month_before(last_month()).end
    content = (
        f"Indicator code,Agency,Period end,Value\r\nwalk-count,{objects['agency'].name},{end:%d/%m/%Y},7\r\n"
    ).encode()
    return SimpleUploadedFile("walk.csv", content, content_type="text/csv")


def _month(prefix, day):
    return {f"{prefix}-day": str(day.day), f"{prefix}-month": str(day.month), f"{prefix}-year": str(day.year)}


def _submitted(objects, value):
    from learningloop.performance.models import Submission

    return Submission.objects.filter(indicator=objects["impact_indicator"], value=value).exists()


VALID = {
    "performance:indicator_create": Valid(
        data=lambda o: {
            "code": "walk-new",
            "name": "Walk new indicator",
            "unit": "count",
            "polarity": "higher",
            "frequency": "quarterly",
            "category": "how_much",
            "due_working_days": "15",
            "is_active": "on",
            "providers": [o["agency"].pk],
        },
        changed=lambda o: (
            __import__("learningloop.performance.models", fromlist=["Indicator"])
            .Indicator.objects.filter(code="walk-new")
            .exists()
        ),
    ),
    "performance:indicator_edit": Valid(
        data=lambda o: {
            "code": "walk-edit",
            "name": "Walk indicator renamed",
            "unit": "percentage",
            "polarity": "higher",
            "frequency": "monthly",
            "category": "how_well",
            "due_working_days": "10",
            "is_active": "on",
            "numerator": "On time",
            "denominator": "All",
            "target": "90",
            "tolerance": "5",
            "version": _fresh(o, "impact_to_edit").version,
        },
        changed=lambda o: _fresh(o, "impact_to_edit").name == "Walk indicator renamed",
    ),
    "performance:indicator_story": Valid(
        data=lambda o: {"helping": "Walk: the new MASH rota", "hurting": "", "what_works": "", "plan": ""},
        changed=lambda o: (
            o["impact_indicator"].__class__.objects.get(pk=o["impact_indicator"].pk).story.helping
            == "Walk: the new MASH rota"
        ),
    ),
    "performance:submission_create": Valid(
        data=lambda o: {
            "agency": o["agency"].pk,
            "period": __import__("learningloop.performance.tests.walk_builders", fromlist=["last_month"])
            .last_month()
            .start.isoformat(),
            "value": "9",
            "commentary": "Walk",
        },
        changed=lambda o: _submitted(o, 9),
    ),
    "performance:submission_correct": Valid(
        data=lambda o: {
            "version": _fresh(o, "impact_submission").version,
            "value": "13",
            "reason": "Walk: recount",
        },
        changed=lambda o: _fresh(o, "impact_submission").value == 13,
    ),
    "performance:evidence_add": Valid(
        data=lambda o: {
            "key_message": o["key_message"].pk,
            "indicator": o["impact_indicator"].pk,
            **_month("baseline_start", o["impact_submission"].period_start),
            **_month(
                "followup_start",
                o["impact_submission"].period_start.replace(
                    year=o["impact_submission"].period_start.year + 1
                ),
            ),
        },
        changed=lambda o: o["key_message"].impact_evidence.exists(),
    ),
    "performance:import_upload": Valid(data=lambda o: {"file": _csv(o)}, changed=lambda o: _submitted(o, 7)),
}
