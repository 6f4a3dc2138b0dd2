"""Sending a formal request to agencies: the form, the default agencies (the LDG's), one response per
agency, emails to strategic leads after commit with the title and link only, and bad input refused."""

import datetime
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from learningloop.accounts.tests.factories import UserFactory
from learningloop.core import workdays
from learningloop.core.policy import Role
from learningloop.dissemination.models import AgencyResponse, EmbeddingRequest, ResponseStatus
from learningloop.learning.models import SummaryStatus
from learningloop.learning.tests.factories_summaries import KeyMessageFactory, SummaryFactory
from learningloop.partnership.tests.factories import (
    AgencyFactory,
    GroupFactory,
    MembershipFactory,
    PersonFactory,
)

from .factories_requests import RequestFactory, ResponseFactory, accepted_key_message

pytestmark = pytest.mark.django_db
URL = reverse("dissemination:request_create")


@pytest.fixture(autouse=True)
def _enqueue():
    # Emails are queued with core.emails.queue_email (after commit, sent by the worker: core's tests).
    with mock.patch("learningloop.dissemination.requests.services.queue_email") as queue_email:
        yield queue_email


def _patch_enqueue():
    from learningloop.dissemination.requests import services as services_requests

    return services_requests.queue_email


def _lead(agency, email):
    return UserFactory(email=email, agency=agency, roles=[Role.AGENCY_LEAD])


def _post(client, **fields):
    data = {"title": "Chronologies", "message": "Tell us how", "working_days": "20", **fields}
    return client.post(URL, data)


def test_the_form_offers_accepted_key_messages_and_ticks_the_ldg_agencies(officer_client, home_agency):
    accepted = accepted_key_message(text="Share chronologies early")
    draft = KeyMessageFactory(summary=SummaryFactory(status=SummaryStatus.DRAFT), text="A draft message")
    ldg = GroupFactory(name="Learning and Development Group")
    MembershipFactory(group=ldg, person=PersonFactory(agency=home_agency), representing=home_agency,
                      start_date=datetime.date(2024, 1, 1))  # fmt: skip
    elsewhere = AgencyFactory(name="Northshire Schools")
    page = officer_client.get(URL).content.decode()
    assert accepted.summary.title in page and "Share chronologies early" in page
    assert draft.text not in page
    assert f'value="{home_agency.pk}" checked' in page
    assert f'value="{elsewhere.pk}" checked' not in page
    assert "Working days to respond" in page and 'value="20"' in page


def test_the_form_works_without_an_ldg(officer_client):
    assert officer_client.get(URL).status_code == 200


