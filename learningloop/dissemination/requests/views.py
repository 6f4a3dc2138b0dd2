"""Formal requests to agencies — to embed learning (seed 3.5) or for information (seed 1.3), one mechanism
(ADR 0034): the business unit sends, each agency's strategic lead answers with evidence, the business unit
reviews, and the outstanding responses page shows what is still open.
Agency users see only their own agency's requests and responses. Views stay thin: forms validate,
services_requests writes, attention presents."""

from collections import Counter

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from learningloop.accounts.models import User
from learningloop.core.access import get_visible_or_404, require
from learningloop.core.breadcrumbs import breadcrumbs
from learningloop.core.concurrency import EditConflict, conflict_message
from learningloop.core.dates import format_date
from learningloop.core.pagination import paginate
from learningloop.core.policy import DENIED, WRONG_STATE, can, state_rule, why_not
from learningloop.core.stored_files import child_file_download
from learningloop.core.views_kit import apply_errors, bound, edit_with_conflict
from learningloop.learning.models import CaseReview

from ..attention import overdue_by, response_status
from ..models import (
    AgencyResponse,
    EmbeddingRequest,
    RequestKind,
    ResponseEvidence,
)
from . import services
from .forms import (
    EvidenceForm,
    InformationRequestForm,
    InformationResponseForm,
    RequestForm,
    ResponseForm,
    ReviewForm,
)

GET_POST = ["GET", "POST"]
REQUESTS = ("Requests to agencies", reverse_lazy("dissemination:request_list"))
STATUS_COLUMNS = [
    ("sent", "Sent"),
    ("viewed", "Viewed"),
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("accepted", "Accepted"),
    ("more_information", "More information requested"),
]


_crumbs = breadcrumbs


def _request_crumb(req):
    return (req.title, reverse("dissemination:request_detail", args=[req.pk]))


def _response(request, pk, *related):
    return get_visible_or_404(
        AgencyResponse.objects.select_related("request", "agency", *related), request.user, pk=pk
    )


# --- Requests ---


@require_GET
@require("embedding.view")
def request_list(request):
    today = timezone.localdate()
    if can(request.user, "embedding.view_all"):
        counts = {
            f"n_{key}": Count("responses", filter=Q(responses__status=key)) for key, _ in STATUS_COLUMNS
        }
        requests = EmbeddingRequest.objects.visible_to(request.user).order_by("-sent_at", "-pk")
        page, pagination = paginate(
            request,
            requests,
            rows=lambda rows: rows.annotate(  # counted for the page's rows only
                n_total=Count("responses"),
                n_overdue=Count(
                    "responses", filter=AgencyResponse.deadline_overdue_q(today, prefix="responses__")
                ),
                **counts,
            ),
        )
        template, context = "dissemination/request_list.html", {"columns": STATUS_COLUMNS}
    else:
        responses = (
            AgencyResponse.objects.visible_to(request.user)
            .select_related("request", "agency")
            .order_by("-request__sent_at", "-pk")
        )
        page, pagination = paginate(request, responses)
        for response in page.object_list:
            response.display_status = response_status(response, today)
        template, context = "dissemination/request_list_agency.html", {}
    return render(
        request,
        template,
        {
            **context,
            "page": page,
            "pagination": pagination,
            "can_send": can(request.user, "embedding.send"),
            "can_outstanding": can(request.user, "embedding.outstanding"),
            "crumbs": _crumbs((REQUESTS[0], None)),
        },
    )


def _send(request, form, *, what, **fields):
    """Send the request the valid form describes (services.request_send, with `fields` for its kind): the
    redirect to the sent request with its messages, or None with the errors put on the form."""
    data = form.cleaned_data
    try:
        sent, without_lead = services.request_send(
            title=data["title"],
            message=data["message"],
            agencies=data["agencies"],
            working_days=data["working_days"],
            by=request.user,
            **fields,
        )
    except ValidationError as error:
        apply_errors(form, error)
        return None
    count = len(data["agencies"])
    messages.success(
        request, f"{what} sent to {count} agencies. Responses are due by {format_date(sent.due_on)}"
    )
    if without_lead:
        names = ", ".join(a.name for a in without_lead)
        messages.warning(request, f"These agencies have no strategic lead to email: {names}")
    return redirect("dissemination:request_detail", pk=sent.pk)


@require_http_methods(GET_POST)
@require("embedding.send")
def request_create(request):
    form = RequestForm(*bound(request))
    if request.method == "POST" and form.is_valid():
        sent = _send(request, form, what="Request", key_messages=form.cleaned_data["key_messages"])
        if sent:
            return sent
    return render(
        request,
        "dissemination/request_form.html",
        {
            "form": form,
            "due_on": EmbeddingRequest.due_on_for(20),
            "crumbs": _crumbs(REQUESTS, ("Send a request", None)),
            "cancel_url": REQUESTS[1],
        },
    )


