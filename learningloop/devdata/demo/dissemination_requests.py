"""Demo formal requests to agencies about the demo key messages, with responses in every status (sent,
viewed, draft, submitted, accepted, more information requested, and overdue ones), and requests for
information through the same mechanism: the chronologies for Child A's rapid review (some in, one late)
and the LADO annual report. Fictional only.

Relies on `load_framework` and the learning demo (accepted summaries with key messages). Safe to repeat:
a request is matched by its title and left alone if it exists."""

import datetime

from django.db import transaction
from django.utils import timezone

from learningloop.accounts.models import User
from learningloop.core import workdays
from learningloop.core.policy import Role
from learningloop.dissemination.models import AgencyResponse, EmbeddingRequest, RequestKind, ResponseStatus
from learningloop.learning.models import CaseReview, KeyMessage, SummaryStatus
from learningloop.partnership.models import Agency, StatutoryRole

S, V, D, SUB, A, M = (
    ResponseStatus.SENT,
    ResponseStatus.VIEWED,
    ResponseStatus.DRAFT,
    ResponseStatus.SUBMITTED,
    ResponseStatus.ACCEPTED,
    ResponseStatus.MORE_INFORMATION,
)

# title, sent how many calendar days ago, working days to respond, statuses given to the agencies in turn
REQUESTS = [
    ("Embedding a single chronology at strategy discussions", 45, 20, [A, SUB, S, D, M, V, A]),
    ("Escalation and professional challenge in neglect cases", 10, 20, [S, V, D, SUB, A, M, S]),
    ("Hearing the voice of the child in assessments", 3, 20, [V, S, D, S, V, S, D]),
    # Requests for information (INFORMATION below): sent 12 days ago, due in 5 working days, so the one
    # agency still to answer is late; the LADO's annual report is due in 20 working days, a draft so far.
    ("Chronologies and summaries for the rapid review: Child A", 12, 5, [A, SUB, SUB, V, A, SUB, A]),
    ("LADO annual report 2025-26", 6, 20, [D]),
]
CHRONOLOGY_ASK = (
    "Please send your agency's chronology of its involvement with Child A and the family over the last two "
    "years, and a short summary of what your agency has learned, for the rapid review meeting."
)
INFORMATION = {
    "Chronologies and summaries for the rapid review: Child A": {
        "review": "Child A",
        "ask": CHRONOLOGY_ASK,
        "answer": "Chronology attached as agreed; summary: two contacts, one referral, no strategy "
        "discussion "
        "(fictional).",
    },
    "LADO annual report 2025-26": {
        "review": None,
        "ask": "Please send the Local Authority Designated Officer's annual report for 2025-26: referrals, "
        "outcomes, timeliness and themes.",
        "answer": "Draft: 212 contacts, 64 referrals meeting the threshold (fictional).",
        "agencies": StatutoryRole.LOCAL_AUTHORITY,
    },
}
ASK = (
    "Please tell us where in your agency's processes and procedures these key messages will be "
    "embedded, what will support the improvement, and how and by when you will know it has worked."
)
ANSWER = {
    "where_embedded": "The supervision policy and the safeguarding induction for new staff (fictional).",
    "mechanisms": "Team briefings using the 7-minute briefing, and a supervision prompt.",
    "evaluation": "A dip-sample audit of ten case records by the named safeguarding lead.",
}


def _agencies():
    ids = list(Agency.objects.on_the_ldg().values_list("pk", flat=True))
    agencies = Agency.objects.filter(is_active=True).exclude(statutory_role=StatutoryRole.BUSINESS_UNIT)
    chosen = list(agencies.filter(pk__in=ids).order_by("name")) if ids else []
    return chosen or list(agencies.order_by("name")[:7])


def _user_with(role, agency_id=None):
    users = User.objects.filter(roles__icontains=f'"{role}"', is_active=True)
    if agency_id is not None:
        users = users.filter(agency_id=agency_id)
    return users.order_by("pk").first()


