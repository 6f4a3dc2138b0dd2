"""Builders for evidence of impact from audits: two audits on one theme, a year apart, each case moderated
with the agreed grade given for one domain (None: left blank at moderation; missing: never moderated)."""

import datetime

from learningloop.assurance.audits import services
from learningloop.assurance.models import Survey, SurveyAnswer, SurveyOption, SurveyQuestion, SurveyResponse
from learningloop.partnership.models import LearningSourceType
from learningloop.partnership.tests.factories import LearningSourceTypeFactory


def moderated_audit(*, agencies, title, started_on, grades, domain="Joint working", unmoderated=0):
    """An audit whose cases' agreed grades in `domain` are `grades` (None: another domain agreed, this one
    left blank), plus `unmoderated` cases never moderated."""
    if not LearningSourceType.objects.filter(name=services.SOURCE_TYPE_NAME).exists():
        LearningSourceTypeFactory(name=services.SOURCE_TYPE_NAME)
    made = services.audit_create(title=title, theme="Neglect", agencies=agencies, started_on=started_on)
    target = made.domains.get(name=domain)
    other = made.domains.exclude(pk=target.pk).first()
    for n, grade in enumerate(grades, start=1):
        case = services.case_add(audit=made, reference=f"Case {n}")
        agreed = {target.pk: (grade, "")} if grade else {other.pk: ("good", "")}
        services.moderation_record(case=case, agreed=agreed, held_on=started_on + datetime.timedelta(days=60))
    for n in range(unmoderated):
        services.case_add(audit=made, reference=f"Unmoderated {n + 1}")
    return made


WORRIED = "I know who to talk to if I am worried"
D = datetime.date


def hrbq(year, answers, *, skipped=0, kind="single", scale=None):
    """A survey with the worried question; `answers` one per respondent (an option label, a list of labels
    for a multiple choice, or a number); `skipped` respondents answered only another question."""
    survey = Survey.objects.create(
        title=f"Health related behaviour questionnaire {year}",
        slug=f"hrbq-{year}",
        audience="children",
        answered_by="public",
        opens_on=D(year, 1, 5),
        status="closed",
    )
    question = SurveyQuestion.objects.create(
        survey=survey,
        position=1,
        text=WORRIED,
        kind=kind,
        scale_min=scale[0] if scale else None,
        scale_max=scale[1] if scale else None,
    )
    other = SurveyQuestion.objects.create(
        survey=survey, position=2, text="Your school year", kind="free_text"
    )
    options = {}
    if kind != "scale":
        for n, label in enumerate(["Yes", "Not sure", "No", "Yes, more than one person"], start=1):
            options[label] = SurveyOption.objects.create(question=question, position=n, label=label)
    for answer in answers:
        response = SurveyResponse.objects.create(survey=survey, channel="public")
        if kind == "scale":
            SurveyAnswer.objects.create(response=response, question=question, number=answer)
            continue
        for label in answer if isinstance(answer, list) else [answer]:
            SurveyAnswer.objects.create(response=response, question=question, option=options[label])
    for _ in range(skipped):
        response = SurveyResponse.objects.create(survey=survey, channel="public")
        SurveyAnswer.objects.create(response=response, question=other, text="Year 8")
    return question
