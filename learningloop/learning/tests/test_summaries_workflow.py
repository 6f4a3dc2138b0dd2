"""The Summary of Learning workflow: draft → submitted to the LDG → accepted, or returned with a reason →
resubmitted. Every allowed move records who and when; every refused move changes nothing."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from learningloop.core.concurrency import EditConflict
from learningloop.learning.models import SummaryEvent, SummaryStatus
from learningloop.learning.services import TransitionRefused, summary_transition
from learningloop.learning.summaries import services as services_summaries

from .factories_summaries import KeyMessageFactory, SummaryFactory

pytestmark = pytest.mark.django_db

D, S, A, R = SummaryStatus.DRAFT, SummaryStatus.SUBMITTED, SummaryStatus.ACCEPTED, SummaryStatus.RETURNED


@pytest.fixture
def summary():
    return KeyMessageFactory().summary


def _move(summary, to, by, reason=""):
    return summary_transition(summary=summary, to=to, by=by, reason=reason)


def _last_event(summary):
    return SummaryEvent.objects.filter(summary=summary).order_by("-pk").first()


@pytest.mark.parametrize(
    "start, to, reason",
    [(D, S, ""), (S, A, ""), (S, R, "Add the dates of the audit"), (R, S, "")],
    ids=["draft-to-submitted", "submitted-to-accepted", "submitted-to-returned", "returned-to-resubmitted"],
)
def test_allowed_moves_record_who_and_when(summary, bu_officer, start, to, reason):
    summary.status = start
    summary.save()
    moved = _move(summary, to, bu_officer, reason)
    assert moved.status == to
    assert moved.version == summary.version + 1
    event = _last_event(summary)
    assert (event.from_status, event.to_status, event.by, event.reason) == (start, to, bu_officer, reason)
    assert event.at is not None


@pytest.mark.parametrize(
    "start, to, reason, message",
    [
        (D, A, "", "cannot be accepted"),
        (A, R, "Too late", "cannot be returned"),
        (S, S, "", "cannot be submitted"),
        (S, R, "   ", "Enter the reason for returning the summary"),
    ],
    ids=["draft-to-accepted", "accepted-to-returned", "submitted-to-submitted", "returned-without-reason"],
)
def test_refused_moves_change_nothing(summary, bu_officer, start, to, reason, message):
    summary.status = start
    summary.save()
    events = SummaryEvent.objects.count()
    with pytest.raises(ValidationError) as refused:
        _move(summary, to, bu_officer, reason)
    assert message in " ".join(refused.value.messages)
    summary.refresh_from_db()
    assert (summary.status, summary.version) == (start, 1)
    assert SummaryEvent.objects.count() == events


def test_submit_with_no_key_messages_is_refused(bu_officer):
    summary = SummaryFactory()
    with pytest.raises(TransitionRefused, match="Add at least one key message"):
        _move(summary, S, bu_officer)
    summary.refresh_from_db()
    assert summary.status == D


def test_move_with_an_out_of_date_version_is_refused(summary, bu_officer):
    with pytest.raises(EditConflict):
        services_summaries.summary_move(summary=summary, to=S, by=bu_officer, version=summary.version + 1)
    summary.refresh_from_db()
    assert summary.status == D


# --- Through the pages ---


def test_submit_accept_through_the_pages(summary, officer_client, bu_officer):
    detail = reverse("learning:summary_detail", args=[summary.pk])
    page = officer_client.get(detail).content.decode()
    assert "Submit to the LDG" in page and "Accept for the LDG" not in page
    response = officer_client.post(reverse("learning:summary_submit", args=[summary.pk]), {"version": 1})
    assert response.status_code == 302
    summary.refresh_from_db()
    assert summary.status == S
    page = officer_client.get(detail).content.decode()
    assert "Summary submitted to the LDG" in page
    assert "Accept for the LDG" in page and "Reason for returning" in page
    assert str(bu_officer) in page  # the history names who moved it
    officer_client.post(reverse("learning:summary_accept", args=[summary.pk]), {"version": 2})
    summary.refresh_from_db()
    assert summary.status == A
    assert [e.to_status for e in summary.events.all()] == [S, A]


def test_refused_move_through_the_page_shows_a_clear_error(summary, officer_client):
    # The state rule (core.policy STATE_RULES) refuses the step outright: 409 and a page saying why.
    response = officer_client.post(reverse("learning:summary_accept", args=[summary.pk]), {"version": 1})
    assert response.status_code == 409
    body = response.content.decode()
    assert "Only a summary submitted to the LDG can be accepted or returned. This one is draft." in body
    summary.refresh_from_db()
    assert summary.status == D


def test_refused_step_names_the_ldg_in_capitals(summary, officer_client):
    summary.status = A
    summary.save()
    response = officer_client.post(reverse("learning:summary_accept", args=[summary.pk]), {"version": 1})
    assert response.status_code == 409
    body = response.content.decode()
    assert "This one is accepted by the LDG." in body


def test_submit_without_key_messages_through_the_page(officer_client):
    summary = SummaryFactory()
    response = officer_client.post(reverse("learning:summary_submit", args=[summary.pk]), follow=True)
    assert "Add at least one key message before submitting the summary" in response.content.decode()
    summary.refresh_from_db()
    assert summary.status == D


def test_submit_with_a_stale_version_shows_the_conflict(summary, officer_client):
    response = officer_client.post(
        reverse("learning:summary_submit", args=[summary.pk]), {"version": 7}, follow=True
    )
    assert "Someone else changed this summary" in response.content.decode()
    summary.refresh_from_db()
    assert summary.status == D


def test_return_needs_a_reason(summary, officer_client):
    summary.status = S
    summary.save()
    url = reverse("learning:summary_return", args=[summary.pk])
    page = officer_client.get(url).content.decode()
    assert "Reason for returning" in page
    response = officer_client.post(url, {"reason": "  ", "version": summary.version})
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page and "Enter the reason for returning the summary" in page
    summary.refresh_from_db()
    assert summary.status == S and not summary.events.exists()
    response = officer_client.post(url, {"reason": "Add the audit dates", "version": summary.version})
    assert response.status_code == 302
    summary.refresh_from_db()
    assert summary.status == R
    assert summary.events.get().reason == "Add the audit dates"


def test_return_page_for_a_draft_explains_instead_of_a_form(summary, officer_client):
    page = officer_client.get(reverse("learning:summary_return", args=[summary.pk])).content.decode()
    assert "Only a summary submitted to the LDG can be returned" in page
    assert "Reason for returning" not in page


@pytest.mark.parametrize("status", [S, A])
def test_edit_is_refused_while_submitted_or_accepted(summary, officer_client, status):
    summary.status = status
    summary.save()
    url = reverse("learning:summary_edit", args=[summary.pk])
    page = officer_client.get(url).content.decode()
    assert 'name="title"' not in page  # no edit form (the page's only POST form is sign-out)
    if status == S:
        assert "This summary has been submitted to the LDG and cannot be changed until it is returned" in page
    response = officer_client.post(url, {"title": "Changed", "subgroup": summary.subgroup_id, "version": 1})
    assert response.status_code == 409
    summary.refresh_from_db()
    assert summary.title != "Changed"


def test_key_messages_are_refused_while_submitted(summary, officer_client):
    summary.status = S
    summary.save()
    message = summary.key_messages.get()
    for name, pk in [("key_message_create", summary.pk), ("key_message_edit", message.pk),
                     ("key_message_delete", message.pk)]:  # fmt: skip
        url = reverse(f"learning:{name}", args=[pk])
        assert "cannot be changed until it is returned" in officer_client.get(url).content.decode()
        assert officer_client.post(url, {"text": "Changed", "version": summary.version}).status_code == 409
    message.refresh_from_db()
    assert message.text != "Changed"
    assert summary.key_messages.count() == 1


def test_a_returned_summary_can_be_edited_again(summary, officer_client, bu_officer):
    _move(summary, S, bu_officer)
    _move(summary, R, bu_officer, "Tighten the wording")
    summary.refresh_from_db()
    response = officer_client.post(
        reverse("learning:summary_edit", args=[summary.pk]),
        {"title": "Reworded", "subgroup": summary.subgroup_id, "version": summary.version},
    )
    assert response.status_code == 302, response.content.decode()
    summary.refresh_from_db()
    assert summary.title == "Reworded"
