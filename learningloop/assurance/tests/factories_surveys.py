"""Surveys for tests, built through the services: a public survey of children with a respondent group
(school year), a single choice, a multiple choice, a scale and a free-text question."""

from learningloop.assurance.models import Survey, SurveyQuestion
from learningloop.assurance.surveys import services

YEARS = ("Year 8", "Year 10")
FEELINGS = ("Safe", "Unsafe", "Not sure")
WORRIES = ("Online", "Bullying", "Home")
FREE_TEXT_SECRET = "My uncle shouts at me on Tuesdays"


def survey(
    *, title="Growing up in Northshire", slug="growing-up", answered_by="public", status="open", **extra
) -> Survey:
    made = services.survey_save(
        survey=Survey(
            title=title, slug=slug, audience="children", answered_by=answered_by, status=status, **extra
        )
    )
    question(made, "Which school year are you in?", "single", options=YEARS, is_respondent_group=True)
    question(made, "How safe do you feel at school?", "single", options=FEELINGS)
    question(made, "What worries you?", "multiple", options=WORRIES, required=False)
    question(
        made,
        "How well do adults listen to you?",
        "scale",
        scale_min=1,
        scale_max=5,
        min_label="Not at all",
        max_label="Very well",
    )
    question(made, "Anything else you want to tell us?", "free_text", required=False)
    return made


def question(survey, text, kind, *, options=(), **fields) -> SurveyQuestion:
    return services.question_save(
        question=SurveyQuestion(survey=survey, text=text, kind=kind, **fields), options=options
    )


def questions(survey):
    return {q.text: q for q in survey.questions.with_options()}


def answer(survey, **by_text):
    """Submit one response through the service: {question text (first word, lower case): answer words}."""
    qs = questions(survey)
    values = {}
    for q in qs.values():
        key = q.text.split()[0].lower() + "_" + q.text.split()[1].lower()
        if key not in by_text:
            continue
        value = by_text[key]
        if q.kind == "single":
            value = next(o.pk for o in q.options.all() if o.label == value)
        elif q.kind == "multiple":
            value = [o.pk for o in q.options.all() if o.label in value]
        values[q.pk] = value
    return services.response_submit(survey=survey, values=values, channel="public")
