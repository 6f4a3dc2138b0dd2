"""The feed shows a token what its user sees on the pages, and nothing of another agency's own records."""

import datetime

import pytest

from learningloop.improvement.models import PlanScope
from learningloop.improvement.tests.factories import ActionFactory, PlanFactory
from learningloop.learning.tests.factories_summaries import KeyMessageFactory, SummaryFactory
from learningloop.performance.models import Frequency
from learningloop.performance.tests.factories import IndicatorFactory, SubmissionFactory

from .helpers import bearer, rows, token_for

pytestmark = pytest.mark.django_db

MULTI = "Use the neglect toolkit at every strategy discussion"
POLICE_ONLY = "Police only: review every missing-from-home referral for exploitation"
HOSPITAL_ONLY = "Hospital only: name a safeguarding lead on every ward"


@pytest.fixture
def actions(home_agency, other_agency):
    """One multi-agency action and one agency-only action of each agency, due on days counted by hand."""
    multi = PlanFactory(title="Neglect review plan", scope=PlanScope.MULTI_AGENCY)
    police = PlanFactory(title="Police plan", scope=PlanScope.SINGLE_AGENCY, agency=home_agency)
    hospital = PlanFactory(title="Hospital plan", scope=PlanScope.SINGLE_AGENCY, agency=other_agency)
    ActionFactory(plan=multi, description=MULTI, owner_agency=other_agency, due_on=datetime.date(2027, 1, 29))
    ActionFactory(
        plan=police, description=POLICE_ONLY, owner_agency=home_agency, due_on=datetime.date(2027, 2, 26)
    )
    ActionFactory(
        plan=hospital, description=HOSPITAL_ONLY, owner_agency=other_agency, due_on=datetime.date(2027, 3, 31)
    )


def test_another_agencys_token_sees_none_of_this_agencys_own_actions(actions, agency_lead, other_agency_lead):
    _, police_secret = token_for(agency_lead)
    _, hospital_secret = token_for(other_agency_lead)

    police = [a["description"] for a in rows(bearer(police_secret), "/api/v1/actions/")]
    hospital = [a["description"] for a in rows(bearer(hospital_secret), "/api/v1/actions/")]

    assert police == [MULTI, POLICE_ONLY]
    assert hospital == [MULTI, HOSPITAL_ONLY]


def test_a_partnership_wide_token_sees_every_action_with_its_plan(actions, bu_officer):
    _, secret = token_for(bu_officer)
    got = [
        (a["plan"], a["plan_scope"], a["owner_agency"], a["due_on"])
        for a in rows(bearer(secret), "/api/v1/actions/")
    ]
    assert got == [
        ("Neglect review plan", "multi", "Northshire Hospitals NHS Trust", "2027-01-29"),
        ("Police plan", "single", "Northshire Police", "2027-02-26"),
        ("Hospital plan", "single", "Northshire Hospitals NHS Trust", "2027-03-31"),
    ]


def test_another_agencys_token_sees_none_of_this_agencys_deadlines(actions, agency_lead, other_agency_lead):
    _, police_secret = token_for(agency_lead)
    _, hospital_secret = token_for(other_agency_lead)

    police = rows(bearer(police_secret), "/api/v1/deadlines/", status="all", kind="action")
    hospital = rows(bearer(hospital_secret), "/api/v1/deadlines/", status="all", kind="action")

    assert [(d["what"], d["due_on"]) for d in police] == [(MULTI, "2027-01-29"), (POLICE_ONLY, "2027-02-26")]
    assert [(d["what"], d["due_on"]) for d in hospital] == [
        (MULTI, "2027-01-29"),
        (HOSPITAL_ONLY, "2027-03-31"),
    ]
    assert police[0]["kind"] == "Improvement actions"
    from learningloop.improvement.models import Action

    multi = Action.objects.get(description=MULTI)
    assert police[0]["url"] == f"http://testserver/actions/{multi.pk}/"


def test_deadlines_default_to_what_needs_attention_as_on_the_page(actions, bu_officer, time_machine):
    time_machine.move_to(datetime.datetime(2027, 1, 25, 9, 0))
    _, secret = token_for(bu_officer)
    # Due Friday 29 January 2027, four working days after Monday 25 January: due soon. The others are not.
    assert [d["what"] for d in rows(bearer(secret), "/api/v1/deadlines/")] == [MULTI]


