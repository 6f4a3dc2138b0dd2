"""Summary of Learning pages (Appendix B): list, create, detail, edit, key messages, the LDG workflow and
the Word and PDF downloads. Views stay thin: rules live in services.py and services_summaries.py."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from learningloop.core.access import get_visible_or_404, require
from learningloop.core.breadcrumbs import breadcrumbs
from learningloop.core.concurrency import EditConflict, conflict_message
from learningloop.core.pagination import paginate
from learningloop.core.policy import can, state_allows, state_rule
from learningloop.core.stored_files import attachment_response
from learningloop.core.views_kit import edit_with_conflict

from ..filters import SummaryFilterSet
from ..models import KeyMessage, SummaryEvent, SummaryOfLearning, SummaryStatus
from ..services import TransitionRefused
from . import documents
from . import services as services_summaries
from .forms import (
    ActivitySearchForm,
    ConfirmForm,
    KeyMessageForm,
    ReturnForm,
    SummaryCreateForm,
    SummaryEditForm,
)

GET_POST = ["GET", "POST"]
NOT_EDITABLE = "This summary has been submitted to the LDG and cannot be changed until it is returned"
ACCEPTED_NOT_EDITABLE = "This summary has been accepted by the LDG and can no longer be changed"


def _crumbs(*items):
    return breadcrumbs(("Summaries of learning", reverse("learning:summary_list")), *items)


def _detail_crumb(summary):
    return (summary.title, reverse("learning:summary_detail", args=[summary.pk]))


def _message(exc):
    return exc.messages[0] if getattr(exc, "messages", None) else str(exc)


def _add_errors(form, exc):
    """A service's ValidationError onto the form: on the field it names, else at the top."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors[0])
    else:
        form.add_error(None, _message(exc))


def _status_words(summary):
    """The status inside a sentence: "accepted by the LDG" (only the first letter lowered, not the LDG)."""
    label = summary.get_status_display()
    return label[:1].lower() + label[1:]


def _refused(request, summary, status=200):
    """The page shown instead of a form when the summary cannot be changed now."""
    text = ACCEPTED_NOT_EDITABLE if summary.status == SummaryStatus.ACCEPTED else NOT_EDITABLE
    return render(
        request,
        "learning/summary_refused.html",
        {"summary": summary, "title": "This summary cannot be changed", "text": text,
         "crumbs": _crumbs(_detail_crumb(summary), ("Cannot be changed", None))},
        status=status,
    )  # fmt: skip


def _state_refused(request, summary, action):
    """A workflow button pressed on a summary whose state does not allow it (core.policy STATE_RULES)."""
    return render(
        request,
        "learning/summary_refused.html",
        {"summary": summary, "title": "This step is not possible now",
         "text": f"{state_rule(action, summary).refusal} This one is {_status_words(summary)}.",
         "crumbs": _crumbs(_detail_crumb(summary), ("Not possible now", None))},
        status=409,
    )  # fmt: skip


# --- List ---


@require_GET
@require("summary.view")
def summary_list(request):
    filters = SummaryFilterSet(request=request, queryset=SummaryOfLearning.objects.visible_to(request.user))
    summaries = filters.qs.order_by("-updated_at", "-pk")
    page, pagination = paginate(request, summaries, rows=lambda rows: rows.list_rows())
    return render(
        request,
        "learning/summary_list.html",
        {
            "form": filters.form,
            "page": page,
            "pagination": pagination,
            "can_edit": can(request.user, "summary.edit"),
            "crumbs": [{"text": "Summaries of learning"}],
        },
    )


# --- Create and edit ---


@require_http_methods(GET_POST)
@require("summary.edit")
def summary_create(request):
    search = ActivitySearchForm(request.GET or None)
    form = SummaryCreateForm(request.POST or None, q=search.text())
    if request.method == "POST" and form.is_valid():
        try:
            summary = services_summaries.summary_start(
                by=request.user,
                title=form.cleaned_data["title"],
                subgroup=form.cleaned_data["subgroup"],
                activities=form.cleaned_data["activities"],
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, "Summary created")
            return redirect("learning:summary_edit", pk=summary.pk)
    return render(
        request,
        "learning/summary_create.html",
        {"form": form, "search": search, "crumbs": _crumbs(("New summary", None))},
    )


