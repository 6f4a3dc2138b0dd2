"""Demo evidence of impact from assurance and "You said, we did" (ADR 0033):

- a second multi-agency audit on neglect, a year after the first and moderated: in "Joint working" 3 of its 4
  cases were agreed good or outstanding (75%) against 1 of 3 (33.3%) in the first, so the key message it is
  named for is evidenced;
- the 2024 health-related behaviour questionnaire (fewer pupils, and fewer feeling safe at school), so
  that this year's "Do you feel safe at school?" (Always or Usually) evidences another key message;
- four "You said, we did" entries linked to the demo surveys, the complaints and compliments source, key
  messages and improvement actions; three are published on the public learning hub, one is left unpublished.

Written by the business unit in its own words: no respondent's free-text answer is copied. Safe to repeat:
each record is matched by its title and left alone if it exists. Runs after assurance, surveys and impact,
before the hub's own publishing."""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from learningloop.accounts.models import User
from learningloop.assurance.audits import services as audits
from learningloop.assurance.evidence.services import audit_evidence_add, survey_evidence_add
from learningloop.assurance.models import (
    AssuranceEvidence,
    Audit,
    Survey,
    SurveyQuestion,
    YouSaidWeDid,
)
from learningloop.assurance.surveys import services as surveys
from learningloop.assurance.yousaid.services import you_said_we_did_save
from learningloop.improvement.models import Action
from learningloop.learning.models import KeyMessage, LearningActivity
from learningloop.website.models import Publication
from learningloop.website.publishing.services import publication_publish

BASELINE_AUDIT = "Multi-agency audit: neglect and the voice of the child"
FOLLOWUP_AUDIT = "Multi-agency audit: neglect, a year on"
# Joint working, case by case: 3 of 4 agreed good or outstanding.
FOLLOWUP_GRADES = {
    "Case N1": "good",
    "Case N2": "outstanding",
    "Case N3": "good",
    "Case N4": "requires_improvement",
}
HRBQ_2026, HRBQ_2024 = "hrbq-2026", "hrbq-2024"
SAFE_AT_SCHOOL = "Do you feel safe at school?"
SAFE = ("Always", "Usually", "Sometimes", "Never")

ENTRIES = [
    {
        "title": "You said some of you would tell nobody if you were worried",
        "heard_from": "children",
        "said": "In the schools' health survey, some pupils told us that if they were worried they would not "
        "talk to anyone, and older pupils were the most likely to say so.",
        "did": "Every secondary school now names a trusted adult for each year group, and pupils meet them "
        "in the first week of term. The school nurse drop-in moved to lunchtimes.",
        "survey": HRBQ_2026,
        "question": "Who would you talk to if you were worried?",
        "days_ago": 30,
        "publish": True,
    },
    {
        "title": "You said you had to tell your story again to every worker",
        "heard_from": "families",
        "said": "Families who had early help told us they had to repeat their story each time a new worker "
        "joined, and that this was tiring and upsetting.",
        "did": "Early help workers now share one family plan, agreed with the family, and a new worker reads "
        "it before the first visit.",
        "survey": "families-early-help",
        "days_ago": 5,
        "publish": True,
    },
    {
        "title": "You said it took too long to hear back after a complaint",
        "heard_from": "children",
        "said": "Young people who complained told us they waited weeks to hear anything, and did not know "
        "whether anyone had read what they wrote.",
        "did": "Every complaint from a child or young person is now acknowledged within two working days, by "
        "the worker's manager, in words the young person chose (text, email or a call).",
        "source": "Complaints and compliments",
        "days_ago": 60,
        "publish": True,
    },
    {
        "title": "You said reviews are held when you are at school",
        "heard_from": "children",
        "said": "Children in care told us their reviews were often held in the school day, so they missed "
        "lessons or could not come.",
        "did": "Reviews are offered after school or in the holidays first; the independent reviewing "
        "officers are checking how often this happens.",
        "days_ago": 2,
        "publish": False,  # written up, not yet published on the hub
    },
]


def _second_audit(today):
    """The neglect audit again, a year on, moderated. Returns (baseline, follow-up) or None."""
    baseline = Audit.objects.filter(activity__title=BASELINE_AUDIT).first()
    if baseline is None or not baseline.moderated_on:
        return None
    followup = Audit.objects.filter(activity__title=FOLLOWUP_AUDIT).first()
    if followup is not None:
        return baseline, followup
    agencies = list(baseline.agencies.all())
    followup = audits.audit_create(
        title=FOLLOWUP_AUDIT,
        theme="Neglect",
        agencies=agencies,
        started_on=(baseline.activity.started_on or today) + datetime.timedelta(days=40),
    )
    domains = list(followup.domains.all())
    grades = ["good", "requires_improvement", "good", "outstanding"]
    for c, (reference, joint) in enumerate(FOLLOWUP_GRADES.items()):
        case = audits.case_add(audit=followup, reference=reference)
        agreed = {
            d.pk: (joint if d.name == "Joint working" else grades[(c + i) % 4]) for i, d in enumerate(domains)
        }
        for agency in agencies:
            audits.grading_save(
                case=case,
                agency=agency,
                grades={pk: (grade, "Seen in the agency's record.") for pk, grade in agreed.items()},
            )
        audits.moderation_record(
            case=case,
            agreed={pk: (grade, "") for pk, grade in agreed.items()},
            held_on=today - datetime.timedelta(days=3),
        )
    return baseline, followup


