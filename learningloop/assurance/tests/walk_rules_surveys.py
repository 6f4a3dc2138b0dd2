"""Authorisation walk rules for the survey pages (merged into walk_rules.py's RULES and VALID).

Everyone signed in reads surveys and their results (counts and percentages); the business unit builds them
and imports responses; free-text answers are the business unit's only. The answer form at /have-your-say/
is open to anyone, signed in or not, practitioners included."""

from django.core.files.uploadedfile import SimpleUploadedFile

from learningloop.core.tests.walk import PUBLIC, Rule, Scoped, Valid

VIEW, MANAGE, FREE_TEXT = "surveys.view", "surveys.manage", "surveys.free_text"


def _pk(name):
    return lambda objects: {"pk": objects[name].pk}


def _slug(objects):
    return {"slug": objects["survey"].slug}


RULES = {
    "assurance:survey_list": Rule(get=VIEW),
    "assurance:survey_create": Rule(get=MANAGE, post=MANAGE),
    "assurance:survey_detail": Rule(get=VIEW, kwargs=_pk("survey")),
    "assurance:survey_edit": Rule(get=MANAGE, post=MANAGE, kwargs=_pk("survey")),
    "assurance:survey_question_create": Rule(get=MANAGE, post=MANAGE, kwargs=_pk("survey")),
    "assurance:survey_question_edit": Rule(get=MANAGE, post=MANAGE, kwargs=_pk("survey_question")),
    "assurance:survey_free_text": Rule(get=FREE_TEXT, kwargs=_pk("survey_free_text_question")),
    "assurance:survey_results": Rule(get=VIEW, kwargs=_pk("survey")),
    "assurance:survey_export": Rule(get=VIEW, kwargs=_pk("survey")),
    "assurance:survey_import": Rule(get=MANAGE, post=MANAGE, kwargs=_pk("survey")),
    "assurance:survey_import_template": Rule(get=MANAGE, kwargs=_pk("survey")),
    "assurance:survey_import_run": Rule(
        get=MANAGE, kwargs=_pk("survey_run"), scoped=Scoped(reach="uploader")
    ),
    "have_your_say:answer": Rule(get=PUBLIC, post=PUBLIC, kwargs=_slug),
    "have_your_say:thanks": Rule(get=PUBLIC, kwargs=_slug),
}


def _exists(model, **lookup):
    def check(objects):
        from django.apps import apps

        return apps.get_model(model).objects.filter(**lookup).exists()

    return check


def _answer_body(objects):
    # By role, not by wording: an earlier row of the walk (the question's edit page) rewords a question.

    asked = objects["survey"].questions.with_options()
    year = next(q for q in asked if q.is_respondent_group)
    safe = next(q for q in asked if q.pk == objects["survey_question"].pk)
    listen = next(q for q in asked if q.kind == "scale")
    return {
        f"q{year.pk}": year.options.get(label="Year 10").pk,
        f"q{safe.pk}": safe.options.get(label="Unsafe").pk,
        f"q{listen.pk}": 2,
    }


def _import_file(objects):

    asked = objects["survey"].questions.with_options()
    year = next(q for q in asked if q.is_respondent_group)
    safe = next(q for q in asked if q.pk == objects["survey_question"].pk)
    listen = next(q for q in asked if q.kind == "scale")
    text = f'"{year.text}","{safe.text}","{listen.text}"\r\nYear 10,Not sure,5\r\n'
    return {"file": SimpleUploadedFile("walk.csv", text.encode(), content_type="text/csv")}


def _question_body(objects):
    question = objects["survey_question"]
    return {
        "text": "How safe do you feel on the way to school?",
        "kind": "single",
        "options": "Safe\nUnsafe\nNot sure",
        "required": "on",
        "position": question.position,
        "version": question.version,
    }


VALID = {
    "assurance:survey_create": Valid(
        data=lambda o: {
            "title": "Walk new survey",
            "slug": "walk-new-survey",
            "audience": "families",
            "answered_by": "public",
            "status": "draft",
        },
        changed=_exists("assurance.Survey", slug="walk-new-survey"),
    ),
    "assurance:survey_edit": Valid(
        data=lambda o: {
            "title": "Walk survey renamed",
            "slug": o["survey"].slug,
            "audience": "children",
            "answered_by": "public",
            "status": "open",
            "version": o["survey"].version,
        },
        changed=_exists("assurance.Survey", title="Walk survey renamed"),
    ),
    "assurance:survey_question_create": Valid(
        data=lambda o: {"text": "Walk new question", "kind": "free_text"},
        changed=_exists("assurance.SurveyQuestion", text="Walk new question"),
    ),
    "assurance:survey_question_edit": Valid(
        data=_question_body,
        changed=_exists("assurance.SurveyQuestion", text="How safe do you feel on the way to school?"),
    ),
    "assurance:survey_import": Valid(
        data=_import_file,
        changed=_exists("assurance.SurveyResponse", channel="import", respondent_group="Year 10"),
    ),
    "have_your_say:answer": Valid(
        data=_answer_body,
        changed=_exists("assurance.SurveyResponse", channel="public", respondent_group="Year 10"),
    ),
}
