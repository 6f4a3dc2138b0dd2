"""Learning briefings and newsletter items: list, author from key messages, edit (versioned), draft →
ready for publication and back, and the PDF. Views stay thin: forms validate, services_briefings writes."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from learningloop.core.access import get_visible_or_404, require
from learningloop.core.breadcrumbs import breadcrumbs
from learningloop.core.concurrency import EditConflict, conflict_message
from learningloop.core.pagination import paginate
from learningloop.core.policy import can
from learningloop.core.stored_files import attachment_response
from learningloop.core.views_kit import apply_errors, edit_with_conflict

from ..filters import BriefingFilterSet
from ..models import Briefing, BriefingKind, BriefingStatus
from . import documents as briefing_documents
from . import services as services_briefings
from .forms import BriefingForm

VIEW, MANAGE = "briefing.view", "briefing.manage"
BRIEFINGS = ("Briefings and newsletter items", reverse_lazy("dissemination:briefing_list"))


_crumbs = breadcrumbs


def _int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@require_GET
@require(VIEW)
def briefing_list(request):
    filters = BriefingFilterSet(request=request, queryset=Briefing.objects.visible_to(request.user))
    briefings = filters.qs.with_key_message_count().order_by("-updated_at", "-pk")
    page, pagination = paginate(request, briefings)
    return render(
        request,
        "dissemination/briefing_list.html",
        {
            "form": filters.form,
            "page": page,
            "pagination": pagination,
            "can_manage": can(request.user, MANAGE),
            "crumbs": _crumbs((BRIEFINGS[0], None)),
        },
    )


def _briefing_save(form, request):
    return services_briefings.briefing_save(
        briefing=form.save(commit=False),
        key_messages=form.cleaned_data.get("key_messages") or [],
        by=request.user,
        expected_version=form.cleaned_data.get("version"),
    )


def _save(form, request):
    try:
        return _briefing_save(form, request)
    except ValidationError as error:
        apply_errors(form, error)
        return None


def _form_page(request, form, *, title, crumbs, cancel_url):
    return render(
        request,
        "dissemination/briefing_form.html",
        {"form": form, "title": title, "crumbs": crumbs, "cancel_url": cancel_url},
    )


@require_http_methods(["GET", "POST"])
@require(MANAGE)
def briefing_create(request):
    if request.method == "POST":
        form = BriefingForm(request.POST)
    else:
        kind = request.GET.get("kind")
        initial = {"kind": kind} if kind in BriefingKind.values else {}
        form = BriefingForm(initial=initial, key_message=_int_or_none(request.GET.get("key_message")))
    if request.method == "POST" and form.is_valid() and (briefing := _save(form, request)):
        messages.success(request, f"{briefing.get_kind_display()} saved as a draft")
        return redirect("dissemination:briefing_detail", pk=briefing.pk)
    return _form_page(
        request,
        form,
        title="Write a briefing or newsletter item",
        crumbs=_crumbs(BRIEFINGS, ("New", None)),
        cancel_url=BRIEFINGS[1],
    )


def _detail(request, briefing, *, errors=None, status=200):
    return render(
        request,
        "dissemination/briefing_detail.html",
        {
            "briefing": briefing,
            "sections": briefing_documents.briefing_sections(briefing),
            "key_messages": list(briefing.key_messages.all()),
            "errors": errors or [],
            "can_manage": can(request.user, MANAGE),
            "is_ready": briefing.status == BriefingStatus.READY,
            "crumbs": _crumbs(BRIEFINGS, (briefing.title, None)),
        },
        status=status,
    )


def _briefing(request, pk):
    return get_visible_or_404(briefing_documents.with_briefing_data(Briefing.objects), request.user, pk=pk)


@require_GET
@require(VIEW)
def briefing_detail(request, pk):
    return _detail(request, _briefing(request, pk))


@require_http_methods(["GET", "POST"])
@require(MANAGE)
def briefing_edit(request, pk):
    briefing = get_visible_or_404(Briefing.objects, request.user, pk=pk)
    detail = reverse("dissemination:briefing_detail", args=[pk])
    return edit_with_conflict(
        request,
        BriefingForm(request.POST if request.method == "POST" else None, instance=briefing),
        lambda form: _briefing_save(form, request),
        template="dissemination/briefing_form.html",
        context={
            "title": f"Edit {briefing.title}",
            "crumbs": _crumbs(BRIEFINGS, (briefing.title, detail), ("Edit", None)),
            "cancel_url": detail,
        },
        what="This briefing",
        success_url=detail,
        success_message="Briefing updated",
    )


def _error_list(error: ValidationError, briefing):
    edit = reverse("dissemination:briefing_edit", args=[briefing.pk])
    if hasattr(error, "error_dict"):
        return [
            {"text": message, "href": f"{edit}#id_{field}"}
            for field, messages_ in error.message_dict.items()
            for message in messages_
        ]
    return [{"text": message} for message in error.messages]


def _transition(request, pk, service, done_message):
    briefing = _briefing(request, pk)
    try:
        service(briefing=briefing, by=request.user)
    except EditConflict:
        return _detail(request, briefing, errors=[{"text": conflict_message("this briefing")}], status=409)
    except ValidationError as error:
        return _detail(request, briefing, errors=_error_list(error, briefing))
    messages.success(request, done_message)
    return redirect("dissemination:briefing_detail", pk=briefing.pk)


@require_POST
@require(MANAGE)
def briefing_ready(request, pk):
    return _transition(request, pk, services_briefings.briefing_mark_ready, "Marked ready for publication")


@require_POST
@require(MANAGE)
def briefing_unready(request, pk):
    return _transition(request, pk, services_briefings.briefing_mark_draft, "Returned to draft")


@require_GET
@require(VIEW)
def briefing_pdf(request, pk):
    briefing = _briefing(request, pk)
    return attachment_response(
        briefing_documents.build_pdf(briefing),
        filename=briefing_documents.filename(briefing),
        content_type="application/pdf",
    )