FIND = "find_agencies"  # the name of the form's Find button


@require_http_methods(GET_POST)
@require("embedding.send")
def information_request_create(request):
    """A request to agencies for information, due in a few working days (5 by default, counted by the
    deadline engine). Opened from a case review's page (?review=<id>), the review and the agencies involved
    in it are filled in."""
    review = None
    if request.method == "GET" and (review_id := request.GET.get("review", "")).isdigit():
        review = CaseReview.objects.select_related("activity").filter(pk=review_id).first()
    form = InformationRequestForm(*bound(request), review=review)
    if request.method == "POST" and FIND in request.POST:
        form.without_errors()  # Find: the agencies that match are shown; nothing is checked or sent yet
    elif request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        sent = _send(
            request, form, what="Request for information", kind=RequestKind.INFORMATION,
            case_review=data["case_review"],
        )  # fmt: skip
        if sent:
            return sent
    cancel = reverse("learning:review_detail", args=[review.pk]) if review else REQUESTS[1]
    return render(
        request,
        "dissemination/information_request_form.html",
        {
            "form": form,
            "default_days": services.DEFAULT_INFORMATION_WORKING_DAYS,
            "find_button": FIND,
            "due_on": EmbeddingRequest.due_on_for(services.DEFAULT_INFORMATION_WORKING_DAYS),
            "crumbs": _crumbs(REQUESTS, ("Ask agencies for information", None)),
            "cancel_url": cancel,
        },
    )


@require_GET
@require("embedding.view")
def request_detail(request, pk):
    req = get_visible_or_404(
        EmbeddingRequest.objects.select_related("sent_by", "case_review").prefetch_related(
            "key_messages__summary"
        ),
        request.user,
        pk=pk,
    )
    today = timezone.localdate()
    responses = list(
        AgencyResponse.objects.visible_to(request.user)
        .filter(request=req)
        .select_related("agency", "request")
    )
    for response in responses:
        response.display_status = response_status(response, today)
    without_lead = []
    if can(request.user, "embedding.view_all"):
        leads = User.objects.strategic_leads_of(r.agency_id for r in responses)
        without_lead = [r.agency for r in responses if r.agency_id not in leads]
    counts = Counter(r.display_status.text for r in responses)
    return render(
        request,
        "dissemination/request_detail.html",
        {
            "req": req,
            "responses": responses,
            "counts": sorted(counts.items()),
            "without_lead": without_lead,
            "view_all": can(request.user, "embedding.view_all"),
            "crumbs": _crumbs(REQUESTS, (req.title, None)),
        },
    )


# --- Responses ---


@require_GET
@require("embedding.view")
def response_detail(request, pk):
    response = _response(request, pk, "submitted_by", "reviewed_by")
    services.response_mark_viewed(response=response, by=request.user)
    evidence = list(response.evidence.all())
    return render(
        request,
        "dissemination/response_detail.html",
        {
            "response": response,
            "req": response.request,
            "key_messages": list(response.request.key_messages.select_related("summary")),
            "status": response_status(response),
            "evidence": evidence,
            "can_respond": can(request.user, "embedding.respond", response),
            "can_review": can(request.user, "embedding.review", response),
            "crumbs": _crumbs(REQUESTS, _request_crumb(response.request), (response.agency.name, None)),
        },
    )


def _refused(request, response, text):
    """A refused action (for example a response submitted twice): a clear message, nothing changed."""
    return render(
        request,
        "dissemination/response_refused.html",
        {
            "response": response,
            "text": text,
            "crumbs": _crumbs(REQUESTS, _request_crumb(response.request), (response.agency.name, None)),
        },
        status=409,
    )


def _why_not(request, action, response):
    """Ask the policy about this response: 403 for the wrong person, 409 for the wrong state, else None."""
    reason = why_not(request.user, action, response)
    if reason == DENIED:
        raise PermissionDenied
    if reason == WRONG_STATE:
        return _refused(request, response, state_rule(action, response).refusal)
    return None


