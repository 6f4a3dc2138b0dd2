"""Requests to agencies for information (seed 1.3) — for example each agency's chronology and summary for a
rapid review, due in a few working days, or a LADO annual report — through the same request-and-response
mechanism as requests to embed learning (ADR 0034): due dates from the deadline engine, reminders from the
one ledger, evidence files, the outstanding list and the business unit's review."""

import datetime
import io
from unittest import mock

import pytest
import time_machine
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from learningloop.accounts.tests.factories import UserFactory
from learningloop.core.models import Reminder
from learningloop.core.policy import Role
from learningloop.core.tests.worker import run_worker
from learningloop.dissemination.models import AgencyResponse, EmbeddingRequest, ResponseStatus
from learningloop.learning.tests.factories_register import PDF_BYTES
from learningloop.learning.tests.factories_reviews import CaseReviewFactory
from learningloop.partnership.tests.factories import AgencyFactory

from .factories_requests import RequestFactory, ResponseFactory

pytestmark = pytest.mark.django_db
D = datetime.date
NEW = "/dissemination/requests/new-information"

# Counted on a calendar: sent on Wednesday 23 December 2026, five working days later is Monday 4 January
# 2027 — Thu 24 (1); Fri 25 Christmas Day and Mon 28 the substitute Boxing Day are bank holidays; Tue 29
# (2), Wed 30 (3), Thu 31 (4); Fri 1 January is New Year's Day; Mon 4 January (5).
SENT_ON = D(2026, 12, 23)
DUE = D(2027, 1, 4)


@pytest.fixture
def on_sent_day():
    with time_machine.travel(datetime.datetime(2026, 12, 23, 10, 0), tick=False):
        yield


@pytest.fixture
def review(home_agency, other_agency):
    made = CaseReviewFactory(pseudonym="Child R")
    made.activity.provider_agencies.set([home_agency, other_agency])
    return made


def test_the_url_is_the_one_the_pages_link_to():
    assert reverse("dissemination:information_request_create") == NEW