def _hrbq_2024(today):
    """The questionnaire two years earlier: 600 pupils, fewer feeling safe at school than in 2026."""
    current = Survey.objects.filter(slug=HRBQ_2026).first()
    if current is None:
        return None
    question = current.questions.filter(text=SAFE_AT_SCHOOL).first()
    earlier = Survey.objects.filter(slug=HRBQ_2024).first()
    if earlier is not None:
        return question, earlier.questions.filter(text=SAFE_AT_SCHOOL).first()
    earlier = surveys.survey_save(
        survey=Survey(
            slug=HRBQ_2024,
            title="Health-related behaviour questionnaire 2024",
            description="The schools' survey of pupils' health, wellbeing and safety, run every two years.",
            audience="children",
            answered_by="import",
            status="closed",
            opens_on=current.opens_on - datetime.timedelta(days=730),
            closes_on=current.opens_on - datetime.timedelta(days=670),
        )
    )
    asked = surveys.question_save(
        question=SurveyQuestion(survey=earlier, text=SAFE_AT_SCHOOL, kind="single"), options=SAFE
    )
    options = {o.label: o.pk for o in asked.options.all()}
    rng = random.Random(2024)
    when = timezone.make_aware(datetime.datetime.combine(earlier.opens_on, datetime.time(11)))
    records = [
        (when, "", [(asked.pk, options[rng.choices(SAFE, weights=(30, 32, 26, 12))[0]], None, "")])
        for _ in range(600)
    ]
    surveys.responses_bulk_save(survey_id=earlier.pk, records=records)
    return question, asked


def _evidence(today):
    messages = list(KeyMessage.objects.order_by("pk")[2:4])
    audits_pair = _second_audit(today)
    if audits_pair and messages and not AssuranceEvidence.objects.filter(kind="audit").exists():
        audit_evidence_add(
            key_message=messages[0],
            baseline_audit=audits_pair[0],
            followup_audit=audits_pair[1],
            domain_name="Joint working",
        )
    questions = _hrbq_2024(today)
    if (
        questions
        and questions[0]
        and len(messages) > 1
        and not AssuranceEvidence.objects.filter(kind="survey").exists()
    ):
        survey_evidence_add(
            key_message=messages[1],
            baseline_question=questions[1],
            followup_question=questions[0],
            favourable_options=["Always", "Usually"],
        )


def _entries(today):
    messages = list(KeyMessage.objects.order_by("pk")[:4])
    actions = list(Action.objects.order_by("pk")[:3])
    made = []
    for n, spec in enumerate(ENTRIES):
        entry = YouSaidWeDid.objects.filter(title=spec["title"]).first()
        if entry is None:
            survey = Survey.objects.filter(slug=spec.get("survey", "")).first()
            question = (
                SurveyQuestion.objects.filter(survey=survey, text=spec["question"]).first()
                if survey and spec.get("question")
                else None
            )
            source = (
                LearningActivity.objects.filter(source_type__name=spec["source"])
                .order_by("-started_on")
                .first()
                if spec.get("source")
                else None
            )
            entry = you_said_we_did_save(
                entry=YouSaidWeDid(
                    title=spec["title"],
                    heard_from=spec["heard_from"],
                    said=spec["said"],
                    did=spec["did"],
                    did_on=today - datetime.timedelta(days=spec["days_ago"]),
                    survey=survey,
                    question=question,
                    source_activity=source,
                ),
                key_messages=messages[n : n + 1],
                actions=actions[n : n + 1],
            )
        made.append((spec, entry))
    return made


def _publish(made):
    by = (
        User.objects.filter(email__in=["publisher@example.org", "admin@example.org"])
        .order_by("-email")
        .first()
    )
    count = 0
    for spec, entry in made:
        if by is None or not spec["publish"]:
            continue
        if Publication.objects.filter(kind="you_said_we_did", source_id=entry.pk).exists():
            continue
        publication_publish(
            kind_code="you_said_we_did",
            source_id=entry.pk,
            by=by,
            no_child=True,
            no_family_member=True,
            no_practitioner=True,
        )
        count += 1
    return count


def seed(stdout=None) -> int:
    today = timezone.localdate()
    with transaction.atomic():
        _evidence(today)
        made = _entries(today)
        published = _publish(made)
    if stdout is not None:
        stdout.write(
            f"You said, we did: {len(made)} entries ({published} newly published); "
            f"{AssuranceEvidence.objects.count()} key messages evidenced from audits and surveys."
        )
    return len(made)