def _refusals(request, summary):
    """A summary submitted or accepted while the form was open: the page that says it cannot change."""

    def refused(_exc):
        summary.refresh_from_db()
        return _refused(request, summary, status=409)

    return {TransitionRefused: refused}


@require_http_methods(GET_POST)
@require("summary.edit")
def summary_edit(request, pk):
    summary = get_visible_or_404(SummaryOfLearning.objects.select_related("subgroup"), request.user, pk=pk)
    if not state_allows("summary.edit", summary):
        return _refused(request, summary, status=409 if request.method == "POST" else 200)
    detail = reverse("learning:summary_detail", args=[summary.pk])
    return edit_with_conflict(
        request,
        SummaryEditForm(request.POST or None, instance=summary),
        lambda form: services_summaries.summary_update(
            summary=summary,
            version=form.cleaned_data["version"],
            **{name: form.cleaned_data[name] for name in SummaryEditForm.Meta.fields},
        ),
        template="learning/summary_edit.html",
        context={"summary": summary, "crumbs": _crumbs(_detail_crumb(summary), ("Edit", None))},
        what="This summary of learning",
        success_url=detail,
        success_message="Summary saved",
        back_url=detail,
        refusals=_refusals(request, summary),
    )


# --- Detail ---


@require_GET
@require("summary.view")
def summary_detail(request, pk):
    queryset = documents.with_document_data(SummaryOfLearning.objects).prefetch_related(
        Prefetch("events", queryset=SummaryEvent.objects.select_related("by")),
        "activities__source_type",
    )
    summary = get_visible_or_404(queryset, request.user, pk=pk)
    user = request.user
    return render(
        request,
        "learning/summary_detail.html",
        {
            "summary": summary,
            "doc": documents.appendix_b(summary),
            "can_edit": can(user, "summary.edit", summary),
            "can_submit": can(user, "summary.submit", summary),
            "can_decide": can(user, "summary.decide", summary),
            "confirm_form": ConfirmForm(initial={"version": summary.version}),
            "return_form": ReturnForm(initial={"version": summary.version}),
            "crumbs": _crumbs((summary.title, None)),
        },
    )


# --- Key messages ---


def _key_message_edit(request, summary, form, *, title, success):
    detail = reverse("learning:summary_detail", args=[summary.pk])
    return edit_with_conflict(
        request,
        form,
        lambda form: services_summaries.key_message_write(
            message=form.instance,
            version=form.cleaned_data["version"],
            audiences=form.cleaned_data["audiences"],
            workforce_groups=form.cleaned_data["workforce_groups"],
            findings=form.cleaned_data["findings"],
        ),
        template="learning/key_message_form.html",
        context={
            "summary": summary,
            "title": title,
            "button": "Save key message",
            "crumbs": _crumbs(_detail_crumb(summary), (title, None)),
        },
        what="This summary of learning",
        success_url=detail,
        success_message=success,
        back_url=detail,
        refusals=_refusals(request, summary),
    )


@require_http_methods(GET_POST)
@require("summary.edit")
def key_message_create(request, pk):
    summary = get_visible_or_404(SummaryOfLearning.objects, request.user, pk=pk)
    if not state_allows("summary.edit", summary):
        return _refused(request, summary, status=409 if request.method == "POST" else 200)
    form = KeyMessageForm(request.POST or None, instance=KeyMessage(summary=summary), summary=summary)
    return _key_message_edit(request, summary, form, title="Add a key message", success="Key message added")


@require_http_methods(GET_POST)
@require("summary.edit")
def key_message_edit(request, pk):
    message = get_visible_or_404(KeyMessage.objects.select_related("summary"), request.user, pk=pk)
    summary = message.summary
    if not state_allows("summary.edit", summary):
        return _refused(request, summary, status=409 if request.method == "POST" else 200)
    form = KeyMessageForm(request.POST or None, instance=message, summary=summary)
    return _key_message_edit(request, summary, form, title="Edit key message", success="Key message saved")


