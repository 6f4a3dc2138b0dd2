"""Evidence of impact from survey questions (issue 8, ADR 0033): a question asked in a baseline survey and
again in a later one (this year's and last year's HRBQ "I know who to talk to if I am worried"), with the
answers that count as favourable. Each side's value is the share of respondents who answered the question
and gave a favourable answer; higher in the follow-up is the desired way."""

import datetime
import re
from html import unescape

import pytest
from django.urls import reverse

from learningloop.assurance.evidence import services
from learningloop.assurance.models import AssuranceEvidence, SurveyAnswer, SurveyResponse
from learningloop.learning.models import KeyMessage
from learningloop.reports import trail as trails
from learningloop.reports.tests.factories import make_trail

from .factories_evidence import WORRIED, hrbq

pytestmark = pytest.mark.django_db
D = datetime.date
ADD = reverse("assurance:survey_evidence_add")


def status_of(message):
    return trails.with_loop_status(KeyMessage.objects.filter(pk=message.pk)).get().loop_status


@pytest.fixture
def embedded(home_agency, other_agency):
    return make_trail(agency=home_agency, other_agency=other_agency, stage="embedded")["message"]


def test_more_children_knowing_who_to_talk_to_evidences_the_trail(officer_client, embedded):
    # 2025: 6 of 10 answered Yes (60%); one child skipped the question and is not counted.
    before = hrbq(2025, ["Yes"] * 6 + ["Not sure"] * 3 + ["No"], skipped=1)
    # 2026: 6 of 8 (75%).
    after = hrbq(2026, ["Yes"] * 6 + ["Not sure", "No"])
    response = officer_client.post(
        ADD,
        {
            "key_message": embedded.pk,
            "baseline_question": before.pk,
            "followup_question": after.pk,
            "favourable_options": "Yes\n",
        },
    )
    assert response.status_code == 302, unescape(response.content.decode())
    link = AssuranceEvidence.objects.get()
    assert (link.baseline_favourable, link.baseline_counted) == (6, 10)
    assert (link.followup_favourable, link.followup_counted, link.desired) == (6, 8, True)
    assert status_of(embedded) == "evidenced"
    html = unescape(officer_client.get(response["Location"]).content.decode())
    section = html[html.index('id="evidenced"') :]
    assert re.search(
        rf"Survey question: {WORRIED}.*?answering Yes.*?60\.0%.*?6 of 10 respondents.*?questionnaire 2025"
        r".*?75\.0%.*?6 of 8 respondents.*?questionnaire 2026.*?Went the desired way",
        section,
        re.S,
    )


def test_a_respondent_choosing_two_favourable_answers_counts_once(officer_client, embedded):
    # 2025: 2 of 4 (50%). 2026: respondents 1 and 2 chose both favourable answers: 3 of 4 (75%), not 5.
    both = ["Yes", "Yes, more than one person"]
    before = hrbq(2025, ["Yes", "Yes, more than one person", "No", "Not sure"], kind="multiple")
    after = hrbq(2026, [both, both, "Yes", "No"], kind="multiple")
    link = services.survey_evidence_add(
        key_message=embedded,
        baseline_question=before,
        followup_question=after,
        favourable_options=["Yes", "yes, more than one person"],
    )
    assert (link.baseline_favourable, link.baseline_counted) == (2, 4)
    assert (link.followup_favourable, link.followup_counted, link.desired) == (3, 4, True)


def test_a_scale_threshold_and_a_worse_follow_up(embedded):
    # On 1 to 5, 4 or more is favourable. 2025: 5, 4, 2, 3 → 2 of 4 (50%); 2026: 4, 3, 2, 1, 2 → 1 of 5 (20%).
    before = hrbq(2025, [5, 4, 2, 3], kind="scale", scale=(1, 5))
    after = hrbq(2026, [4, 3, 2, 1, 2], kind="scale", scale=(1, 5))
    link = services.survey_evidence_add(
        key_message=embedded, baseline_question=before, followup_question=after, favourable_from=4
    )
    assert (link.baseline_favourable, link.baseline_counted, link.followup_favourable) == (2, 4, 1)
    assert (link.followup_counted, link.desired) == (5, False)
    assert status_of(embedded) == "embedded"
    # More responses arrive (an import, say): 4 more answering 5 → 5 of 9 (55.6%), above 50%.
    for _ in range(4):
        response = SurveyResponse.objects.create(survey=after.survey, channel="import")
        SurveyAnswer.objects.create(response=response, question=after, number=5)
    services.assurance_evidence_update(survey_ids=[after.survey_id])
    link.refresh_from_db()
    assert (link.followup_favourable, link.followup_counted, link.desired) == (5, 9, True)
    assert str(link.followup_share) == "55.6"
    assert status_of(embedded) == "evidenced"


def test_bad_choices_are_explained_and_nothing_is_saved(officer_client, embedded):
    before = hrbq(2025, ["Yes", "No"])
    after = hrbq(2026, ["Yes"])
    scale = hrbq(2027, [3], kind="scale", scale=(1, 5))
    body = {"key_message": embedded.pk, "baseline_question": before.pk, "followup_question": after.pk}
    cases = [
        ({"favourable_options": ""}, "Select the answers that count as favourable"),
        ({"favourable_options": "Maybe"}, "The baseline question has no answer “Maybe”"),
        ({"followup_question": before.pk, "favourable_options": "Yes"}, "different, later survey"),
        (
            {"baseline_question": after.pk, "followup_question": before.pk, "favourable_options": "Yes"},
            "open after",
        ),
        ({"followup_question": scale.pk, "favourable_options": "Yes"}, "same kind"),
        ({"followup_question": "x"}, "Select a question from the list"),
        ({"favourable_options": "Yes", "favourable_from": "four"}, "Enter a whole number"),
    ]
    for change, message in cases:
        response = officer_client.post(ADD, {**body, **change})
        assert response.status_code == 200, change
        assert message in unescape(response.content.decode()), change
    assert not AssuranceEvidence.objects.exists()


def test_a_response_from_the_public_form_works_the_share_out_again(embedded):
    from learningloop.assurance.surveys.services import response_submit

    before = hrbq(2025, ["Yes", "No"])  # 1 of 2 (50%)
    after = hrbq(2026, ["Yes", "No"])  # 1 of 2 (50%): not higher
    link = services.survey_evidence_add(
        key_message=embedded, baseline_question=before, followup_question=after, favourable_options=["Yes"]
    )
    assert link.desired is False
    after.survey.status, after.survey.closes_on = "open", None
    after.survey.save()
    yes = after.options.get(label="Yes")
    school_year = after.survey.questions.get(position=2)
    response_submit(
        survey=after.survey, values={after.pk: yes.pk, school_year.pk: "Year 8"}, channel="public"
    )
    link.refresh_from_db()
    assert (link.followup_favourable, link.followup_counted, link.desired) == (2, 3, True)  # 66.7% > 50%
