"""Demo surveys: the schools' health-related behaviour questionnaire (1,700 imported responses from
children and young people, by school year), a practitioners' survey on multi-agency working (answered
signed in, by agency), and an open public survey of families with a few answers. Fictional answers only,
made with a fixed seed so every demo has the same numbers.

Safe to repeat: each survey is matched by its web address and left alone if it exists."""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from learningloop.assurance.models import Survey, SurveyQuestion
from learningloop.assurance.surveys import services

HRBQ = "hrbq-2026"
PRACTITIONERS = "practitioners-2026"
FAMILIES = "families-early-help"

YEARS = ("Year 6", "Year 8", "Year 10", "Year 12")
SAFE = ("Always", "Usually", "Sometimes", "Never")
TALK_TO = ("A parent or carer", "A teacher", "A friend", "The school nurse", "Nobody")
AGENCIES = ("Children's social care", "Police", "Health", "Education", "Voluntary sector")
PRODUCTS = ("7-minute briefings", "Learning summaries", "Podcasts", "Multi-agency training")
SAFER_AREA = (
    "More street lights on the way home from the bus stop.",
    "Somewhere to go in the evenings that is not the park.",
    "Police who stop and talk to us, not just drive past.",
    "Teach us more about staying safe online.",
    "Youth workers at the skate park at weekends.",
)
HELP_MOST = (
    "Knowing who to ring in the health trust when a referral is bounced.",
    "Shorter briefings I can read between visits.",
    "Joint training with the police on child exploitation.",
    "Feedback on what happened after I made a referral.",
)


def _survey(slug, **fields):
    return services.survey_save(survey=Survey(slug=slug, **fields))


def _question(survey, text, kind, options=(), **fields):
    return services.question_save(
        question=SurveyQuestion(survey=survey, text=text, kind=kind, **fields), options=options
    )


def _ids(question):
    return {o.label: o.pk for o in question.options.all()}


def _hrbq(rng, today):
    survey = _survey(
        HRBQ,
        title="Health-related behaviour questionnaire 2026",
        description="The schools' survey of pupils' health, wellbeing and safety, run every two years.",
        audience="children",
        answered_by="import",
        status="closed",
        opens_on=today - datetime.timedelta(days=120),
        closes_on=today - datetime.timedelta(days=60),
    )
    year = _question(survey, "Which school year are you in?", "single", YEARS, is_respondent_group=True)
    safe = _question(survey, "Do you feel safe at school?", "single", SAFE)
    talk = _question(
        survey, "Who would you talk to if you were worried?", "multiple", TALK_TO, required=False
    )
    happy = _question(
        survey,
        "How happy are you with your life at the moment?",
        "scale",
        scale_min=1,
        scale_max=10,
        min_label="Very unhappy",
        max_label="Very happy",
    )
    area = _question(survey, "What would make your area safer for young people?", "free_text", required=False)
    years, safes, talks = _ids(year), _ids(safe), _ids(talk)
    records = []
    for n in range(1700):
        group = YEARS[n % len(YEARS)]
        older = YEARS.index(group)
        answers = [(year.pk, years[group], None, "")]
        feeling = rng.choices(SAFE, weights=(45 - 5 * older, 35, 15 + 3 * older, 5 + 2 * older))[0]
        answers.append((safe.pk, safes[feeling], None, ""))
        for person in TALK_TO[:-1]:
            if rng.random() < (0.6, 0.35, 0.5, 0.1)[TALK_TO.index(person)]:
                answers.append((talk.pk, talks[person], None, ""))
        if not any(a[0] == talk.pk for a in answers) and rng.random() < 0.5:
            answers.append((talk.pk, talks["Nobody"], None, ""))
        answers.append((happy.pk, None, max(1, min(10, round(rng.gauss(7.2 - 0.5 * older, 1.8)))), ""))
        if rng.random() < 0.12:
            answers.append((area.pk, None, None, rng.choice(SAFER_AREA)))
        answered = timezone.make_aware(
            datetime.datetime.combine(
                survey.opens_on + datetime.timedelta(days=rng.randint(0, 59)), datetime.time(11)
            )
        )
        records.append((answered, group, answers))
    return services.responses_bulk_save(survey_id=survey.pk, records=records)


def _practitioners(rng, today):
    survey = _survey(
        PRACTITIONERS,
        title="Practitioners' survey: multi-agency working 2026",
        description="How confident practitioners feel working with other agencies, and what helps them.",
        audience="practitioners",
        answered_by="signed_in",
        status="open",
        opens_on=today - datetime.timedelta(days=20),
        closes_on=today + datetime.timedelta(days=40),
    )
    agency = _question(survey, "Which agency do you work for?", "single", AGENCIES, is_respondent_group=True)
    confident = _question(
        survey,
        "How confident are you in making a referral to children's social care?",
        "scale",
        scale_min=1,
        scale_max=5,
        min_label="Not confident",
        max_label="Very confident",
    )
    used = _question(
        survey, "Which of the partnership's learning have you used?", "multiple", PRODUCTS, required=False
    )
    helps = _question(
        survey, "What would help you most in your work with other agencies?", "free_text", required=False
    )
    agencies, products = _ids(agency), _ids(used)
    records = []
    for n in range(140):
        group = AGENCIES[n % len(AGENCIES)]
        answers = [(agency.pk, agencies[group], None, "")]
        answers.append((confident.pk, None, rng.choices((1, 2, 3, 4, 5), weights=(4, 10, 25, 40, 21))[0], ""))
        answers += [(used.pk, products[p], None, "") for p in PRODUCTS if rng.random() < 0.45]
        if rng.random() < 0.3:
            answers.append((helps.pk, None, None, rng.choice(HELP_MOST)))
        answered = timezone.make_aware(
            datetime.datetime.combine(today - datetime.timedelta(days=rng.randint(0, 19)), datetime.time(14))
        )
        records.append((answered, group, answers))
    return services.responses_bulk_save(survey_id=survey.pk, records=records, channel="signed_in")


def _families(today):
    survey = _survey(
        FAMILIES,
        title="Families' views of early help",
        description="Tell us about the help your family had. It takes about two minutes.",
        audience="families",
        answered_by="public",
        status="open",
        opens_on=today - datetime.timedelta(days=10),
    )
    helped = _question(
        survey, "Did the help make a difference to your family?", "single", ("Yes", "A little", "No")
    )
    listened = _question(
        survey,
        "How well did the workers listen to you?",
        "scale",
        scale_min=1,
        scale_max=5,
        min_label="Not at all",
        max_label="Very well",
    )
    _question(survey, "What could we do better?", "free_text", required=False)
    for choice, score in (("Yes", 5), ("Yes", 4), ("A little", 3)):
        option = helped.options.get(label=choice).pk
        services.responses_bulk_save(
            survey_id=survey.pk,
            records=[(timezone.now(), "", [(helped.pk, option, None, ""), (listened.pk, None, score, "")])],
            channel="public",
        )
    return 3


@transaction.atomic
def seed(stdout=None):
    rng = random.Random(2026)
    today = timezone.localdate()
    made = []
    for slug, build in (
        (HRBQ, lambda: _hrbq(rng, today)),
        (PRACTITIONERS, lambda: _practitioners(rng, today)),
        (FAMILIES, lambda: _families(today)),
    ):
        if Survey.objects.filter(slug=slug).exists():
            continue
        made.append(f"{slug} ({build():,} responses)")
    if stdout is not None and made:
        stdout.write("Surveys: " + ", ".join(made))
