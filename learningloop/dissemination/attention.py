"""Reads for formal requests to agencies: the status shown for a response (with "overdue" derived) and
what an agency user's home page lists."""

from django.db.models import Count
from django.utils import timezone

from learningloop.core import workdays
from learningloop.core.presenters import StatusTag

from .models import OPEN_RESPONSE_STATUSES, AgencyResponse, ResponseStatus

TAG_COLOURS = {
    ResponseStatus.SENT: "grey",
    ResponseStatus.VIEWED: "light-blue",
    ResponseStatus.DRAFT: "yellow",
    ResponseStatus.SUBMITTED: "blue",
    ResponseStatus.ACCEPTED: "green",
    ResponseStatus.MORE_INFORMATION: "orange",
}
OVERDUE = "overdue"


def response_status(response: AgencyResponse, today=None) -> StatusTag:
    """The status everywhere (the one StatusTag): an open response past its request's due date shows as
    "Overdue"."""
    today = today or timezone.localdate()
    if response.is_overdue(today):
        return StatusTag("Overdue", "red", key=OVERDUE)
    return StatusTag(
        response.get_status_display(), TAG_COLOURS.get(response.status, "grey"), key=response.status
    )


def overdue_by(response: AgencyResponse, today=None) -> int:
    today = today or timezone.localdate()
    return max(workdays.working_days_between(response.request.due_on, today), 1)


def open_requests_for(user, today=None) -> list[AgencyResponse]:
    """An agency user's open responses (their agency's requests still to answer), soonest due first.
    One query. Partnership-wide users have no agency requests to answer here."""
    if not getattr(user, "is_authenticated", False) or not user.agency_id:
        return []
    today = today or timezone.localdate()
    responses = list(
        AgencyResponse.objects.visible_to(user)
        .filter(agency_id=user.agency_id, status__in=OPEN_RESPONSE_STATUSES)
        .select_related("request", "agency")
        .order_by("request__due_on", "pk")
    )
    for response in responses:
        response.display_status = response_status(response, today)
    return responses


def agency_requests_panel(user) -> dict:
    """Home panel context: the requests this user's agency still has to answer (hidden when none)."""
    responses = open_requests_for(user)
    return {"open_requests": responses, "empty": not responses}


def overdue_responses_panel(user, today=None) -> dict:
    """Home panel context for partnership-wide roles: how many responses are past their due date, and of
    how many agencies (one query: counting the distinct agencies on their own made SQLite walk every
    response ever sent by the agency index). Hidden when none is overdue."""
    today = today or timezone.localdate()
    counts = (
        AgencyResponse.objects.visible_to(user)
        .overdue(today)
        .aggregate(total=Count("pk"), agencies=Count("agency", distinct=True))
    )
    total = counts["total"]
    return {"overdue_total": total, "overdue_agencies": counts["agencies"], "empty": not total}


def review_information_requests(user, review) -> dict:
    """The case review page's section (core.panels record panel): the requests for information about this
    review that the user may see, each with its responses' statuses (the business unit sees every agency's;
    an agency user their own agency's). Two queries however many requests."""
    from django.db.models import Prefetch

    from learningloop.core.policy import can

    from .models import EmbeddingRequest, RequestKind

    today = timezone.localdate()
    responses = (
        AgencyResponse.objects.visible_to(user).select_related("agency", "request").order_by("agency__name")
    )
    requests = list(
        EmbeddingRequest.objects.visible_to(user)
        .filter(case_review=review, kind=RequestKind.INFORMATION)
        .prefetch_related(Prefetch("responses", queryset=responses, to_attr="shown_responses"))
        .order_by("-sent_at", "-pk")
    )
    for request in requests:
        for response in request.shown_responses:
            response.display_status = response_status(response, today)
        request.received = sum(1 for r in request.shown_responses if r.status not in OPEN_RESPONSE_STATUSES)
    return {"review": review, "information_requests": requests, "can_send": can(user, "embedding.send")}
