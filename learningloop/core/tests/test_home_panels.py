"""The home page shows each person what they must do next, from every area (panels registered by the apps).

Today is Wednesday 4 March 2026. "Due soon" means within the next 10 working days: 5, 6, 9, 10, 11, 12, 13,
16, 17 and 18 March (no bank holiday falls in them), so an action due on 18 March is due soon and one due
on 19 March is not."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from learningloop.core import panels
from learningloop.dissemination.models import ResponseStatus
from learningloop.dissemination.tests.factories_requests import RequestFactory, ResponseFactory
from learningloop.improvement.models import ActionStatus
from learningloop.improvement.tests.factories import ActionFactory, CompletedActionFactory

D = datetime.date
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today(time_machine):
    time_machine.move_to(datetime.datetime(2026, 3, 4, 9, 0), tick=False)


ATTENTION = "What needs attention now"
REQUESTS = "Requests to your agency"
OUR_ACTIONS = "Your agency&#39;s actions"
ALL_ACTIONS = "Improvement actions across the partnership"
RESPONSES = "Responses from agencies"

POLICE_OVERDUE = "Refresh the MASH training for new starters"
POLICE_DUE_SOON = "Audit ten strategy meetings"
POLICE_LATER = "Review the escalation policy"
POLICE_DONE = "Brief response officers on bruising"
HEALTH_OVERDUE = "Send safer sleep leaflets to every midwife"
POLICE_REQUEST = "Embed learning on bruising in non-mobile babies"
HEALTH_REQUEST = "Embed learning on discharge planning"


@pytest.fixture
def data(home_agency, other_agency):
    """Northshire Police (home agency) and Northshire Hospitals (other agency), by hand."""
    ActionFactory(description=POLICE_OVERDUE, owner_agency=home_agency, due_on=D(2026, 2, 20))
    ActionFactory(
        description=POLICE_DUE_SOON,
        owner_agency=home_agency,
        due_on=D(2026, 3, 18),
        status=ActionStatus.IN_PROGRESS,
        progress=20,
    )
    ActionFactory(description=POLICE_LATER, owner_agency=home_agency, due_on=D(2026, 3, 19))
    CompletedActionFactory(
        description=POLICE_DONE, owner_agency=home_agency, due_on=D(2026, 2, 1), completed_on=D(2026, 2, 2)
    )
    ActionFactory(description=HEALTH_OVERDUE, owner_agency=other_agency, due_on=D(2026, 2, 27))
    ResponseFactory(request=RequestFactory(title=POLICE_REQUEST, due_on=D(2026, 3, 10)), agency=home_agency)
    ResponseFactory(request=RequestFactory(title=HEALTH_REQUEST, due_on=D(2026, 2, 25)), agency=other_agency)
    # Answered and accepted: nobody has anything left to do about it.
    ResponseFactory(
        request=RequestFactory(title="An accepted response", due_on=D(2026, 1, 5)),
        agency=home_agency,
        status=ResponseStatus.ACCEPTED,
    )


def _home(persona_client, persona):
    response = persona_client(persona).get("/")
    assert response.status_code == 200
    return response.content.decode()


# persona -> (headings shown, rows shown). Everything else in the lists below must be absent.
EXPECTED = {
    "agency_lead": ({REQUESTS, OUR_ACTIONS}, {POLICE_REQUEST, POLICE_OVERDUE, POLICE_DUE_SOON}),
    "agency_member": ({REQUESTS, OUR_ACTIONS}, {POLICE_REQUEST, POLICE_OVERDUE, POLICE_DUE_SOON}),
    "other_agency_lead": ({REQUESTS, OUR_ACTIONS}, {HEALTH_REQUEST, HEALTH_OVERDUE}),
    "bu_officer": ({ATTENTION, ALL_ACTIONS, RESPONSES}, {POLICE_OVERDUE, POLICE_DUE_SOON, HEALTH_OVERDUE}),
    "bu_admin": ({ATTENTION, ALL_ACTIONS, RESPONSES}, {POLICE_OVERDUE, POLICE_DUE_SOON, HEALTH_OVERDUE}),
    # The chair sits in the police: their agency's requests, plus the partnership-wide view.
    "group_chair": (
        {ATTENTION, REQUESTS, ALL_ACTIONS, RESPONSES},
        {POLICE_REQUEST, POLICE_OVERDUE, POLICE_DUE_SOON, HEALTH_OVERDUE},
    ),
    "scrutineer": ({ALL_ACTIONS, RESPONSES}, {POLICE_OVERDUE, POLICE_DUE_SOON, HEALTH_OVERDUE}),
    "read_only": ({REQUESTS}, {POLICE_REQUEST}),
}
HEADINGS = {ATTENTION, REQUESTS, OUR_ACTIONS, ALL_ACTIONS, RESPONSES}
ROWS = {
    POLICE_OVERDUE,
    POLICE_DUE_SOON,
    POLICE_LATER,
    POLICE_DONE,
    HEALTH_OVERDUE,
    POLICE_REQUEST,
    HEALTH_REQUEST,
    "An accepted response",
}


@pytest.mark.parametrize("persona", list(EXPECTED))
def test_each_persona_sees_what_they_must_do_next(data, persona_client, persona):
    html = _home(persona_client, persona)
    headings, rows = EXPECTED[persona]
    assert {h for h in HEADINGS if h in html} == headings
    assert {r for r in ROWS if r in html} == rows


def test_an_agency_lead_sees_overdue_and_due_soon_counts_with_rag(data, persona_client):
    html = _home(persona_client, "agency_lead")
    assert '<h2 class="govuk-heading-m">Your agency&#39;s actions</h2>' in html  # markup, not escaped text
    assert "Overdue (1)" in html
    assert "Due in the next 10 working days (1)" in html
    assert "govuk-tag--red" in html  # the overdue action is red
    assert "govuk-tag--yellow" in html  # due soon and under half done: amber


def test_the_business_unit_sees_how_many_responses_are_overdue(data, persona_client):
    html = _home(persona_client, "bu_officer")
    # Health's response was due on 25 February; the police's is not due until 10 March.
    assert "1 response from 1 agency is overdue." in html
    assert "Overdue (2)" in html


def test_the_overdue_responses_count_each_agency_once(data, persona_client, home_agency, other_agency):
    # Two more of Health's responses overdue (due 2 and 3 March), one of the police's (due 27 February),
    # one of the police's overdue but submitted (so not outstanding): 4 responses from 2 agencies.
    for due in (D(2026, 3, 2), D(2026, 3, 3)):
        ResponseFactory(request=RequestFactory(due_on=due), agency=other_agency)
    ResponseFactory(request=RequestFactory(due_on=D(2026, 2, 27)), agency=home_agency)
    ResponseFactory(
        request=RequestFactory(due_on=D(2026, 2, 26)), agency=home_agency, status=ResponseStatus.SUBMITTED
    )
    assert "4 responses from 2 agencies are overdue." in _home(persona_client, "bu_officer")


def test_an_agency_with_nothing_to_do_sees_no_empty_panels(persona_client, home_agency):
    html = _home(persona_client, "agency_lead")
    assert REQUESTS not in html and OUR_ACTIONS not in html
    assert "Your areas" in html


def _count(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/").status_code == 200
    return len(queries)


@pytest.mark.parametrize("persona", ["agency_lead", "bu_officer", "group_chair"])
def test_the_number_of_queries_does_not_grow_with_the_rows(
    data, persona, make_persona, home_agency, other_agency
):
    from django.test import Client

    client = Client()
    client.force_login(make_persona(persona))
    few = _count(client)
    for n in range(15):
        ActionFactory(description=f"More overdue {n}", owner_agency=home_agency, due_on=D(2026, 2, 2))
        ActionFactory(description=f"More due soon {n}", owner_agency=other_agency, due_on=D(2026, 3, 9))
        ResponseFactory(request=RequestFactory(due_on=D(2026, 3, 1)), agency=home_agency)
    assert _count(client) == few


def test_panels_are_registered_by_the_areas_in_order():
    keys = [p.key for p in panels.registered()]
    assert keys == [
        "learning.attention",
        "dissemination.agency_requests",
        "dissemination.overdue_responses",
        "improvement.agency_actions",
        "improvement.partnership_actions",
        "governance.meeting_tasks",
        "reports.loop_stages",
        "workforce.training",
    ]
