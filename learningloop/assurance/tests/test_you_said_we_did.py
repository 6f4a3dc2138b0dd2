""" "You said, we did" (issue 9): what children, young people and families said (linked to the survey and
question it came from, or to a learning source in the register) and what the partnership did about it (text,
date, key messages and improvement actions), on the learning trail, in a list with search, filters and an
export, and published on the public learning hub without any respondent's own words."""

import csv
import datetime
import io
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone

from learningloop.assurance.models import (
    Survey,
    SurveyAnswer,
    SurveyQuestion,
    SurveyResponse,
    YouSaidWeDid,
)
from learningloop.assurance.yousaid.services import you_said_we_did_save
from learningloop.improvement.tests.factories import ActionFactory
from learningloop.learning.tests.factories_register import ThemeFactory
from learningloop.reports.tests.factories import make_trail

pytestmark = pytest.mark.django_db
D = datetime.date
LIST = reverse("assurance:yswd_list")
ADD = reverse("assurance:yswd_create")
FREE_TEXT = "My social worker changed three times and nobody told me why"


@pytest.fixture
def hrbq():
    survey = Survey.objects.create(
        title="Health related behaviour questionnaire 2026",
        slug="hrbq-2026",
        audience="children",
        answered_by="public",
        status="closed",
    )
    question = SurveyQuestion.objects.create(
        survey=survey, position=1, text="What would make things better?", kind="free_text"
    )
    response = SurveyResponse.objects.create(survey=survey, channel="public")
    SurveyAnswer.objects.create(response=response, question=question, text=FREE_TEXT)
    return question


@pytest.fixture
def trail(home_agency, other_agency):
    return make_trail(agency=home_agency, other_agency=other_agency, stage="embedded")


def _body(**change):
    body = {
        "title": "You told us you did not know who your social worker was",
        "heard_from": "children",
        "said": "Children in care told us changes of social worker were not explained to them.",
        "did": "Every change of social worker is now explained to the child in a visit, within a week.",
        "did_on-day": "14",
        "did_on-month": "9",
        "did_on-year": "2026",
    }
    body.update(change)
    return body


def test_the_business_unit_records_an_entry_linked_to_its_survey_and_the_trail(officer_client, hrbq, trail):
    action = ActionFactory(plan=trail.get("action_plan") or ActionFactory().plan)
    theme = ThemeFactory(name="Listening to children")
    response = officer_client.post(
        ADD,
        _body(
            survey=hrbq.survey_id,
            question=hrbq.pk,
            key_messages=[trail["message"].pk],
            actions=[action.pk],
            themes=[theme.pk],
        ),
    )
    assert response.status_code == 302, unescape(response.content.decode())
    entry = YouSaidWeDid.objects.get()
    assert (entry.survey, entry.question, entry.did_on) == (hrbq.survey, hrbq, D(2026, 9, 14))
    assert list(entry.key_messages.all()) == [trail["message"]]
    detail = unescape(officer_client.get(response["Location"]).content.decode())
    assert "Health related behaviour questionnaire 2026" in detail
    assert "What would make things better?" in detail
    assert action.description in detail
    assert "14 September 2026" in detail
    assert FREE_TEXT not in detail  # the staff wrote what was said; a child's own answer is never copied

    page = unescape(
        officer_client.get(reverse("reports:key_message_trail", args=[trail["message"].pk])).content.decode()
    )
    section = page[page.index('id="yswd-heading"') :]
    assert "You told us you did not know who your social worker was" in section
    assert "Every change of social worker is now explained" in section


def test_a_question_is_from_its_survey_and_bad_input_is_explained(officer_client, hrbq):
    other = Survey.objects.create(
        title="Parents survey", slug="parents", audience="families", answered_by="public"
    )
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    cases = [
        ({"title": ""}, "Enter the headline"),
        ({"heard_from": "aliens"}, "Select who said it from the list"),
        ({"said": " "}, "Enter what they said, in your own words"),
        ({"did": ""}, "Enter what the partnership did"),
        ({"did_on-day": "31", "did_on-month": "2"}, "Enter a real date"),
        (
            {
                "did_on-day": str(tomorrow.day),
                "did_on-month": str(tomorrow.month),
                "did_on-year": str(tomorrow.year),
            },
            "The date must be today or in the past",
        ),
        ({"survey": other.pk, "question": hrbq.pk}, "Choose a question of the survey it came from"),
        ({"key_messages": ["99999"]}, "Select from the list"),
    ]
    for change, message in cases:
        response = officer_client.post(ADD, _body(**change))
        assert response.status_code == 200, change
        html = unescape(response.content.decode())
        assert "govuk-error-summary" in html and message in html, (change, message)
    assert not YouSaidWeDid.objects.exists()
    # A question alone names its survey.
    assert officer_client.post(ADD, _body(question=hrbq.pk)).status_code == 302
    assert YouSaidWeDid.objects.get().survey == hrbq.survey


