"""The demo's surveys: the health-related behaviour questionnaire with its 1,700 imported responses by
school year, the practitioners' survey answered signed in, and an open public survey; safe to repeat."""

import io

import pytest

from learningloop.assurance.models import Survey, SurveyResponse
from learningloop.devdata.demo import surveys

pytestmark = pytest.mark.django_db


def test_the_demo_has_two_surveys_with_imported_responses_and_repeats_safely():
    surveys.seed(io.StringIO())
    surveys.seed(io.StringIO())  # a second run adds nothing
    hrbq = Survey.objects.get(slug=surveys.HRBQ)
    assert hrbq.responses.count() == 1700
    assert hrbq.responses.filter(channel="import").count() == 1700
    assert SurveyResponse.objects.filter(survey=hrbq, respondent_group="Year 8").count() == 425
    practitioners = Survey.objects.get(slug=surveys.PRACTITIONERS)
    assert practitioners.answered_by == "signed_in" and practitioners.responses.count() == 140
    families = Survey.objects.get(slug=surveys.FAMILIES)
    assert families.answered_by == "public" and families.taking_answers()
    assert Survey.objects.count() == 3