@require_http_methods(GET_POST)
@require("summary.edit")
def key_message_delete(request, pk):
    message = get_visible_or_404(KeyMessage.objects.select_related("summary"), request.user, pk=pk)
    summary = message.summary
    if not state_allows("summary.edit", summary):
        return _refused(request, summary, status=409 if request.method == "POST" else 200)
    form = ConfirmForm(request.POST or None, initial={"version": summary.version})
    detail = reverse("learning:summary_detail", args=[summary.pk])
    if request.method == "POST" and form.is_valid():
        try:
            services_summaries.key_message_delete(message=message, version=form.cleaned_data["version"])
        except TransitionRefused:
            summary.refresh_from_db()
            return _refused(request, summary, status=409)
        except EditConflict:
            form.add_error(None, conflict_message("this summary"))
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, "Key message deleted")
            return redirect(detail)
    return render(
        request,
        "learning/key_message_delete.html",
        {
            "form": form,
            "message": message,
            "summary": summary,
            "cancel_url": detail,
            "crumbs": _crumbs(_detail_crumb(summary), ("Delete key message", None)),
        },
    )


# --- Workflow ---

MOVED = {
    SummaryStatus.SUBMITTED: "Summary submitted to the LDG",
    SummaryStatus.ACCEPTED: "Summary accepted by the LDG",
    SummaryStatus.RETURNED: "Summary returned to the subgroup",
}


def _move(request, pk, to, action, form_class=ConfirmForm):
    """Make one workflow step from a POSTed button; a refused step comes back as a clear message."""
    summary = get_visible_or_404(SummaryOfLearning.objects, request.user, pk=pk)
    if not state_allows(action, summary):
        return _state_refused(request, summary, action)
    form = form_class(request.POST)
    if not form.is_valid():
        messages.error(request, next(iter(form.errors.values()))[0])
    else:
        try:
            services_summaries.summary_move(
                summary=summary,
                to=to,
                by=request.user,
                version=form.cleaned_data["version"],
                reason=form.cleaned_data.get("reason", ""),
            )
        except EditConflict:
            messages.error(request, conflict_message("this summary"))
        except ValidationError as exc:
            messages.error(request, _message(exc))
        else:
            messages.success(request, MOVED[to])
    return redirect("learning:summary_detail", pk=summary.pk)


@require_POST
@require("summary.submit")
def summary_submit(request, pk):
    return _move(request, pk, SummaryStatus.SUBMITTED, "summary.submit")


@require_POST
@require("summary.decide")
def summary_accept(request, pk):
    return _move(request, pk, SummaryStatus.ACCEPTED, "summary.decide")


@require_http_methods(GET_POST)
@require("summary.decide")
def summary_return(request, pk):
    summary = get_visible_or_404(SummaryOfLearning.objects.select_related("subgroup"), request.user, pk=pk)
    if not state_allows("summary.decide", summary):
        return render(
            request,
            "learning/summary_refused.html",
            {"summary": summary, "title": "This summary cannot be returned",
             "text": f"Only a summary submitted to the LDG can be returned. This one is "
                     f"{_status_words(summary)}.",
             "crumbs": _crumbs(_detail_crumb(summary), ("Return", None))},
            status=409 if request.method == "POST" else 200,
        )  # fmt: skip
    form = ReturnForm(request.POST or None, initial={"version": summary.version})
    if request.method == "POST" and form.is_valid():
        try:
            services_summaries.summary_move(
                summary=summary,
                to=SummaryStatus.RETURNED,
                by=request.user,
                version=form.cleaned_data["version"],
                reason=form.cleaned_data["reason"],
            )
        except EditConflict:
            form.add_error(None, conflict_message("this summary"))
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, MOVED[SummaryStatus.RETURNED])
            return redirect("learning:summary_detail", pk=summary.pk)
    return render(
        request,
        "learning/summary_return.html",
        {"form": form, "summary": summary, "crumbs": _crumbs(_detail_crumb(summary), ("Return", None))},
    )


# --- Downloads ---


def _download(summary, content, content_type, extension):
    return attachment_response(
        content, filename=documents.filename(summary, extension), content_type=content_type
    )


@require_GET
@require("summary.view")
def summary_docx(request, pk):
    summary = get_visible_or_404(documents.with_document_data(SummaryOfLearning.objects), request.user, pk=pk)
    content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    return _download(summary, documents.build_docx(summary), content_type, "docx")


@require_GET
@require("summary.view")
def summary_pdf(request, pk):
    summary = get_visible_or_404(documents.with_document_data(SummaryOfLearning.objects), request.user, pk=pk)
    return _download(summary, documents.build_pdf(summary), "application/pdf", "pdf")
