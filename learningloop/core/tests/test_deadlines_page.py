"""The one statutory and operational deadlines page: every kind of deadline, soonest first, with the
engine's status wording, filterable by kind, group, agency and status, scoped to what the user may see,
and a number of queries that does not grow with the rows. Today is fixed at Wednesday 16 December 2026."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from learningloop.dissemination.tests.factories_plans import CommunicationFactory
from learningloop.dissemination.tests.factories_requests import RequestFactory, ResponseFactory
from learningloop.improvement.models import ActionStatus
from learningloop.improvement.tests.factories import ActionFactory
from learningloop.learning.tests.factories_register import ActivityFactory
from learningloop.learning.tests.factories_reviews import make_review
from learningloop.partnership.tests.factories import AgencyFactory, GroupFactory

pytestmark = pytest.mark.django_db
D = datetime.date
TODAY = datetime.datetime(2026, 12, 16, 10, 0)
URL = reverse("learning:statutory_deadlines")


@pytest.fixture
def frozen():
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def deadlines(frozen, home_agency, other_agency):
    panel = GroupFactory(name="Case Review Panel", terms_review_due=D(2026, 12, 1))
    return {
        "panel": panel,
        # Aware Thursday 10 December: notify the Panel within 5 working days (11, 14, 15, 16, 17): Thu 17 Dec.
        "review": make_review(pseudonym="Child K", aware_on=D(2026, 12, 10),
                              activity=ActivityFactory(title="Serious incident K", owning_group=panel)),
        "response": ResponseFactory(
            request=RequestFactory(title="Chronologies request", due_on=D(2026, 12, 14)), agency=home_agency
        ),
        "action": ActionFactory(description="Audit supervision records", owner_agency=other_agency,
                                due_on=D(2027, 1, 4)),
        "later": CommunicationFactory(description="Newsletter item on chronologies", due_on=D(2027, 1, 5)),
        "done": ActionFactory(description="Refresh the escalation policy", owner_agency=other_agency,
                              due_on=D(2026, 12, 11), status=ActionStatus.COMPLETED, progress=100,
                              completed_on=D(2026, 12, 10)),
    }  # fmt: skip


def _body(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    return response.content.decode()


def test_every_kind_soonest_first_with_the_engine_wording(deadlines, persona_client):
    body = _body(persona_client("bu_officer"))
    # Terms of reference due 1 Dec: 2-4, 7-11, 14-16 Dec = 11 working days overdue.
    # The response was due Monday 14 Dec: 15, 16 = 2 working days overdue.
    # The notification is due Thursday 17 Dec: 1 working day. The action is due Monday 4 January 2027:
    # 17, 18, 21, 22, 23, 24, 29, 30, 31 Dec, 4 Jan = 10 working days (25 and 28 Dec, 1 Jan are holidays).
    order = [
        "Review the terms of reference",
        "Response to Chronologies request",
        "Notify the national Panel",
        "Audit supervision records",
    ]
    positions = [body.index(text) for text in order]
    assert positions == sorted(positions)
    for text in ("Overdue by 11 working days", "Overdue by 2 working days", "Due in 1 working day",
                 "Due in 10 working days"):  # fmt: skip
        assert text in body
    # Beyond 10 working days, and done: not on the default view.
    assert "Newsletter item on chronologies" not in body
    assert "Refresh the escalation policy" not in body
    assert "5 deadlines" not in body and "4 deadlines" in body


def test_filter_by_kind(deadlines, persona_client):
    body = _body(persona_client("bu_officer"), kind="action")
    assert "Audit supervision records" in body
    assert "Response to Chronologies request" not in body and "Notify the national Panel" not in body


def test_filter_by_agency(deadlines, persona_client, home_agency):
    body = _body(persona_client("bu_officer"), agency=home_agency.pk)
    assert "Response to Chronologies request" in body
    # The action is the other agency's; case reviews and terms of reference belong to no agency.
    assert "Audit supervision records" not in body and "Notify the national Panel" not in body
    assert "Review the terms of reference" not in body


def test_filter_by_group(deadlines, persona_client):
    body = _body(persona_client("bu_officer"), group=deadlines["panel"].pk)
    assert "Review the terms of reference" in body and "Notify the national Panel" in body
    assert "Response to Chronologies request" not in body and "Audit supervision records" not in body


@pytest.mark.parametrize(
    "status, shown, hidden",
    [
        ("overdue", ["Review the terms of reference", "Response to Chronologies"], ["Notify the national"]),
        ("due_soon", ["Notify the national Panel", "Audit supervision"], ["Response to Chronologies"]),
        ("open", ["Newsletter item on chronologies", "Response to Chronologies"], ["Refresh the escalation"]),
        ("closed", ["Refresh the escalation policy", "Met on time"], ["Audit supervision records"]),
    ],
)
def test_filter_by_status(deadlines, persona_client, status, shown, hidden):
    body = _body(persona_client("bu_officer"), status=status)
    for text in shown:
        assert text in body
    for text in hidden:
        assert text not in body


def test_an_agency_user_sees_only_what_their_agency_may_see(deadlines, persona_client, other_agency):
    ResponseFactory(request=RequestFactory(title="Other agency's request", due_on=D(2026, 12, 14)),
                    agency=other_agency)  # fmt: skip
    body = _body(persona_client("agency_lead"))  # of the home agency
    assert "Response to Chronologies request" in body
    assert "Other agency&#39;s request" not in body and "Other agency's request" not in body


@pytest.mark.parametrize(
    "params",
    [{"kind": "nonsense"}, {"agency": "abc"}, {"group": "999999"}, {"status": "x"}, {"page": "-1"}],
)
def test_bad_filters_give_an_error_summary_not_a_500(deadlines, persona_client, params):
    response = persona_client("bu_officer").get(URL, params)
    assert response.status_code == 200
    assert response.content.decode().count("<h1") == 1


def test_the_query_count_does_not_grow_with_the_rows(frozen, persona_client):
    client = persona_client("bu_officer")
    agency = AgencyFactory()

    def add(n):
        for i in range(n):
            make_review(aware_on=D(2026, 12, 10))
            ResponseFactory(request=RequestFactory(due_on=D(2026, 12, 14)), agency=agency)
            ActionFactory(owner_agency=agency, due_on=D(2026, 12, 18))
            CommunicationFactory(due_on=D(2026, 12, 21), owner_agency=agency)
            GroupFactory(terms_review_due=D(2026, 12, 1))

    add(1)  # 5 rows, one of each kind
    client.get(URL)
    with CaptureQueriesContext(connection) as few:
        client.get(URL)
    add(10)  # 55 rows: more than a page of 50
    with CaptureQueriesContext(connection) as many:
        body = _body(client)
    assert "55 deadlines" in body
    assert len(many) == len(few)
