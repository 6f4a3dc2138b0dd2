"""Records the authorisation walk needs for the survey pages: an open public survey with its questions
(one of them free text, answered once), and an import run nobody in the walk uploaded."""

from learningloop.core.models import ImportRun

from .factories_surveys import FREE_TEXT_SECRET, answer, questions, survey


def extend(objects):
    made = survey(title="Walk survey", slug="walk-survey")
    objects["survey"] = made
    asked = questions(made)
    objects["survey_question"] = asked["How safe do you feel at school?"]
    objects["survey_free_text_question"] = asked["Anything else you want to tell us?"]
    answer(made, which_school="Year 8", how_safe="Safe", how_well=3, anything_else=FREE_TEXT_SECRET)
    objects["survey_run"] = ImportRun.objects.create(
        spec="assurance.survey_responses", original_name="walk.csv"
    )