@require_http_methods(GET_POST)
@require("embedding.respond")
def response_edit(request, pk):
    response = _response(request, pk)
    refused = _why_not(request, "embedding.respond", response)
    if refused:
        return refused
    detail = reverse("dissemination:response_detail", args=[pk])
    submit = "submit" in request.POST
    form_class = InformationResponseForm if response.request.is_information else ResponseForm

    return edit_with_conflict(
        request,
        form_class(*bound(request), instance=response),
        lambda form: services.response_save(
            response=form.instance,
            data=form.cleaned_data,
            submit=submit,
            by=request.user,
            expected_version=form.cleaned_data.get("version"),
        ),
        template="dissemination/response_form.html",
        context={
            "response": response,
            "req": response.request,
            "key_messages": list(response.request.key_messages.select_related("summary")),
            "cancel_url": detail,
            "crumbs": _crumbs(
                REQUESTS, _request_crumb(response.request), (response.agency.name, detail), ("Respond", None)
            ),
        },  # fmt: skip
        what="This response",
        success_url=detail,
        success_message="Response submitted" if submit else "Draft saved",
        refusals={
            services.AlreadySubmitted: lambda _: _refused(request, response, services.ALREADY_SUBMITTED)
        },
    )


@require_http_methods(GET_POST)
@require("embedding.respond")
def evidence_upload(request, pk):
    response = _response(request, pk)
    refused = _why_not(request, "embedding.respond", response)
    if refused:
        return refused
    form = EvidenceForm(*bound(request, files=True))
    detail = reverse("dissemination:response_detail", args=[pk])
    if request.method == "POST" and form.is_valid():
        try:
            services.evidence_attach(response=response, upload=form.cleaned_data["file"], by=request.user)
        except ValidationError as error:
            form.add_error("file", error.messages[0])
        else:
            messages.success(request, "Evidence added")
            return redirect(detail)
    return render(
        request,
        "dissemination/evidence_form.html",
        {
            "form": form,
            "response": response,
            "cancel_url": detail,
            "crumbs": _crumbs(REQUESTS, _request_crumb(response.request), (response.agency.name, detail),
                              ("Add evidence", None)),
        },
    )  # fmt: skip


@require_GET
@require("embedding.view")
def evidence_download(request, pk):
    return child_file_download(
        request, ResponseEvidence.objects, pk=pk, parent=AgencyResponse.objects, parent_field="response"
    )


@require_http_methods(GET_POST)
@require("embedding.review")
def response_review(request, pk):
    response = _response(request, pk)
    detail = reverse("dissemination:response_detail", args=[pk])
    refused = _why_not(request, "embedding.review", response)
    if refused:
        return refused
    form = ReviewForm(*bound(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.response_review(
                response=response,
                decision=form.cleaned_data["decision"],
                note=form.cleaned_data["note"],
                by=request.user,
            )
        except EditConflict:
            form.add_error(None, conflict_message("this response"))
        except ValidationError as error:
            if getattr(error, "code", None) == "not_submitted":
                return _refused(request, response, "Only a submitted response can be reviewed")
            apply_errors(form, error)
        else:
            accepted = form.cleaned_data["decision"] == services.ACCEPT
            messages.success(request, "Response accepted" if accepted else "More information requested")
            return redirect(detail)
    return render(
        request,
        "dissemination/response_review.html",
        {
            "form": form,
            "response": response,
            "cancel_url": detail,
            "crumbs": _crumbs(REQUESTS, _request_crumb(response.request), (response.agency.name, detail),
                              ("Review", None)),
        },
    )  # fmt: skip


# --- Outstanding responses (by exception) ---


@require_GET
@require("embedding.outstanding")
def outstanding_responses(request):
    """By exception: every outstanding response, 50 a page, grouped by agency (the agencies with the
    most overdue first). The captions and the totals count every outstanding response, not the page's."""
    today = timezone.localdate()
    counts = AgencyResponse.objects.outstanding_counts(today)  # {agency: (outstanding, overdue)}
    page, pagination = paginate(request, AgencyResponse.objects.outstanding_by_agency(today, counts))
    responses = list(page.object_list)
    agencies = {}
    late_by = {}  # working days overdue, worked out once per due date (a request's responses share it)
    for response in responses:
        response.display_status = response_status(response, today)
        response.is_late = response.display_status.key == "overdue"
        if response.is_late and response.request.due_on not in late_by:
            late_by[response.request.due_on] = overdue_by(response, today)
        response.late_by = late_by[response.request.due_on] if response.is_late else 0
        if response.agency_id not in agencies:
            outstanding, overdue = counts.get(response.agency_id, (0, 0))
            agencies[response.agency_id] = {
                "agency": response.agency,
                "responses": [],
                "outstanding": outstanding,
                "overdue": overdue,
            }
        agencies[response.agency_id]["responses"].append(response)
    totals = {"overdue": sum(late for _, late in counts.values()), "agencies": len(counts)}
    return render(
        request,
        "dissemination/outstanding_responses.html",
        {
            "agencies": list(agencies.values()),
            "page": page,
            "pagination": pagination,
            "total": page.paginator.count,
            "overdue_total": totals["overdue"],
            "agency_total": totals["agencies"],
            "crumbs": _crumbs(REQUESTS, ("Outstanding responses", None)),
        },
    )
