"""Writes for formal requests to agencies: sending a request (to embed learning, seed 3.5, or for
information, seed 1.3 — one mechanism, ADR 0034), an agency's draft and submitted response, its evidence,
and the business unit's review. Keyword-only, validated, atomic."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from learningloop.accounts.models import User
from learningloop.core.concurrency import claim_version
from learningloop.core.emails import queue_email
from learningloop.core.stored_files import attach_upload
from learningloop.learning.loop import loop_touched

from .. import emails
from ..models import AgencyResponse, EmbeddingRequest, RequestKind, ResponseEvidence, ResponseStatus

EDITABLE = (ResponseStatus.SENT, ResponseStatus.VIEWED, ResponseStatus.DRAFT, ResponseStatus.MORE_INFORMATION)
ALREADY_SUBMITTED = "This response has already been submitted and cannot be changed"


class AlreadySubmitted(ValidationError):
    """The response was submitted (or accepted) and can no longer be changed."""


ANSWER_FIELDS = ("where_embedded", "mechanisms", "evaluation", "evaluate_by")
REQUIRED_MESSAGES = {
    "where_embedded": "Enter where in your agency's processes and procedures the learning will be embedded",
    "mechanisms": "Enter what mechanisms will support the improvement",
    "evaluation": "Enter how you will evaluate whether it worked",
    "evaluate_by": "Enter the date by when you will evaluate it",
}
# What an agency answers to a request for information: the information itself (and evidence files).
INFORMATION_FIELDS = ("information",)
INFORMATION_REQUIRED = "Enter the information, or a summary of the files you add as evidence"
DEFAULT_INFORMATION_WORKING_DAYS = 5


def _answer_fields(kind) -> tuple[str, ...]:
    """The fields an agency answers for this kind of request."""
    return INFORMATION_FIELDS if kind == RequestKind.INFORMATION else ANSWER_FIELDS


@transaction.atomic
def request_send(
    *,
    title,
    message,
    agencies,
    working_days,
    key_messages=(),
    kind=RequestKind.EMBEDDING,
    case_review=None,
    by=None,
    today=None,
):
    """Create the request and one response per agency (status sent); after commit, one email to each
    agency's strategic lead(s), naming the request title and the link only. A request to embed learning
    names at least one key message; a request for information may name the case review it is for.
    Returns (request, agencies that have no strategic lead)."""
    key_messages, agencies = list(key_messages), list(agencies)
    if kind == RequestKind.EMBEDDING and not key_messages:
        raise ValidationError({"key_messages": "Select at least one key message"})
    if kind == RequestKind.INFORMATION and key_messages:
        raise ValidationError({"key_messages": "A request for information does not name key messages"})
    if case_review is not None and kind != RequestKind.INFORMATION:
        raise ValidationError({"case_review": "Only a request for information is for a case review"})
    if not agencies:
        raise ValidationError({"agencies": "Select at least one agency"})
    request = EmbeddingRequest(
        kind=kind,
        case_review=case_review,
        title=title,
        message=message,
        due_working_days=working_days,
        due_on=EmbeddingRequest.due_on_for(working_days, sent_on=today),
        sent_by=by if getattr(by, "is_authenticated", False) else None,
    )
    request.full_clean()
    request.save()
    if key_messages:
        request.key_messages.set(key_messages)
    responses = AgencyResponse.objects.bulk_create(
        [AgencyResponse(request=request, agency=agency) for agency in agencies]
    )
    leads = User.objects.strategic_leads_of(a.pk for a in agencies)
    without_lead = [a for a in agencies if a.pk not in leads]
    for response in responses:
        for lead in leads.get(response.agency_id, []):
            queue_email(emails.request_sent(response=response, recipient=lead))
    return request, without_lead


@transaction.atomic
def response_mark_viewed(*, response: AgencyResponse, by) -> bool:
    """The first look by a user of the agency records the fact: sent -> viewed. Idempotent."""
    if getattr(by, "agency_id", None) != response.agency_id:
        return False
    now = timezone.now()
    changed = AgencyResponse.objects.filter(pk=response.pk, first_viewed_at__isnull=True).update(
        first_viewed_at=now
    )
    moved = AgencyResponse.objects.filter(pk=response.pk, status=ResponseStatus.SENT).update(
        status=ResponseStatus.VIEWED
    )
    if changed or moved:
        response.refresh_from_db()
    return bool(changed or moved)


@transaction.atomic
def response_save(*, response: AgencyResponse, data: dict, submit: bool, by=None, expected_version=None):
    """Save an agency's answer as a draft (fields optional) or submit it: to embed learning, all four
    answers are required; for information, the information or at least one evidence file. A submitted or
    accepted response cannot be changed; a concurrent edit raises EditConflict."""
    current = AgencyResponse.objects.select_related("request").get(pk=response.pk)
    if current.status not in EDITABLE:
        raise AlreadySubmitted(ALREADY_SUBMITTED, code="already_submitted")
    fields = _answer_fields(current.request.kind)
    for name in fields:
        setattr(response, name, data.get(name) if name == "evaluate_by" else (data.get(name) or "").strip())
    if submit and current.request.kind == RequestKind.INFORMATION:
        if not response.information and not current.evidence.exists():
            raise ValidationError({"information": INFORMATION_REQUIRED})
    elif submit:
        missing = {n: REQUIRED_MESSAGES[n] for n in ANSWER_FIELDS if not getattr(response, n)}
        if missing:
            raise ValidationError(missing)
    # The version the form started from; without one (a plain save), the version read above: either way
    # a change made in between (a submission, a review) refuses this one instead of being overwritten.
    claim_version(response, current.version if expected_version is None else expected_version)
    response.first_viewed_at = current.first_viewed_at
    if submit:
        response.status = ResponseStatus.SUBMITTED
        response.submitted_at = timezone.now()
        response.submitted_by = by if getattr(by, "is_authenticated", False) else None
    else:
        response.status = ResponseStatus.DRAFT
    response.full_clean()
    response.save()
    return response


def evidence_attach(*, response: AgencyResponse, upload, by=None) -> ResponseEvidence:
    """Check the file and attach it under a generated name. All or nothing: a file that fails the checks
    is never stored, and a stored file is removed if the row cannot be saved."""
    if response.status not in EDITABLE:
        raise AlreadySubmitted(ALREADY_SUBMITTED, code="already_submitted")
    return attach_upload(stored=ResponseEvidence(response=response), upload=upload, by=by)


ACCEPT, MORE_INFORMATION = "accept", "more_information"


@transaction.atomic
def response_review(*, response: AgencyResponse, decision: str, note: str = "", by=None) -> AgencyResponse:
    """The business unit accepts a submitted response, or asks for more information (a note is required);
    the agency can then edit and resubmit."""
    current = AgencyResponse.objects.get(pk=response.pk)
    claim_version(current, current.version)  # EditConflict if the response changes meanwhile
    if current.status != ResponseStatus.SUBMITTED:
        raise ValidationError("Only a submitted response can be reviewed", code="not_submitted")
    note = (note or "").strip()
    if decision == MORE_INFORMATION and not note:
        raise ValidationError({"note": "Enter what more information is needed"})
    if decision not in (ACCEPT, MORE_INFORMATION):
        raise ValidationError(
            {"decision": "Select whether to accept the response or ask for more information"}
        )
    current.status = ResponseStatus.ACCEPTED if decision == ACCEPT else ResponseStatus.MORE_INFORMATION
    current.review_note = note if decision == MORE_INFORMATION else current.review_note
    current.reviewed_at = timezone.now()
    current.reviewed_by = by if getattr(by, "is_authenticated", False) else None
    current.full_clean()
    current.save()
    loop_touched(current.request.key_messages.values_list("pk", flat=True))  # embedded: a response accepted
    return current