def test_sending_creates_one_response_per_agency_and_emails_each_lead_after_commit(
    officer_client, home_agency, other_agency, django_capture_on_commit_callbacks
):
    enqueue = _patch_enqueue()
    km = accepted_key_message(text="Secret key message text about Child A")
    _lead(home_agency, "police.lead@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(officer_client, key_messages=[km.pk], agencies=[home_agency.pk, other_agency.pk])
    assert response.status_code == 302
    request = EmbeddingRequest.objects.get()
    assert request.due_on == workdays.add_working_days(timezone.localdate(), 20)
    assert list(request.key_messages.all()) == [km]
    assert set(AgencyResponse.objects.values_list("agency_id", "status")) == {
        (home_agency.pk, ResponseStatus.SENT),
        (other_agency.pk, ResponseStatus.SENT),
    }
    assert enqueue.call_count == 1
    (email,) = enqueue.call_args.args
    assert email.to == ("police.lead@example.org",)
    assert "Chronologies" in email.subject
    police_response = AgencyResponse.objects.get(agency=home_agency)
    link = reverse("dissemination:response_detail", args=[police_response.pk])
    assert link in email.text and link in email.html
    assert f"by {request.due_on.day} {request.due_on:%B %Y}" in email.text
    assert "Secret" not in email.subject + email.text + email.html
    page = officer_client.get(response["Location"]).content.decode()
    assert "Responses are due by" in page
    assert f"{request.due_on.day} {request.due_on:%B %Y}" in page
    assert "no strategic lead" in page and other_agency.name in page


def test_no_email_when_nothing_is_committed(officer_client, home_agency):
    enqueue = _patch_enqueue()
    _lead(home_agency, "lead@example.org")
    response = _post(officer_client, key_messages=[], agencies=[home_agency.pk])
    assert response.status_code == 200
    assert "Select at least one key message" in response.content.decode()
    assert not EmbeddingRequest.objects.exists()
    enqueue.assert_not_called()


@pytest.mark.parametrize(
    ("days", "message"),
    [
        ("0", "The due date must be today or in the future"),
        ("-3", "The due date must be today or in the future"),
        ("soon", "Working days to respond must be a whole number"),
        ("", "Enter the number of working days to respond"),
    ],
)
def test_a_due_date_in_the_past_or_nonsense_is_refused(officer_client, home_agency, days, message):
    km = accepted_key_message()
    response = _post(officer_client, key_messages=[km.pk], agencies=[home_agency.pk], working_days=days)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not EmbeddingRequest.objects.exists() and not AgencyResponse.objects.exists()


def test_a_key_message_from_a_summary_not_accepted_is_refused(officer_client, home_agency):
    km = KeyMessageFactory(summary=SummaryFactory(status=SummaryStatus.SUBMITTED))
    response = _post(officer_client, key_messages=[km.pk], agencies=[home_agency.pk])
    assert "Select key messages from the list" in response.content.decode()
    assert not EmbeddingRequest.objects.exists()


@pytest.mark.parametrize("persona", ["read_only", "agency_lead", "group_chair", "scrutineer"])
def test_only_the_business_unit_sends(persona, persona_client, home_agency):
    km = accepted_key_message()
    response = _post(persona_client(persona), key_messages=[km.pk], agencies=[home_agency.pk])
    assert response.status_code == 403
    assert not EmbeddingRequest.objects.exists()


def test_wrong_method_and_anonymous(client, officer_client):
    assert officer_client.put(URL).status_code == 405
    response = client.post(URL, {})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def _requests(n, agencies):
    for _ in range(n):
        request = RequestFactory()
        for agency in agencies:
            ResponseFactory(request=request, agency=agency)


@pytest.mark.parametrize("persona", ["bu_officer", "agency_lead"])
def test_the_list_costs_the_same_queries_for_2_and_50_requests(
    persona, persona_client, home_agency, other_agency
):
    client = persona_client(persona)
    url = reverse("dissemination:request_list")
    _requests(2, [home_agency, other_agency])
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    _requests(48, [home_agency, other_agency])
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(few) == len(many)


def test_the_list_shows_counts_to_the_business_unit_and_own_responses_to_agencies(
    persona_client, home_agency, other_agency
):
    request = RequestFactory(
        title="Neglect request", due_on=timezone.localdate() - datetime.timedelta(days=3)
    )
    ResponseFactory(request=request, agency=home_agency, status=ResponseStatus.DRAFT)
    ResponseFactory(request=request, agency=other_agency, status=ResponseStatus.ACCEPTED)
    hidden = RequestFactory(title="Only to health")
    ResponseFactory(request=hidden, agency=other_agency)
    url = reverse("dissemination:request_list")
    page = persona_client("bu_officer").get(url).content.decode()
    assert "Neglect request" in page and "Only to health" in page and "Overdue" in page
    page = persona_client("agency_member").get(url).content.decode()
    assert "Neglect request" in page and "Overdue" in page
    assert "Only to health" not in page


def _overdue_cell(page, title):
    """The Overdue column of the request's row on the list (the last cell)."""
    import re

    row = re.search(rf"<tr[^>]*>(?:(?!</tr>).)*>{re.escape(title)}</a>(?:(?!</tr>).)*</tr>", page, re.S)
    assert row, f"{title} is not listed"
    cells = re.findall(r'<td class="govuk-table__cell[^"]*">(.*?)</td>', row.group(0), re.S)
    return re.sub(r"<[^>]+>", "", cells[-1]).strip()


def test_the_list_counts_overdue_responses_by_the_one_rule(persona_client):
    """Overdue is the deadline engine's rule: a response still to answer (sent, viewed, draft or more
    information asked for) after its request's due date. A request due today has none overdue yet."""
    today = timezone.localdate()
    late = RequestFactory(title="Due yesterday", due_on=today - datetime.timedelta(days=1))
    for status in (
        ResponseStatus.SENT,  # overdue
        ResponseStatus.VIEWED,  # overdue
        ResponseStatus.DRAFT,  # overdue
        ResponseStatus.MORE_INFORMATION,  # overdue: open again
        ResponseStatus.SUBMITTED,  # answered
        ResponseStatus.ACCEPTED,  # answered
    ):
        ResponseFactory(request=late, status=status)
    due_today = RequestFactory(title="Due today", due_on=today)
    ResponseFactory(request=due_today, status=ResponseStatus.SENT)
    ResponseFactory(request=due_today, status=ResponseStatus.DRAFT)

    page = persona_client("bu_officer").get(reverse("dissemination:request_list")).content.decode()
    assert _overdue_cell(page, "Due yesterday") == "4"
    assert _overdue_cell(page, "Due today") == "0"
    assert AgencyResponse.objects.filter(request=late).overdue(today).count() == 4  # the same rule
