"""Meetings: the list, schedule a year from the terms of reference, add, move, cancel; the meeting page
(agenda, papers, quorum, attendance, minutes, decisions, actions); the chair's attendance report."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from learningloop.core.access import get_visible_or_404, require
from learningloop.core.breadcrumbs import breadcrumbs
from learningloop.core.concurrency import EditConflict, conflict_message
from learningloop.core.pagination import paginate
from learningloop.core.policy import can
from learningloop.core.stored_files import child_file_download
from learningloop.core.views_kit import apply_errors, bound, edit_with_conflict

from .. import presenters
from ..filters import MeetingFilterSet
from ..models import AgendaItem, AgendaPaper, Decision, Meeting, MeetingDeadlineKind
from ..quorum import quorum_of
from . import report, services
from .forms import (
    AgendaItemForm,
    AttendanceForm,
    AttendanceReportForm,
    CancelForm,
    DecisionForm,
    MeetingActionForm,
    MeetingForm,
    MinutesForm,
    PaperForm,
    ScheduleForm,
    default_period,
)

VIEW, MANAGE = "governance.view", "meetings.manage"
GET_POST = ["GET", "POST"]
MEETINGS = ("Meetings", reverse_lazy("governance:meeting_list"))


def _meeting(request, pk):
    return get_visible_or_404(Meeting.objects.select_related("group", "action_plan"), request.user, pk=pk)


def _detail_url(meeting):
    return reverse("governance:meeting_detail", args=[meeting.pk])


def _crumbs(meeting, *more):
    return breadcrumbs(MEETINGS, (str(meeting), _detail_url(meeting) if more else None), *more)


@require_GET
@require(VIEW)
def meeting_list(request):
    filters = MeetingFilterSet(
        request=request, queryset=Meeting.objects.visible_to(request.user).select_related("group")
    )
    page, pagination = paginate(request, filters.qs)
    return render(
        request,
        "governance/meeting_list.html",
        {
            "form": filters.form,
            "page": page,
            "pagination": pagination,
            "can_manage": can(request.user, MANAGE),
            "can_report": can(request.user, "meetings.attendance_report"),
            "tags": presenters,
            "crumbs": breadcrumbs((MEETINGS[0], None)),
        },
    )


def _form_page(request, form, *, title, crumbs, cancel_url, button, multipart=False, status=200, intro=""):
    return render(
        request,
        "governance/form.html",
        {
            "form": form,
            "title": title,
            "crumbs": crumbs,
            "cancel_url": cancel_url,
            "button": button,
            "multipart": multipart,
            "intro": intro,
        },
        status=status,
    )


@require_http_methods(GET_POST)
@require(MANAGE)
def meeting_schedule(request):
    form = ScheduleForm(*bound(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            made = services.meeting_year_create(
                group=data["group"],
                first_date=data["first_date"],
                start_time=data["start_time"],
                end_time=data["end_time"],
                place=data["place"],
                online_link=data["online_link"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"{len(made)} meetings scheduled for {data['group'].name}")
            return redirect(f"{reverse('governance:meeting_list')}?group={data['group'].pk}")
    return _form_page(
        request,
        form,
        title="Schedule a year of meetings",
        button="Schedule meetings",
        crumbs=breadcrumbs(MEETINGS, ("Schedule a year", None)),
        cancel_url=MEETINGS[1],
        intro="The meetings follow the group's terms of reference: the LDG meets in alternate months in its "
        "first year. A meeting that falls on a weekend or bank holiday moves to the next working day.",
    )


@require_http_methods(GET_POST)
@require(MANAGE)
def meeting_create(request):
    form = MeetingForm(*bound(request), instance=Meeting())
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_create(meeting=form.save(commit=False))
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Meeting added")
            return redirect(_detail_url(meeting))
    return _form_page(
        request,
        form,
        title="Add a meeting",
        button="Add meeting",
        crumbs=breadcrumbs(MEETINGS, ("Add", None)),
        cancel_url=MEETINGS[1],
    )


@require_http_methods(GET_POST)
@require(MANAGE)
def meeting_edit(request, pk):
    meeting = _meeting(request, pk)
    detail = _detail_url(meeting)
    return edit_with_conflict(
        request,
        MeetingForm(*bound(request), instance=meeting),
        lambda form: services.meeting_update(
            meeting=form.save(commit=False), expected_version=form.cleaned_data.get("version")
        ),
        template="governance/form.html",
        context={
            "title": f"Move or change the {meeting}",
            "crumbs": _crumbs(meeting, ("Move or change", None)),
            "cancel_url": detail,
            "button": "Save meeting",
        },
        what="This meeting",
        success_url=detail,
        success_message="Meeting updated: calendars will show the new details",
    )


@require_http_methods(GET_POST)
@require(MANAGE)
def meeting_cancel(request, pk):
    meeting = _meeting(request, pk)
    form = CancelForm(*bound(request), initial={"version": meeting.version})
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                services.meeting_cancel(
                    meeting=meeting,
                    reason=form.cleaned_data["reason"],
                    expected_version=form.cleaned_data.get("version") or 0,
                )
        except EditConflict:
            form.add_error(None, conflict_message("this meeting"))
            return _form_page(
                request,
                form,
                title=f"Cancel the {meeting}",
                button="Cancel meeting",
                crumbs=_crumbs(meeting, ("Cancel", None)),
                cancel_url=_detail_url(meeting),
                status=409,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Meeting cancelled: calendars will show it as cancelled")
            return redirect(_detail_url(meeting))
    return _form_page(
        request,
        form,
        title=f"Cancel the {meeting}",
        button="Cancel meeting",
        crumbs=_crumbs(meeting, ("Cancel", None)),
        cancel_url=_detail_url(meeting),
    )


def _detail_context(request, meeting):
    today = timezone.localdate()
    deadlines = {d.kind: d for d in meeting.deadlines.all()}
    items = list(
        meeting.agenda_items.select_related(
            "owner", "learning_activity", "key_message", "action_plan"
        ).prefetch_related("papers")
    )
    attendance = {a.membership_id: a for a in meeting.attendance.select_related("deputy")}
    seats = list(meeting.seats().select_related("person", "representing"))
    happened = meeting.has_happened(today)
    quorum = quorum_of(meeting.group, meeting.seat_presence(after=happened))
    actions = (
        list(meeting.action_plan.actions.select_related("owner", "owner_agency"))
        if meeting.action_plan
        else []
    )
    return {
        "meeting": meeting,
        "papers_deadline": deadlines.get(MeetingDeadlineKind.PAPERS),
        "minutes_deadline": deadlines.get(MeetingDeadlineKind.MINUTES),
        "deadline_status": {k: d.deadline_status(today) for k, d in deadlines.items()},
        "items": items,
        "seats": [(s, attendance.get(s.pk)) for s in seats],
        "happened": happened,
        "quorum": quorum,
        "decisions": list(meeting.decisions.select_related("ratified_at", "ratified_at__group")),
        "to_ratify": list(Decision.objects.to_ratify_at(meeting).select_related("meeting", "meeting__group"))
        if meeting.quorate
        else [],
        "actions": [(a, a.deadline_status(today)) for a in actions],
        "can_manage": can(request.user, MANAGE),
        "tags": presenters,
        "crumbs": _crumbs(meeting),
    }


@require_GET
@require(VIEW)
def meeting_detail(request, pk):
    return render(request, "governance/meeting_detail.html", _detail_context(request, _meeting(request, pk)))


def _detail_with_errors(request, meeting, error, status=200):
    context = _detail_context(request, meeting)
    messages_ = error.messages if isinstance(error, ValidationError) else [str(error)]
    context["errors"] = [{"text": m} for m in messages_]
    return render(request, "governance/meeting_detail.html", context, status=status)


@require_POST
@require(MANAGE)
def meeting_publish(request, pk):
    meeting = _meeting(request, pk)
    try:
        sent = services.meeting_pack_publish(meeting=meeting)
    except ValidationError as error:
        return _detail_with_errors(request, meeting, error)
    messages.success(request, f"Agenda and papers sent out: {sent} member{'s' if sent != 1 else ''} emailed")
    return redirect(_detail_url(meeting))


@require_http_methods(GET_POST)
@require(MANAGE)
def agenda_item_create(request, pk):
    meeting = _meeting(request, pk)
    form = AgendaItemForm(*bound(request), instance=AgendaItem(meeting=meeting))
    if request.method == "POST" and form.is_valid():
        try:
            services.agenda_item_save(item=form.save(commit=False))
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Agenda item added")
            return redirect(_detail_url(meeting))
    return _form_page(
        request,
        form,
        title="Add an agenda item",
        button="Add item",
        crumbs=_crumbs(meeting, ("Add an agenda item", None)),
        cancel_url=_detail_url(meeting),
    )


@require_http_methods(GET_POST)
@require(MANAGE)
def agenda_item_edit(request, pk):
    item = get_object_or_404(AgendaItem.objects.select_related("meeting", "meeting__group"), pk=pk)
    meeting = item.meeting
    detail = _detail_url(meeting)

    def save(form):
        from learningloop.core.concurrency import claim_version

        claim_version(item, form.cleaned_data.get("version"))
        return services.agenda_item_save(item=form.save(commit=False))

    return edit_with_conflict(
        request,
        AgendaItemForm(*bound(request), instance=item),
        save,
        template="governance/form.html",
        context={
            "title": f"Edit agenda item: {item.title}",
            "crumbs": _crumbs(meeting, ("Edit agenda item", None)),
            "cancel_url": detail,
            "button": "Save item",
        },
        what="This agenda item",
        success_url=detail,
        success_message="Agenda item updated",
    )


@require_http_methods(GET_POST)
@require(MANAGE)
def paper_upload(request, pk):
    item = get_object_or_404(AgendaItem.objects.select_related("meeting", "meeting__group"), pk=pk)
    form = PaperForm(*bound(request, files=True))
    if request.method == "POST" and form.is_valid():
        try:
            paper = services.agenda_paper_upload(item=item, upload=form.cleaned_data["file"], by=request.user)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request, "Paper added" + (": marked late, after the papers were due" if paper.late else "")
            )
            return redirect(_detail_url(item.meeting))
    return _form_page(
        request,
        form,
        title=f"Add a paper: {item.title}",
        button="Upload paper",
        multipart=True,
        crumbs=_crumbs(item.meeting, ("Add a paper", None)),
        cancel_url=_detail_url(item.meeting),
    )


@require_GET
@require(VIEW)
def paper_download(request, pk):
    return child_file_download(
        request, AgendaPaper.objects, pk=pk, parent=AgendaItem.objects, parent_field="item"
    )


@require_http_methods(GET_POST)
@require(MANAGE)
def meeting_attendance(request, pk):
    meeting = _meeting(request, pk)
    seats = meeting.seats().select_related("person", "representing")
    recorded = {a.membership_id: a for a in meeting.attendance.all()}
    posted_version = request.POST.get("version", "") if request.method == "POST" else ""
    form = AttendanceForm(
        *bound(request), meeting=meeting, seats=seats, recorded=recorded, version=meeting.version
    )
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                services.attendance_record(
                    meeting=meeting,
                    rows=form.rows(),
                    expected_version=int(posted_version) if posted_version.isdigit() else 0,
                )
        except EditConflict:
            form.add_error(None, conflict_message("this meeting"))
            status = 409
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Attendance recorded")
            return redirect(_detail_url(meeting))
    return render(
        request,
        "governance/attendance_form.html",
        {
            "form": form,
            "meeting": meeting,
            "version": meeting.version,
            "crumbs": _crumbs(meeting, ("Attendance", None)),
            "cancel_url": _detail_url(meeting),
        },
        status=status,
    )


@require_http_methods(GET_POST)
@require(MANAGE)
def meeting_minutes(request, pk):
    meeting = _meeting(request, pk)
    initial = {
        "minutes_sent_on": meeting.minutes_sent_on,
        "minutes_notes": meeting.minutes_notes,
        "version": meeting.version,
    }
    form = MinutesForm(*bound(request), initial=initial)
    status = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                services.minutes_record(
                    meeting=meeting,
                    minutes_sent_on=data["minutes_sent_on"],
                    notes=data["minutes_notes"],
                    expected_version=data.get("version") or 0,
                )
        except EditConflict:
            form.add_error(None, conflict_message("this meeting"))
            status = 409
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Minutes saved")
            return redirect(_detail_url(meeting))
    return _form_page(
        request,
        form,
        title=f"Minutes of the {meeting}",
        button="Save minutes",
        status=status,
        crumbs=_crumbs(meeting, ("Minutes", None)),
        cancel_url=_detail_url(meeting),
    )


@require_http_methods(GET_POST)
@require(MANAGE)
def decision_create(request, pk):
    meeting = _meeting(request, pk)
    form = DecisionForm(*bound(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.decision_add(meeting=meeting, text=form.cleaned_data["text"])
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Decision recorded")
            return redirect(_detail_url(meeting))
    return _form_page(
        request,
        form,
        title="Record a decision",
        button="Save decision",
        crumbs=_crumbs(meeting, ("Decision", None)),
        cancel_url=_detail_url(meeting),
    )


@require_POST
@require(MANAGE)
def decisions_ratify(request, pk):
    meeting = _meeting(request, pk)
    try:
        count = services.decisions_ratify(meeting=meeting)
    except ValidationError as error:
        return _detail_with_errors(request, meeting, error)
    messages.success(request, f"{count} decision{'s' if count != 1 else ''} ratified")
    return redirect(_detail_url(meeting))


@require_http_methods(GET_POST)
@require(MANAGE)
def meeting_action_create(request, pk):
    meeting = _meeting(request, pk)
    form = MeetingActionForm(*bound(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.meeting_action_add(
                meeting=meeting,
                description=data["description"],
                owner=data["owner"],
                due_on=data["due_on"],
                by=request.user,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Action recorded: it is now an improvement action with its owner")
            return redirect(_detail_url(meeting))
    return _form_page(
        request,
        form,
        title="Record an action",
        button="Save action",
        crumbs=_crumbs(meeting, ("Action", None)),
        cancel_url=_detail_url(meeting),
    )


@require_GET
@require("meetings.attendance_report")
def attendance_report(request):
    start, end = default_period()
    form = AttendanceReportForm(request.GET or None, initial={"start": start, "end": end, "threshold": 75})
    result = None
    if request.GET and form.is_valid():
        data = form.cleaned_data
        result = report.attendance_by_exception(
            group=data["group"], start=data["start"], end=data["end"], threshold=data["threshold"]
        )
    return render(
        request,
        "governance/attendance_report.html",
        {"form": form, "report": result, "crumbs": breadcrumbs(MEETINGS, ("Attendance by exception", None))},
    )