def test_others_read_but_only_the_business_unit_records(persona_client, officer_client):
    entry = you_said_we_did_save(entry=YouSaidWeDid(**_entry("Waiting times")))
    lead = persona_client("agency_lead")
    assert lead.get(LIST).status_code == 200
    assert lead.get(reverse("assurance:yswd_detail", args=[entry.pk])).status_code == 200
    assert lead.get(ADD).status_code == 403
    assert lead.post(reverse("assurance:yswd_edit", args=[entry.pk]), {}).status_code == 403
    assert "Add to “You said, we did”" not in lead.get(LIST).content.decode()


def _entry(title, heard_from="children", on=D(2026, 5, 1), **extra):
    return {
        "title": title,
        "heard_from": heard_from,
        "said": f"They said: {title.lower()}",
        "did": "We changed it.",
        "did_on": on,
        **extra,
    }


def test_the_list_searches_filters_sorts_and_exports(officer_client):
    theme = ThemeFactory(name="Waiting for help")
    waiting = you_said_we_did_save(
        entry=YouSaidWeDid(**_entry("Waiting times", on=D(2026, 3, 1))), themes=[theme]
    )
    you_said_we_did_save(
        entry=YouSaidWeDid(**_entry("Parents not told", heard_from="families", on=D(2026, 6, 1)))
    )
    you_said_we_did_save(entry=YouSaidWeDid(**_entry("Youth club hours", on=D(2025, 11, 3))))

    def titles(query):
        html = officer_client.get(LIST, query).content.decode()
        return [t for t in ("Waiting times", "Parents not told", "Youth club hours") if t in html]

    assert titles({}) == ["Waiting times", "Parents not told", "Youth club hours"]  # present
    html = officer_client.get(LIST).content.decode()
    assert (
        html.index("Parents not told") < html.index("Waiting times") < html.index("Youth club hours")
    )  # newest
    assert titles({"q": "waiting"}) == ["Waiting times"]
    assert titles({"heard_from": "families"}) == ["Parents not told"]
    assert titles({"theme": theme.pk}) == ["Waiting times"]
    sorted_html = officer_client.get(LIST, {"sort": "title"}).content.decode()
    assert (
        sorted_html.index("Parents not told")
        < sorted_html.index("Waiting times")
        < sorted_html.index("Youth club")
    )
    junk = officer_client.get(LIST, {"heard_from": "x", "theme": "abc"})
    assert junk.status_code == 200 and "govuk-error-summary" in junk.content.decode()

    export = officer_client.get(reverse("assurance:yswd_export"), {"format": "csv", "heard_from": "children"})
    rows = list(csv.reader(io.StringIO(export.getvalue().decode("utf-8-sig"))))
    assert rows[0][:3] == ["Headline", "Who said it", "What they said"]
    assert [r[0] for r in rows[1:]] == ["Waiting times", "Youth club hours"]
    assert rows[0][6] == "When" and rows[1][6] == "2026-03-01"
    assert rows[1][-1] == "Waiting for help" and rows[2][-1] == ""
    xlsx = officer_client.get(reverse("assurance:yswd_export"))
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == [
        "Parents not told",
        waiting.title,
        "Youth club hours",
    ]


def test_an_entry_is_published_on_the_hub_from_its_allow_list_only(client, bu_admin, hrbq, trail):
    from learningloop.website.publishing.services import publication_publish

    activity = trail["activity"]
    entry = you_said_we_did_save(
        entry=YouSaidWeDid(
            **_entry("You said the wait was too long", survey=hrbq.survey, source_activity=activity)
        ),
        key_messages=[trail["message"]],
    )
    item = publication_publish(
        kind_code="you_said_we_did",
        source_id=entry.pk,
        by=bu_admin,
        no_child=True,
        no_family_member=True,
        no_practitioner=True,
    )
    page = unescape(client.get(reverse("website:publication", kwargs={"slug": item.slug})).content.decode())
    assert "You said the wait was too long" in page
    assert "You said" in page and "We did" in page and "We changed it." in page
    assert "1 May 2026" in page
    assert activity.title not in page  # the learning source is not in the allow-list
    assert hrbq.survey.title not in page
    assert FREE_TEXT not in page