def test_values_carry_their_commentary_and_period(home_agency, other_agency, agency_lead):
    visits = IndicatorFactory(
        code="cp-visits", name="Child protection visits on time", frequency=Frequency.MONTHLY
    )
    SubmissionFactory(
        indicator=visits,
        agency=home_agency,
        period_start=datetime.date(2026, 4, 1),
        value=87.5,
        numerator=35,
        denominator=40,
        commentary="Two visits missed over the Easter holidays",
    )
    SubmissionFactory(indicator=visits, agency=other_agency, period_start=datetime.date(2026, 5, 1), value=90)
    _, secret = token_for(agency_lead)

    values = rows(bearer(secret), "/api/v1/values/", indicator="cp-visits")

    assert [
        (v["agency"], v["period_start"], v["period_end"], v["period_label"], v["value"], v["commentary"])
        for v in values
    ] == [
        (
            "Northshire Police",
            "2026-04-01",
            "2026-04-30",
            "Apr 2026",
            87.5,
            "Two visits missed over the Easter holidays",
        ),
        ("Northshire Hospitals NHS Trust", "2026-05-01", "2026-05-31", "May 2026", 90.0, ""),
    ]
    periods = rows(bearer(secret), "/api/v1/periods/", indicator="cp-visits")
    assert periods == [
        {
            "indicator": "cp-visits",
            "period_start": "2026-04-01",
            "period_end": "2026-04-30",
            "label": "Apr 2026",
        },
        {
            "indicator": "cp-visits",
            "period_start": "2026-05-01",
            "period_end": "2026-05-31",
            "label": "May 2026",
        },
    ]
    indicators = rows(bearer(secret), "/api/v1/indicators/")
    assert [(i["code"], i["name"], i["target"], i["frequency"]) for i in indicators] == [
        ("cp-visits", "Child protection visits on time", 85.0, "monthly")
    ]


def test_key_messages_carry_their_loop_status(agency_lead):
    summary = SummaryFactory(title="Neglect audit 2026")
    KeyMessageFactory(summary=summary, text="Share chronologies at the strategy discussion", position=1)
    _, secret = token_for(agency_lead)

    messages = rows(bearer(secret), "/api/v1/key-messages/")

    assert [(m["summary"], m["text"], m["loop_status"], m["loop_status_label"]) for m in messages] == [
        ("Neglect audit 2026", "Share chronologies at the strategy discussion", "identified", "Identified")
    ]


def test_a_junk_filter_is_a_400_not_a_500(agency_lead):
    _, secret = token_for(agency_lead)
    client = bearer(secret)
    assert client.get("/api/v1/values/", {"period_start_from": "not a date"}).status_code == 400
    assert client.get("/api/v1/deadlines/", {"status": "whenever"}).status_code == 400


def test_another_agencys_own_action_is_not_found_by_id(actions, other_agency_lead, agency_lead):
    from learningloop.improvement.models import Action

    police_only = Action.objects.get(description=POLICE_ONLY)
    _, hospital_secret = token_for(other_agency_lead)
    _, police_secret = token_for(agency_lead)
    assert bearer(hospital_secret).get(f"/api/v1/actions/{police_only.pk}/").status_code == 404
    assert (
        bearer(police_secret).get(f"/api/v1/actions/{police_only.pk}/").json()["description"] == POLICE_ONLY
    )


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/indicators/",
        "/api/v1/providers/",
        "/api/v1/values/",
        "/api/v1/actions/",
        "/api/v1/key-messages/",
    ],
)
def test_the_number_of_queries_does_not_grow_with_the_rows(path, home_agency, bu_officer):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _, secret = token_for(bu_officer)
    client = bearer(secret)

    def add(n):
        for _ in range(n):
            indicator = IndicatorFactory(providers=[home_agency])
            SubmissionFactory(indicator=indicator, agency=home_agency)
            ActionFactory(owner_agency=home_agency)
            KeyMessageFactory()

    def queries():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(path).status_code == 200
        return len(ctx.captured_queries)

    add(2)
    few = queries()
    add(20)
    assert queries() <= few
