"""Learning events and webinars: list, add, page with attendance by agency, edit, record attendance.
Attendance is entered here; importing a registration list waits for the shared import kit (core.imports)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Sum
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.views.decorators.http import require_GET, require_http_methods

from learningloop.core import imports as import_kit
from learningloop.core.access import get_visible_or_404, require
from learningloop.core.breadcrumbs import breadcrumbs
from learningloop.core.import_pages import ImportFileForm, add_import_errors
from learningloop.core.models import ImportRun
from learningloop.core.pagination import paginate
from learningloop.core.policy import can
from learningloop.core.views_kit import apply_errors, bound, edit_with_conflict
from learningloop.partnership.models import Agency

from ..models import LearningEvent
from . import services
from .forms import EventAttendanceForm, LearningEventForm
from .imports import SPEC

VIEW, MANAGE = "governance.view", "events.manage"
GET_POST = ["GET", "POST"]
EVENTS = ("Learning events", reverse_lazy("governance:event_list"))


def _detail_url(event):
    return reverse("governance:event_detail", args=[event.pk])


@require_GET
@require(VIEW)
def event_list(request):
    events = (
        LearningEvent.objects.visible_to(request.user)
        .annotate(total=Sum("attendance__attendees"))
        .order_by("-held_on", "-pk")
    )
    page, pagination = paginate(request, events)
    return render(
        request,
        "governance/event_list.html",
        {
            "page": page,
            "pagination": pagination,
            "can_manage": can(request.user, MANAGE),
            "crumbs": breadcrumbs((EVENTS[0], None)),
        },
    )


def _save(form, expected=None):
    return services.learning_event_save(
        event=form.save(commit=False),
        key_messages=form.cleaned_data.get("key_messages") or [],
        expected_version=expected,
    )


@require_http_methods(GET_POST)
@require(MANAGE)
def event_create(request):
    form = LearningEventForm(*bound(request))
    if request.method == "POST" and form.is_valid():
        try:
            event = _save(form)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Learning event added: now record who attended")
            return redirect(_detail_url(event))
    return render(
        request,
        "governance/form.html",
        {
            "form": form,
            "title": "Add a learning event",
            "button": "Add event",
            "crumbs": breadcrumbs(EVENTS, ("Add", None)),
            "cancel_url": EVENTS[1],
        },
    )


@require_GET
@require(VIEW)
def event_detail(request, pk):
    event = get_visible_or_404(LearningEvent.objects, request.user, pk=pk)
    rows = list(event.attendance.select_related("agency"))
    return render(
        request,
        "governance/event_detail.html",
        {
            "event": event,
            "rows": rows,
            "total": sum(r.attendees for r in rows),
            "key_messages": list(event.key_messages.select_related("summary")),
            "can_manage": can(request.user, MANAGE),
            "crumbs": breadcrumbs(EVENTS, (event.title, None)),
        },
    )


@require_http_methods(GET_POST)
@require(MANAGE)
def event_edit(request, pk):
    event = get_visible_or_404(LearningEvent.objects, request.user, pk=pk)
    return edit_with_conflict(
        request,
        LearningEventForm(*bound(request), instance=event),
        lambda form: _save(form, form.cleaned_data.get("version")),
        template="governance/form.html",
        context={
            "title": f"Edit {event.title}",
            "button": "Save event",
            "cancel_url": _detail_url(event),
            "crumbs": breadcrumbs(EVENTS, (event.title, _detail_url(event)), ("Edit", None)),
        },
        what="This learning event",
        success_url=_detail_url(event),
        success_message="Learning event updated",
    )


@require_http_methods(GET_POST)
@require(MANAGE)
def event_attendance(request, pk):
    event = get_visible_or_404(LearningEvent.objects, request.user, pk=pk)
    recorded = dict(event.attendance.values_list("agency_id", "attendees"))
    agencies = Agency.objects.filter(is_active=True) | Agency.objects.filter(pk__in=list(recorded))
    form = EventAttendanceForm(*bound(request), agencies=agencies.order_by("name"), recorded=recorded)
    if request.method == "POST" and form.is_valid():
        services.event_attendance_record(event=event, counts=form.counts())
        messages.success(request, "Attendance by agency recorded")
        return redirect(_detail_url(event))
    return render(
        request,
        "governance/form.html",
        {
            "form": form,
            "title": f"Who attended {event.title}",
            "button": "Save attendance",
            "intro": "Enter how many people came from each agency; leave blank where none did.",
            "crumbs": breadcrumbs(EVENTS, (event.title, _detail_url(event)), ("Attendance", None)),
            "cancel_url": _detail_url(event),
        },
    )


@require_http_methods(GET_POST)
@require(MANAGE)
def event_import(request, pk):
    """Attendance from a registration list or a summary by agency (CSV or Excel), all or nothing."""
    event = get_visible_or_404(LearningEvent.objects, request.user, pk=pk)
    form = ImportFileForm(*bound(request, files=True))
    if request.method == "POST" and form.is_valid():
        try:
            run = import_kit.import_run_start(
                spec=SPEC, upload=form.cleaned_data["file"], user=request.user, context={"event": event.pk}
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            if run.status == ImportRun.Status.FAILED:
                add_import_errors(form, run)
            else:
                done = run.status == ImportRun.Status.DONE
                messages.success(
                    request,
                    f"Attendance imported from {run.saved_rows} rows"
                    if done
                    else "The file is being checked: the attendance shows here once it is saved",
                )
                return redirect(_detail_url(event))
    return render(
        request,
        "governance/event_import.html",
        {
            "form": form,
            "event": event,
            "title": f"Import attendance for {event.title}",
            "crumbs": breadcrumbs(EVENTS, (event.title, _detail_url(event)), ("Import attendance", None)),
            "cancel_url": _detail_url(event),
        },
    )


@require_GET
@require(MANAGE)
def event_import_template(request, pk):
    event = get_visible_or_404(LearningEvent.objects, request.user, pk=pk)
    fmt = request.GET.get("format", "xlsx")
    return import_kit.template_response(
        SPEC, user=request.user, context={"event": event.pk}, fmt=fmt, filename="learning-event-attendance"
    )
