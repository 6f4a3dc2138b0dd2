"""The CSV downloads beside the pages: the same rows, filters and scope as the page (hand-written rows)."""

import csv
import datetime
import io

import pytest
from django.test import Client

from learningloop.improvement.models import PlanScope
from learningloop.improvement.tests.factories import ActionFactory, PlanFactory
from learningloop.learning.tests.factories_summaries import KeyMessageFactory, SummaryFactory
from learningloop.performance.models import Frequency
from learningloop.performance.tests.factories import IndicatorFactory, SubmissionFactory

pytestmark = pytest.mark.django_db


def _csv(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment")
    return list(csv.reader(io.StringIO(response.getvalue().decode("utf-8"))))


def _signed_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def actions(home_agency, other_agency):
    multi = PlanFactory(title="Neglect review plan", scope=PlanScope.MULTI_AGENCY)
    hospital = PlanFactory(title="Hospital plan", scope=PlanScope.SINGLE_AGENCY, agency=other_agency)
    ActionFactory(
        plan=multi,
        description="=Use the neglect toolkit",
        owner_agency=home_agency,
        due_on=datetime.date(2027, 1, 29),
        progress=40,
        status="in_progress",
    )
    ActionFactory(
        plan=hospital,
        description="Name a ward lead",
        owner_agency=other_agency,
        due_on=datetime.date(2027, 3, 31),
    )


def test_the_actions_csv_has_the_pages_rows_and_scope(actions, agency_lead, time_machine):
    time_machine.move_to(datetime.datetime(2026, 12, 1, 10, 0))
    rows = _csv(_signed_in(agency_lead), "/actions/export.csv")
    assert rows[0][:8] == [
        "Plan",
        "Action",
        "Owner agency",
        "Owner",
        "Due date",
        "Status",
        "RAG",
        "Progress (per cent)",
    ]
    # The hospital's own plan is not the police lead's to see; a formula-like cell is escaped.
    assert [r[:8] for r in rows[1:]] == [
        [
            "Neglect review plan",
            "'=Use the neglect toolkit",
            "Northshire Police",
            "",
            "2027-01-29",
            "In progress",
            "Green",
            "40",
        ]
    ]


def test_the_actions_csv_keeps_the_pages_filters(actions, bu_officer):
    rows = _csv(_signed_in(bu_officer), "/actions/export.csv", q="ward lead")
    assert [r[1] for r in rows[1:]] == ["Name a ward lead"]


def test_an_indicators_values_csv_carries_the_commentary(home_agency, other_agency, agency_lead):
    visits = IndicatorFactory(code="cp-visits", frequency=Frequency.QUARTERLY)
    SubmissionFactory(
        indicator=visits,
        agency=other_agency,
        period_start=datetime.date(2026, 4, 1),
        value=91,
        commentary="New rota from May",
        submitted_at=datetime.datetime(2026, 7, 14, 9, 0, tzinfo=datetime.UTC),
    )
    SubmissionFactory(
        indicator=visits,
        agency=home_agency,
        period_start=datetime.date(2026, 4, 1),
        value=87.5,
        numerator=35,
        denominator=40,
        submitted_at=datetime.datetime(2026, 7, 10, 9, 0, tzinfo=datetime.UTC),
    )

    rows = _csv(_signed_in(agency_lead), f"/impact/indicators/{visits.pk}/values.csv")

    assert rows[0] == [
        "Indicator code", "Period", "Period start", "Period end", "Agency", "Value", "Numerator",
        "Denominator", "Analysis and commentary", "Submitted on",
    ]  # fmt: skip
    assert rows[1:] == [
        ["cp-visits", "Q1 2026-27", "2026-04-01", "2026-06-30", "Northshire Hospitals NHS Trust", "91.0", "",
         "", "New rota from May", "2026-07-14"],
        ["cp-visits", "Q1 2026-27", "2026-04-01", "2026-06-30", "Northshire Police", "87.5", "35.0", "40.0",
         "", "2026-07-10"],
    ]  # fmt: skip


def test_the_trail_csv_lists_key_messages_with_their_loop_status(agency_lead):
    summary = SummaryFactory(title="Neglect audit 2026")
    KeyMessageFactory(summary=summary, text="Share chronologies at the strategy discussion", position=1)
    KeyMessageFactory(summary=summary, text="Check who else lives in the home", position=2)

    rows = _csv(_signed_in(agency_lead), "/trail/export.csv")

    assert rows == [
        ["Summary of Learning", "Key message", "Loop status"],
        ["Neglect audit 2026", "Share chronologies at the strategy discussion", "Identified"],
        ["Neglect audit 2026", "Check who else lives in the home", "Identified"],
    ]


def test_a_large_trail_csv_is_queued_from_its_count_without_reading_a_message(agency_lead, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.SPREADSHEET_BACKGROUND_ROWS = 2
    summary = SummaryFactory(title="Neglect audit 2026")
    for position in range(3):
        KeyMessageFactory(summary=summary, text=f"Key message number {position}", position=position)
    client = _signed_in(agency_lead)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/trail/export.csv")
    assert response.status_code == 302  # three rows, more than two: the worker builds it
    assert response["Location"].startswith("/exports/")
    # The count decided: no key message's text was read in the request.
    assert not [q["sql"] for q in queries if '"learning_keymessage"."text"' in q["sql"]]


def test_the_deadlines_csv_has_every_row_the_page_lists_in_scope(
    actions, agency_lead, other_agency_lead, time_machine
):
    # Tuesday 1 December 2026 to Friday 29 January 2027: 40 working days (25 and 28 December and 1 January
    # are bank holidays); to Wednesday 31 March 2027: 81 (also Good Friday 26 and Easter Monday 29 March).
    time_machine.move_to(datetime.datetime(2026, 12, 1, 10, 0))
    rows = _csv(_signed_in(other_agency_lead), "/learning/deadlines/export.csv", status="all", kind="action")
    assert rows == [
        ["What is due", "For", "Agency", "Group", "Kind", "Due date", "Status"],
        ["'=Use the neglect toolkit", "Neglect review plan", "Northshire Police", "", "Improvement actions",
         "2027-01-29", "Due in 40 working days"],
        ["Name a ward lead", "Hospital plan", "Northshire Hospitals NHS Trust", "", "Improvement actions",
         "2027-03-31", "Due in 81 working days"],
    ]  # fmt: skip
    police = _csv(_signed_in(agency_lead), "/learning/deadlines/export.csv", status="all", kind="action")
    assert [r[0] for r in police[1:]] == ["'=Use the neglect toolkit"]


def test_the_pages_offer_the_csv_downloads(actions, agency_lead):
    client = _signed_in(agency_lead)
    assert 'href="/actions/export.csv' in client.get("/actions/").content.decode()
    assert (
        'href="/learning/deadlines/export.csv?'
        in client.get("/learning/deadlines/", {"status": "all"}).content.decode()
    )
