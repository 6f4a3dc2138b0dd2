"""An agency's response: viewed on first look, drafted, submitted once, reviewed; evidence checked; agency
scoping; concurrent edits refused with the conflict page."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from learningloop.dissemination.models import AgencyResponse, ResponseEvidence, ResponseStatus
from learningloop.learning.tests.test_edit_conflicts import _form_data

from .factories_requests import EvidenceFactory, ResponseFactory, answered

pytestmark = pytest.mark.django_db

ANSWERS = {
    "where_embedded": "In the supervision policy",
    "mechanisms": "Supervision audit",
    "evaluation": "Re-audit ten cases",
    "evaluate_by-day": "1",
    "evaluate_by-month": "3",
    "evaluate_by-year": str(timezone.localdate().year + 1),
}


def _url(name, obj):
    return reverse(f"dissemination:{name}", args=[obj.pk])


def _post_form(client, response, extra):
    url = _url("response_edit", response)
    return client.post(url, {**_form_data(client.get(url).content.decode()), **extra})


# --- Viewed ---


def test_the_first_look_by_the_agency_marks_it_viewed_once(home_agency, persona_client):
    response = ResponseFactory(agency=home_agency)
    persona_client("bu_officer").get(_url("response_detail", response))
    response.refresh_from_db()
    assert response.status == ResponseStatus.SENT and response.first_viewed_at is None
    member = persona_client("agency_member")
    assert member.get(_url("response_detail", response)).status_code == 200
    response.refresh_from_db()
    first = response.first_viewed_at
    assert response.status == ResponseStatus.VIEWED and first is not None
    member.get(_url("response_detail", response))
    response.refresh_from_db()
    assert response.first_viewed_at == first and response.version == 1


def test_another_agency_gets_404_on_every_response_page(home_agency, persona_client):
    response = ResponseFactory(agency=home_agency)
    evidence = EvidenceFactory(response=response)
    client = persona_client("other_agency_lead")
    for name, obj in [("response_detail", response), ("response_edit", response),
                      ("evidence_upload", response), ("evidence_download", evidence)]:  # fmt: skip
        assert client.get(_url(name, obj)).status_code == 404, name
    assert client.post(_url("response_edit", response), {**ANSWERS, "submit": "1"}).status_code == 404
    response.refresh_from_db()
    assert response.status == ResponseStatus.SENT and response.where_embedded == ""


# --- Draft and submit ---


def test_the_lead_saves_a_draft_with_fields_optional(home_agency, lead_client):
    response = ResponseFactory(agency=home_agency)
    result = _post_form(lead_client, response, {"mechanisms": "Team briefings", "draft": "1"})
    assert result.status_code == 302
    response.refresh_from_db()
    assert response.status == ResponseStatus.DRAFT and response.mechanisms == "Team briefings"
    assert response.submitted_at is None


def test_submitting_needs_all_four_answers(home_agency, lead_client):
    response = ResponseFactory(agency=home_agency)
    result = _post_form(lead_client, response, {"where_embedded": "Policy", "submit": "1"})
    page = result.content.decode()
    assert result.status_code == 200
    assert "Enter what mechanisms will support the improvement" in page
    assert "Enter the date by when you will evaluate it" in page
    response.refresh_from_db()
    assert response.status == ResponseStatus.SENT and response.where_embedded == ""


def test_the_lead_submits_and_a_second_submission_is_refused(home_agency, lead_client, agency_lead):
    response = ResponseFactory(agency=home_agency)
    url = _url("response_edit", response)
    form = _form_data(lead_client.get(url).content.decode())
    assert lead_client.post(url, {**form, **ANSWERS, "submit": "1"}).status_code == 302
    response.refresh_from_db()
    assert response.status == ResponseStatus.SUBMITTED
    assert response.submitted_by == agency_lead and response.submitted_at is not None
    again = lead_client.post(url, {**form, **ANSWERS, "where_embedded": "Changed", "submit": "1"})
    assert again.status_code == 409
    assert "already been submitted" in again.content.decode()
    assert lead_client.get(url).status_code == 409
    response.refresh_from_db()
    assert response.where_embedded == "In the supervision policy"


@pytest.mark.parametrize("persona", ["read_only", "agency_member", "group_chair", "scrutineer"])
def test_only_leads_and_the_business_unit_respond(persona, home_agency, persona_client):
    response = ResponseFactory(agency=home_agency)
    result = persona_client(persona).post(_url("response_edit", response), {**ANSWERS, "submit": "1"})
    assert result.status_code == 403
    response.refresh_from_db()
    assert response.status == ResponseStatus.SENT and response.where_embedded == ""


def test_wrong_method_and_anonymous(home_agency, client, lead_client):
    response = ResponseFactory(agency=home_agency)
    assert lead_client.put(_url("response_edit", response)).status_code == 405
    assert lead_client.post(_url("response_detail", response)).status_code == 405
    result = client.post(_url("response_edit", response), ANSWERS)
    assert result.status_code == 302 and "/accounts/login/" in result["Location"]


def test_two_people_editing_at_once_the_second_save_is_refused(home_agency, persona_client):
    response = ResponseFactory(agency=home_agency)
    url = _url("response_edit", response)
    first, second = persona_client("agency_lead"), persona_client("bu_officer")
    form_first = _form_data(first.get(url).content.decode())
    form_second = _form_data(second.get(url).content.decode())
    assert second.post(url, {**form_second, "mechanisms": "Theirs", "draft": "1"}).status_code == 302
    result = first.post(url, {**form_first, "mechanisms": "Mine", "draft": "1"})
    assert result.status_code == 409
    page = result.content.decode()
    assert "Mine" in page and "Theirs" in page
    response.refresh_from_db()
    assert response.mechanisms == "Theirs" and response.version == 2


# --- Evidence ---


def _upload(client, response, name, content):
    return client.post(_url("evidence_upload", response), {"file": SimpleUploadedFile(name, content)})


def test_the_lead_adds_evidence_and_it_downloads_for_those_who_see_the_response(home_agency, lead_client,
                                                                                persona_client):  # fmt: skip
    response = ResponseFactory(agency=home_agency)
    assert _upload(lead_client, response, "sheet.pdf", b"%PDF-1.4 action sheet").status_code == 302
    evidence = ResponseEvidence.objects.get()
    assert evidence.original_name == "sheet.pdf" and evidence.response == response
    download = persona_client("agency_member").get(_url("evidence_download", evidence))
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")
    assert persona_client("other_agency_lead").get(_url("evidence_download", evidence)).status_code == 404


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("sheet.exe", b"MZ\x90\x00", "The selected file must be a PDF"),
        ("sheet.pdf", b"not a pdf", "The selected file must be a PDF"),
        ("sheet.txt", b"x" * (10 * 1024 * 1024 + 1), "The selected file must be smaller than 10 MB"),
    ],
    ids=["wrong type", "content does not match", "too large"],
)
def test_bad_evidence_is_refused_and_nothing_stored(
    home_agency, lead_client, settings, name, content, message
):
    response = ResponseFactory(agency=home_agency)
    result = _upload(lead_client, response, name, content)
    assert result.status_code == 200
    assert message in result.content.decode()
    assert not ResponseEvidence.objects.exists()
    folder = settings.MEDIA_ROOT
    assert not folder.exists() or not any(p.is_file() for p in folder.rglob("*"))


def test_evidence_cannot_be_added_to_a_submitted_response(home_agency, lead_client):
    response = answered(agency=home_agency, status=ResponseStatus.SUBMITTED)
    assert _upload(lead_client, response, "sheet.txt", b"hello").status_code == 409
    assert not ResponseEvidence.objects.exists()


def test_read_only_cannot_add_evidence(home_agency, persona_client):
    response = ResponseFactory(agency=home_agency)
    assert _upload(persona_client("read_only"), response, "sheet.txt", b"hello").status_code == 403
    assert not ResponseEvidence.objects.exists()


# --- Review ---


def test_the_business_unit_accepts_a_submitted_response(home_agency, officer_client, bu_officer):
    response = answered(agency=home_agency, status=ResponseStatus.SUBMITTED)
    result = officer_client.post(_url("response_review", response), {"decision": "accept"})
    assert result.status_code == 302
    response.refresh_from_db()
    assert response.status == ResponseStatus.ACCEPTED and response.reviewed_by == bu_officer


def test_asking_for_more_information_needs_a_note_then_the_agency_resubmits(home_agency, officer_client,
                                                                             lead_client):  # fmt: skip
    response = answered(agency=home_agency, status=ResponseStatus.SUBMITTED)
    url = _url("response_review", response)
    result = officer_client.post(url, {"decision": "more_information", "note": " "})
    assert "Enter what more information is needed" in result.content.decode()
    response.refresh_from_db()
    assert response.status == ResponseStatus.SUBMITTED
    officer_client.post(url, {"decision": "more_information", "note": "Say who will audit"})
    response.refresh_from_db()
    assert response.status == ResponseStatus.MORE_INFORMATION and response.review_note == "Say who will audit"
    page = lead_client.get(_url("response_edit", response)).content.decode()
    assert "Say who will audit" in page
    assert (
        _post_form(lead_client, response, {"mechanisms": "Named auditor", "submit": "1"}).status_code == 302
    )
    response.refresh_from_db()
    assert response.status == ResponseStatus.SUBMITTED and response.mechanisms == "Named auditor"


def test_an_accepted_response_cannot_be_reviewed_again_or_edited(home_agency, officer_client, lead_client):
    response = answered(agency=home_agency, status=ResponseStatus.ACCEPTED)
    refused = officer_client.post(
        _url("response_review", response), {"decision": "more_information", "note": "x"}
    )
    assert refused.status_code == 409
    assert lead_client.post(_url("response_edit", response), {**ANSWERS, "submit": "1"}).status_code == 409
    response.refresh_from_db()
    assert response.status == ResponseStatus.ACCEPTED


@pytest.mark.parametrize("persona", ["agency_lead", "read_only", "group_chair"])
def test_only_the_business_unit_reviews(persona, home_agency, persona_client):
    response = answered(agency=home_agency, status=ResponseStatus.SUBMITTED)
    result = persona_client(persona).post(_url("response_review", response), {"decision": "accept"})
    assert result.status_code == 403
    assert AgencyResponse.objects.get().status == ResponseStatus.SUBMITTED


def test_overdue_is_shown_as_a_status(home_agency, lead_client):
    response = ResponseFactory(agency=home_agency, status=ResponseStatus.DRAFT)
    response.request.due_on = timezone.localdate() - datetime.timedelta(days=1)
    response.request.save()
    assert "Overdue" in lead_client.get(_url("response_detail", response)).content.decode()
