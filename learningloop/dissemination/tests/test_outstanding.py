"""The outstanding responses page (by exception, overdue first, grouped by agency with counts) and the
home page list of an agency's open requests."""

import datetime

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from learningloop.core import workdays
from learningloop.dissemination.attention import open_requests_for
from learningloop.dissemination.models import ResponseStatus

from .factories_requests import RequestFactory, ResponseFactory, answered

pytestmark = pytest.mark.django_db
URL = reverse("dissemination:outstanding_responses")


def test_only_open_responses_overdue_first_grouped_by_agency(
    home_agency, other_agency, persona_client, time_machine
):
    time_machine.move_to(datetime.datetime(2026, 12, 2, 10, 0), tick=False)  # a Wednesday: days count from it
    today = timezone.localdate()
    late = RequestFactory(title="Late request", due_on=workdays.add_working_days(today, -3))
    fine = RequestFactory(title="Future request", due_on=today + datetime.timedelta(days=20))
    ResponseFactory(request=fine, agency=home_agency, status=ResponseStatus.DRAFT)
    ResponseFactory(request=late, agency=home_agency, status=ResponseStatus.SENT)
    answered(request=late, agency=other_agency, status=ResponseStatus.SUBMITTED)
    answered(request=fine, agency=other_agency, status=ResponseStatus.ACCEPTED)
    page = persona_client("group_chair").get(URL).content.decode()
    assert "<strong>2</strong> outstanding, <strong>1</strong> overdue" in page
    assert "overdue by 3 working days" in page
    assert page.index("Late request") < page.index("Future request")
    assert home_agency.name in page and other_agency.name not in page


ALLOWED = [
    ("bu_officer", 200),
    ("group_chair", 200),
    ("scrutineer", 200),
    ("agency_lead", 403),
    ("read_only", 403),
]


@pytest.mark.parametrize(("persona", "status"), ALLOWED)
def test_for_the_executive_and_ldg_chair_not_agencies(persona, status, persona_client):
    assert persona_client(persona).get(URL).status_code == status


def test_the_same_queries_for_2_and_50_outstanding(home_agency, other_agency, officer_client):
    def add(n):
        for _ in range(n):
            ResponseFactory(request=RequestFactory(), agency=home_agency)

    add(2)
    with CaptureQueriesContext(connection) as few:
        officer_client.get(URL)
    add(48)
    with CaptureQueriesContext(connection) as many:
        officer_client.get(URL)
    assert len(few) == len(many)


def test_home_page_list_shows_own_agency_open_requests_only(home_agency, other_agency, agency_lead, rf):
    mine = ResponseFactory(request=RequestFactory(title="Ours to answer"), agency=home_agency)
    ResponseFactory(request=RequestFactory(title="Health's request"), agency=other_agency)
    answered(request=RequestFactory(title="Already submitted"), agency=home_agency,
             status=ResponseStatus.SUBMITTED)  # fmt: skip
    with CaptureQueriesContext(connection) as queries:
        found = open_requests_for(agency_lead)
    assert found == [mine] and len(queries) <= 2
    html = render_to_string("dissemination/_home_requests.html", {"open_requests": found})
    assert "Ours to answer" in html and reverse("dissemination:response_detail", args=[mine.pk]) in html
    assert "Health" not in html and "Already submitted" not in html


def test_home_page_shows_an_agency_lead_their_open_requests(lead_client, agency_lead):
    """The agency's strategic lead sees the request on their home page (wired in core.views.home)."""
    ResponseFactory(request=RequestFactory(title="Embed learning on safer sleep"), agency=agency_lead.agency)
    html = lead_client.get("/").content.decode()
    assert "Requests to your agency" in html
    assert "Embed learning on safer sleep" in html


def test_the_list_is_paginated_50_a_page_and_the_totals_count_every_response(home_agency, officer_client):
    """A large partnership has thousands of outstanding responses: the page shows 50 at a time, overdue
    first, while the totals and the agency's caption still count all of them."""
    today = timezone.localdate()
    late = [
        RequestFactory(title=f"Late {i:02}", due_on=workdays.add_working_days(today, -2)) for i in range(3)
    ]
    for request in late:
        ResponseFactory(request=request, agency=home_agency)
    for i in range(52):
        ResponseFactory(
            request=RequestFactory(title=f"Later {i:02}", due_on=today + datetime.timedelta(days=10 + i)),
            agency=home_agency,
        )
    first = officer_client.get(URL).content.decode()
    assert "<strong>55</strong> outstanding, <strong>3</strong> overdue, across 1 agency." in first
    assert f"{home_agency.name} (55 outstanding, 3 overdue)" in first
    assert first.count('class="govuk-table__row"') - first.count("<thead") == 50
    assert all(f"Late {i:02}" in first for i in range(3))
    assert "Later 46" in first and "Later 47" not in first  # 3 overdue + the 47 soonest due
    assert 'href="?page=2"' in first
    second = officer_client.get(URL, {"page": 2}).content.decode()
    assert "Later 47" in second and "Later 51" in second and "Late 00" not in second
    assert officer_client.get(URL, {"page": "junk"}).status_code == 200


def test_agencies_with_most_overdue_come_first_and_a_page_can_end_inside_one(officer_client):
    """Counted by hand: Beta has 2 overdue of 30, Gamma 1 of 10, Alpha none of 30. The page order is Beta
    (30 rows), Gamma (10), then Alpha: page 1 holds Alpha's 10 soonest due, page 2 its other 20."""
    from learningloop.partnership.tests.factories import AgencyFactory

    today = timezone.localdate()
    overdue_on = workdays.add_working_days(today, -2)
    agencies = {name: AgencyFactory(name=f"{name} Trust") for name in ("Alpha", "Beta", "Gamma")}
    for name, outstanding, overdue in (("Alpha", 30, 0), ("Beta", 30, 2), ("Gamma", 10, 1)):
        for i in range(outstanding):
            due = overdue_on if i < overdue else today + datetime.timedelta(days=10 + i)
            request = RequestFactory(title=f"{name} request {i:02}", due_on=due)
            ResponseFactory(request=request, agency=agencies[name])
    first = officer_client.get(URL).content.decode()
    second = officer_client.get(URL, {"page": 2}).content.decode()
    assert "<strong>70</strong> outstanding, <strong>3</strong> overdue, across 3 agencies." in first
    assert first.index("Beta Trust") < first.index("Gamma Trust") < first.index("Alpha Trust")
    assert (
        "Beta Trust (30 outstanding, 2 overdue)" in first
        and "Gamma Trust (10 outstanding, 1 overdue)" in first
    )
    assert "Alpha Trust (30 outstanding, 0 overdue)" in first  # the caption counts all of its rows
    assert first.index("Beta request 00") < first.index("Beta request 01") < first.index("Beta request 02")
    assert "Alpha request 09" in first and "Alpha request 10" not in first
    assert "Beta" not in second and "Gamma" not in second
    assert "Alpha request 10" in second and "Alpha request 29" in second and "Alpha request 09" not in second