def _review(pseudonym):
    return CaseReview.objects.filter(pseudonym=pseudonym).select_related("activity").order_by("pk").first()


def _asked(information, review, agencies):
    """Who a request goes to: the LDG's agencies; for a case review, the agencies involved in it; for the
    LADO's report, the local authority."""
    if not information:
        return agencies
    if information.get("agencies"):
        chosen = [a for a in agencies if a.statutory_role == information["agencies"]]
        return chosen or agencies[:1]
    involved = (
        list(review.activity.provider_agencies.filter(is_active=True).order_by("name")) if review else []
    )
    return involved if len(involved) >= 4 else agencies


def _answer_information(response, information, status, sent_at, reviewer):
    if status in (D, SUB, A, M):
        response.information = information["answer"]
    if status in (SUB, A, M):
        response.submitted_at = sent_at + datetime.timedelta(days=3)
        response.submitted_by = _user_with(Role.AGENCY_LEAD, response.agency_id)
    if status in (A, M):
        response.reviewed_at = sent_at + datetime.timedelta(days=4)
        response.reviewed_by = reviewer


@transaction.atomic
def seed(stdout=None) -> int:
    """Add the demo requests that are missing; return how many were added."""
    key_messages = list(
        KeyMessage.objects.filter(summary__status=SummaryStatus.ACCEPTED).order_by(
            "summary_id", "position", "pk"
        )
    )
    agencies = _agencies()
    if not key_messages or not agencies:
        if stdout:
            stdout.write("Requests to agencies: skipped, no accepted key messages or no agencies")
        return 0
    sender = _user_with(Role.BU_OFFICER) or _user_with(Role.BU_ADMIN)
    reviewer = sender
    now = timezone.now()
    added = 0
    for index, (title, days_ago, working_days, statuses) in enumerate(REQUESTS):
        if EmbeddingRequest.objects.filter(title=title).exists():
            continue
        sent_at = now - datetime.timedelta(days=days_ago)
        information = INFORMATION.get(title)
        review = _review(information["review"]) if information and information["review"] else None
        request = EmbeddingRequest.objects.create(
            kind=RequestKind.INFORMATION if information else RequestKind.EMBEDDING,
            case_review=review,
            title=title,
            message=information["ask"] if information else ASK,
            due_working_days=working_days,
            due_on=workdays.add_working_days(timezone.localdate(sent_at), working_days),
            sent_by=sender,
            sent_at=sent_at,
        )
        if not information:
            request.key_messages.set(key_messages[index % len(key_messages) :][:2] or key_messages[:1])
        for position, agency in enumerate(_asked(information, review, agencies)):
            # Embedding requests cycle through their statuses; a request for information gives the agencies
            # past the end of its list the last status (so exactly one answer is late).
            status = statuses[min(position, len(statuses) - 1) if information else position % len(statuses)]
            response = AgencyResponse(request=request, agency=agency, status=status)
            if status != S:
                response.first_viewed_at = sent_at + datetime.timedelta(days=1)
            if information:
                _answer_information(response, information, status, sent_at, reviewer)
                response.save()
                continue
            if status in (D, SUB, A, M):
                response.where_embedded = ANSWER["where_embedded"]
                response.mechanisms = ANSWER["mechanisms"] if status != D else ""
            if status in (SUB, A, M):
                response.evaluation = ANSWER["evaluation"]
                response.evaluate_by = request.due_on + datetime.timedelta(days=90)
                response.submitted_at = sent_at + datetime.timedelta(days=5)
                response.submitted_by = _user_with(Role.AGENCY_LEAD, agency.pk)
            if status in (A, M):
                response.reviewed_at = sent_at + datetime.timedelta(days=7)
                response.reviewed_by = reviewer
            if status == M:
                response.review_note = "Please say who will carry out the audit and when it will report."
            response.save()
        added += 1
    if stdout:
        stdout.write(f"Requests to agencies: {len(REQUESTS)} defined, {added} added")
    return added
