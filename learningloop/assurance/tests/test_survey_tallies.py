"""The results and the survey list read the survey's tallies (ADR 0041), kept current by every write of
responses: the form, an imported file, and a change of the respondent group question. The expected counts
are worked out by hand from the five responses of test_surveys' `children` table plus the rows added here;
the pages never count answers or responses, so their cost stays the same at 200,000 responses."""

import datetime
import re

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from learningloop.assurance.models import SurveyTally
from learningloop.assurance.surveys import services

from .factories_surveys import answer, questions, survey
from .test_selfassessment import _table
from .test_surveys import LISTEN, SAFE, WORRIES, _results, children  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db

YEAR = "Which school year are you in?"


def _option(question, label):
    return next(o.pk for o in question.options.all() if o.label == label)


def _imported(made):
    """Two more responses, saved as an imported file saves them:
    I1  Year 8   Unsafe  Home     3
    I2  Year 10  Safe    (none)   5"""
    qs = questions(made)
    when = timezone.make_aware(datetime.datetime(2026, 10, 1, 11))
    records = []
    for year, safe, worries, listen in (("Year 8", "Unsafe", ["Home"], 3), ("Year 10", "Safe", [], 5)):
        rows = [
            (qs[YEAR].pk, _option(qs[YEAR], year), None, ""),
            (qs[SAFE].pk, _option(qs[SAFE], safe), None, ""),
            *((qs[WORRIES].pk, _option(qs[WORRIES], w), None, "") for w in worries),
            (qs[LISTEN].pk, None, listen, ""),
        ]
        records.append((when, year, rows))
    with transaction.atomic():
        services.responses_bulk_save(survey_id=made.pk, records=records)


def _list_counts(client):
    """{survey title: the Responses column} of the survey list."""
    page = client.get(reverse("assurance:survey_list")).text
    body = re.search(r"<tbody[^>]*>(.*?)</tbody>", page, re.S).group(1)
    counts = {}
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S):
        cells = [
            " ".join(re.sub(r"<[^>]+>", " ", c).split())
            for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        ]
        counts[cells[0]] = cells[-1]
    return counts


def test_imported_responses_are_added_to_the_results(children, lead_client):  # noqa: F811
    _imported(children)
    qs = questions(children)
    page = _results(lead_client, children)
    assert "7 responses." in page
    assert _table(page, f"results-{qs[SAFE].pk}") == [
        ["Safe", "4", "57.1%"],
        ["Unsafe", "2", "28.6%"],
        ["Not sure", "1", "14.3%"],
    ]
    # R1, R2, R4 and I1 ticked a worry: four people.
    assert _table(page, f"results-{qs[WORRIES].pk}") == [
        ["Online", "2", "50.0%"],
        ["Bullying", "1", "25.0%"],
        ["Home", "2", "50.0%"],
    ]
    assert _table(page, f"results-{qs[LISTEN].pk}") == [
        ["1 (Not at all)", "1", "14.3%"],
        ["2", "1", "14.3%"],
        ["3", "1", "14.3%"],
        ["4", "2", "28.6%"],
        ["5 (Very well)", "2", "28.6%"],
    ]
    year_8 = _results(lead_client, children, group="Year 8")  # R1, R2 and I1
    assert "3 responses from Year 8." in year_8
    assert _table(year_8, f"results-{qs[SAFE].pk}") == [
        ["Safe", "1", "33.3%"],
        ["Unsafe", "2", "66.7%"],
        ["Not sure", "0", "0.0%"],
    ]


def test_the_list_shows_each_surveys_responses(children, lead_client):  # noqa: F811
    survey(title="Practitioners on supervision", slug="supervision")
    _imported(children)
    answer(children, which_school="Year 8", how_safe="Safe", how_well=3)
    assert _list_counts(lead_client) == {
        "Practitioners on supervision": "0",
        "Growing up in Northshire": "8",  # 5 from the form, 2 imported, 1 more
    }


def test_a_new_respondent_group_question_counts_the_groups_again(children, lead_client):  # noqa: F811
    qs = questions(children)
    year, safe = qs[YEAR], qs[SAFE]
    year.is_respondent_group = False
    services.question_save(
        question=year, options=[o.label for o in year.options.all()], expected_version=year.version
    )
    safe.refresh_from_db()
    safe.is_respondent_group = True
    services.question_save(
        question=safe, options=[o.label for o in safe.options.all()], expected_version=safe.version
    )
    page = _results(lead_client, children, group="Safe")  # R1, R3 and R4
    assert "3 responses from Safe." in page
    assert _table(page, f"results-{qs[WORRIES].pk}") == [  # R1 (Online, Bullying) and R4 (Home)
        ["Online", "1", "50.0%"],
        ["Bullying", "1", "50.0%"],
        ["Home", "1", "50.0%"],
    ]
    assert _table(page, f"results-{qs[LISTEN].pk}") == [
        ["1 (Not at all)", "0", "0.0%"],
        ["2", "0", "0.0%"],
        ["3", "0", "0.0%"],
        ["4", "2", "66.7%"],
        ["5 (Very well)", "1", "33.3%"],
    ]
    assert "5 responses." in _results(lead_client, children)


def test_the_pages_read_tallies_never_answers_and_the_tallies_do_not_grow(children, lead_client):  # noqa: F811
    kept = SurveyTally.objects.filter(survey=children).count()
    for _ in range(20):  # answers the survey has had before: no new counts, only bigger ones
        answer(children, which_school="Year 8", how_safe="Safe", what_worries=["Online"], how_well=5)
    assert SurveyTally.objects.filter(survey=children).count() == kept
    for url in (
        reverse("assurance:survey_results", args=[children.pk]),
        reverse("assurance:survey_results", args=[children.pk]) + "?group=Year+8",
        reverse("assurance:survey_list"),
    ):
        with CaptureQueriesContext(connection) as queries:
            assert lead_client.get(url).status_code == 200
        read = " ".join(q["sql"] for q in queries.captured_queries)
        assert "assurance_surveyanswer" not in read and "assurance_surveyresponse" not in read, url
    assert "25 responses." in _results(lead_client, children)
