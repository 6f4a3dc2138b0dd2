"""The large generator's surveys: 200,000 responses at full scale (here a small scale), each survey's
respondent group filled in, every response with its answers."""

import datetime
import random

import pytest
from django.db.models import Count

from learningloop.assurance.models import SurveyAnswer, SurveyResponse
from learningloop.devdata.large.common import Context
from learningloop.devdata.large.surveys import build_surveys

pytestmark = pytest.mark.django_db


def _context(scale, years=2):
    today = datetime.date(2026, 12, 1)
    return Context(
        rng=random.Random(1),
        years=years,
        scale=scale,
        today=today,
        start=datetime.date(today.year - years, 12, 2),
    )


def test_the_surveys_have_their_responses_and_answers():
    surveys, responses, answers = build_surveys(_context(0.02))
    assert (surveys, responses) == (2, 4000)
    assert SurveyResponse.objects.count() == 4000 and SurveyAnswer.objects.count() == answers
    per_response = (
        SurveyAnswer.objects.values("response_id").annotate(n=Count("pk")).values_list("n", flat=True)
    )
    assert set(per_response) <= {4, 5}
    assert set(SurveyResponse.objects.values_list("respondent_group", flat=True)) == {
        "Year 6",
        "Year 8",
        "Year 10",
        "Year 12",
    }