def test_from_a_case_review_the_business_unit_asks_the_agencies_involved_for_chronologies(
    on_sent_day, officer_client, review, home_agency, other_agency, django_capture_on_commit_callbacks
):
    not_involved = AgencyFactory(name="Northshire Schools Trust")
    UserFactory(email="police.lead@example.org", agency=home_agency, roles=[Role.AGENCY_LEAD])
    page = officer_client.get(reverse("learning:review_detail", args=[review.pk])).text
    assert "Requests to agencies for information" in page
    assert f"{NEW}?review={review.pk}" in page

    form = officer_client.get(NEW, {"review": review.pk}).text
    assert f'value="{home_agency.pk}" checked' in form and f'value="{other_agency.pk}" checked' in form
    assert f'value="{not_involved.pk}" checked' not in form
    assert 'value="5"' in form  # five working days by default
    assert "responses are due by 4 January 2027" in form

    with (
        mock.patch("learningloop.dissemination.requests.services.queue_email") as queue,
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = officer_client.post(
            NEW,
            {
                "title": "Chronologies for Child R",
                "case_review": review.pk,
                "message": "Your agency's chronology and a summary",
                "working_days": "5",
                "agencies": [home_agency.pk, other_agency.pk],
            },
        )
    assert response.status_code == 302
    sent = EmbeddingRequest.objects.get()
    assert (sent.kind, sent.case_review, sent.due_on, sent.due_working_days) == (
        "information",
        review,
        DUE,
        5,
    )
    assert not sent.key_messages.exists()
    assert set(sent.responses.values_list("agency__name", "status")) == {
        (home_agency.name, "sent"),
        (other_agency.name, "sent"),
    }
    emails = [call.args[0] for call in queue.call_args_list]
    assert [(e.to, e.subject) for e in emails] == [
        (("police.lead@example.org",), "Request for information: Chronologies for Child R")
    ]
    link = reverse("dissemination:response_detail", args=[sent.responses.get(agency=home_agency).pk])
    assert link in emails[0].text and "by 4 January 2027" in emails[0].text
    assert "chronology and a summary" not in emails[0].text + emails[0].html  # what is asked: sign in

    page = officer_client.get(reverse("learning:review_detail", args=[review.pk])).text
    assert "Chronologies for Child R" in page and "0 of 2 received" in page


def test_the_request_needs_what_is_asked_agencies_and_a_whole_number_of_days(officer_client, review):
    response = officer_client.post(
        NEW, {"title": "", "message": "", "working_days": "five", "case_review": "x"}
    )
    assert response.status_code == 200
    for message in (
        "Enter a title",
        "Enter what you are asking the agencies for",
        "Working days to respond must be a whole number, like 5",
        "Select at least one agency",
        "Select a case review from the list",
    ):
        assert message in response.text
    assert not EmbeddingRequest.objects.exists() and not AgencyResponse.objects.exists()


def test_only_the_business_unit_sends_one(lead_client, home_agency):
    body = {"title": "Annual report", "message": "Send it", "working_days": "5", "agencies": [home_agency.pk]}
    assert lead_client.post(NEW, body).status_code == 403
    assert not EmbeddingRequest.objects.exists()


@pytest.fixture
def lado_request(home_agency, other_agency):
    request = RequestFactory(
        kind="information", title="LADO annual report 2025-26", key_messages=[], due_working_days=10
    )
    return {
        "request": request,
        "ours": ResponseFactory(request=request, agency=home_agency),
        "theirs": ResponseFactory(request=request, agency=other_agency),
    }


def test_an_agency_gives_the_information_and_the_business_unit_asks_for_more_then_accepts(
    lado_request, lead_client, officer_client
):
    ours, theirs = lado_request["ours"], lado_request["theirs"]
    edit = reverse("dissemination:response_edit", args=[ours.pk])
    form = lead_client.get(edit).text
    assert "The information you are giving" in form
    assert "Where in your agency" not in form  # the embedding questions are for requests to embed learning
    # Nothing given and no file: not submitted.
    missing = lead_client.post(edit, {"information": " ", "version": ours.version, "submit": "1"})
    assert missing.status_code == 200
    assert "Enter the information, or a summary of the files you add as evidence" in missing.text
    ours.refresh_from_db()
    assert ours.status == ResponseStatus.SENT
    # The lead sees only their own agency's response.
    assert lead_client.get(reverse("dissemination:response_detail", args=[theirs.pk])).status_code == 404
    detail = lead_client.get(reverse("dissemination:request_detail", args=[lado_request["request"].pk])).text
    assert ours.agency.name in detail and theirs.agency.name not in detail

    given = "12 allegations managed; 3 substantiated"
    ours.refresh_from_db()
    done = lead_client.post(edit, {"information": given, "version": ours.version, "submit": "1"})
    assert done.status_code == 302
    ours.refresh_from_db()
    assert (ours.status, ours.information) == (ResponseStatus.SUBMITTED, given)

    review = reverse("dissemination:response_review", args=[ours.pk])
    asked = officer_client.post(review, {"decision": "more_information", "note": "Add the timescales"})
    assert asked.status_code == 302
    ours.refresh_from_db()
    assert ours.status == ResponseStatus.MORE_INFORMATION
    assert AgencyResponse.objects.outstanding().filter(pk=ours.pk).exists()  # open again
    again = lead_client.post(
        edit, {"information": given + "; all within one month", "version": ours.version, "submit": "1"}
    )
    assert again.status_code == 302
    assert officer_client.post(review, {"decision": "accept", "note": ""}).status_code == 302
    ours.refresh_from_db()
    assert ours.status == ResponseStatus.ACCEPTED
    page = officer_client.get(reverse("dissemination:response_detail", args=[ours.pk])).text
    assert "all within one month" in page


def test_a_chronology_can_be_given_as_a_file(lado_request, lead_client):
    ours = lado_request["ours"]
    upload = reverse("dissemination:evidence_upload", args=[ours.pk])
    pdf = SimpleUploadedFile("Chronology.pdf", PDF_BYTES, content_type="application/pdf")
    assert lead_client.post(upload, {"file": pdf}).status_code == 302
    ours.refresh_from_db()
    edit = reverse("dissemination:response_edit", args=[ours.pk])
    assert (
        lead_client.post(edit, {"information": "", "version": ours.version, "submit": "1"}).status_code == 302
    )
    ours.refresh_from_db()
    assert ours.status == ResponseStatus.SUBMITTED
    page = lead_client.get(reverse("dissemination:response_detail", args=[ours.pk])).text
    assert "Chronology.pdf" in page


@pytest.fixture
def two_working_days_late():
    with time_machine.travel(datetime.datetime(2027, 1, 6, 9, 0), tick=False):  # Wednesday 6 January 2027
        yield


def test_late_responses_show_on_the_outstanding_list(
    two_working_days_late, officer_client, home_agency, other_agency
):
    request = RequestFactory(
        kind="information", title="Chronologies for Child L", key_messages=[], due_on=DUE
    )
    ResponseFactory(request=request, agency=home_agency, status=ResponseStatus.VIEWED)
    ResponseFactory(request=request, agency=other_agency, status=ResponseStatus.SUBMITTED)
    page = officer_client.get(reverse("dissemination:outstanding_responses")).text
    assert "Chronologies for Child L" in page and "Request for information" in page
    assert f"{home_agency.name} (1 outstanding, 1 overdue)" in page
    assert other_agency.name not in page
    assert "overdue by 2 working days" in page  # Tue 5 and Wed 6 January


@pytest.mark.django_db(transaction=True)
def test_reminders_about_a_chronology_are_sent_once_each(home_agency):
    UserFactory(email="lead@police.example.org", agency=home_agency, roles=[Role.AGENCY_LEAD])
    request = RequestFactory(
        kind="information", title="Chronologies for Child M", key_messages=[], due_on=DUE
    )
    ResponseFactory(request=request, agency=home_agency, status=ResponseStatus.VIEWED)

    def run(day):
        with time_machine.travel(datetime.datetime(day.year, day.month, day.day, 7, 0), tick=False):
            call_command("send_reminders", stdout=io.StringIO())
            call_command("send_reminders", stdout=io.StringIO())
            run_worker()

    run(D(2026, 12, 22))  # too early: five working days before Monday 4 January is Wednesday 23 December
    run(SENT_ON)
    run(D(2026, 12, 29))  # nothing new while it is due soon
    run(DUE)
    run(DUE)
    run(D(2027, 1, 11))  # a week overdue
    subjects = [m.subject for m in mail.outbox if "Child M" in m.subject]
    assert subjects == [
        "Reminder: response due soon: Chronologies for Child M",
        "Reminder: response due today: Chronologies for Child M",
        "Overdue: response to Chronologies for Child M",
    ]
    assert Reminder.objects.filter(kind__startswith="response-").count() == 3


def test_the_case_review_page_costs_the_same_however_many_requests_and_agencies(officer_client, review):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = reverse("learning:review_detail", args=[review.pk])

    def add(n):
        request = RequestFactory(kind="information", case_review=review, key_messages=[])
        for _ in range(n):
            ResponseFactory(request=request)

    add(1)
    with CaptureQueriesContext(connection) as few:
        assert officer_client.get(url).status_code == 200
    for _ in range(3):
        add(4)
    with CaptureQueriesContext(connection) as many:
        page = officer_client.get(url).text
    assert page.count("0 of 4 received") == 3
    assert len(many) == len(few)


def test_each_kind_keeps_to_its_own_questions(home_agency, review):
    from django.core.exceptions import ValidationError

    from learningloop.dissemination.requests.services import request_send

    from .factories_requests import accepted_key_message

    common = {"title": "T", "message": "M", "agencies": [home_agency], "working_days": 5}
    with pytest.raises(ValidationError) as refused:
        request_send(kind="information", key_messages=[accepted_key_message()], **common)
    assert "A request for information does not name key messages" in str(refused.value)
    with pytest.raises(ValidationError) as refused:
        request_send(kind="embedding", case_review=review, key_messages=[accepted_key_message()], **common)
    assert "Only a request for information is for a case review" in str(refused.value)
    with pytest.raises(ValidationError) as refused:
        request_send(kind="embedding", **common)
    assert "Select at least one key message" in str(refused.value)
    assert not EmbeddingRequest.objects.exists() and not AgencyResponse.objects.exists()
