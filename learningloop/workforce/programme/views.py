"""The training programme's pages: the course list (everyone in the partnership, and practitioners), a
course with its sessions and results, a session, and the business unit's pages to run the programme."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from learningloop.core.access import require
from learningloop.core.breadcrumbs import breadcrumbs
from learningloop.core.concurrency import EditConflict, conflict_message
from learningloop.core.pagination import paginate
from learningloop.core.policy import can
from learningloop.core.views_kit import apply_errors, bound, edit_with_conflict

from .. import measures
from ..access import is_practitioner, may_mark_attendance, require_browse
from ..models import (
    AgencyEmailDomain,
    Booking,
    BookingStatus,
    Course,
    Trainer,
    TrainingSession,
    TrainingSettings,
)
from ..presenters import booking_tag, places_left
from ..rules import cancellation_cutoff
from . import services
from .filters import CourseFilterSet
from .forms import AttendanceForm, CourseForm, DomainForm, SessionForm, SettingsForm, TrainerForm

GET_POST = ["GET", "POST"]
PROGRAMME = ("Training programme", reverse_lazy("workforce:course_list"))
FORM = "workforce/form.html"


def _form(request, form, *, title, button, crumbs, cancel_url, status=200, **extra):
    context = {
        "form": form,
        "title": title,
        "button": button,
        "crumbs": crumbs,
        "cancel_url": cancel_url,
        **extra,
    }
    return render(request, FORM, context, status=status)


@require_GET
def course_list(request):
    require_browse(request)
    courses = Course.objects.all() if can(request.user, "training.manage") else Course.objects.active()
    filters = CourseFilterSet(request=request, queryset=courses)
    today = timezone.localdate()
    page, pagination = paginate(request, filters.qs.order_by("title", "pk"))
    upcoming = {}
    for session in TrainingSession.objects.upcoming_for(page.object_list, today):
        upcoming.setdefault(session.course_id, []).append(session)
    rows = [{"course": c, "sessions": upcoming.get(c.pk, [])[:3]} for c in page.object_list]
    return render(
        request,
        "workforce/course_list.html",
        {
            "rows": rows,
            "page": page,
            "pagination": pagination,
            "form": filters.form,
            "can_manage": can(request.user, "training.manage"),
            "places_left": places_left,
        },
    )


def _course(request, pk):
    require_browse(request)
    queryset = Course.objects.all() if can(request.user, "training.manage") else Course.objects.active()
    return get_object_or_404(queryset, pk=pk)


@require_GET
def course_detail(request, pk):
    course = _course(request, pk)
    today = timezone.localdate()
    practitioner = is_practitioner(request.user)
    sessions = list(
        TrainingSession.objects.upcoming(today)
        .filter(course=course)
        .with_places()
        .prefetch_related("trainers__person__agency")
    )
    mine = {}
    if practitioner:
        mine = {
            b.session_id: b
            for b in Booking.objects.visible_to(request.user).active().filter(session__in=sessions)
        }
    context = {
        "course": course,
        "sessions": [{"session": s, "places": places_left(s), "mine": mine.get(s.pk)} for s in sessions],
        "practitioner": practitioner,
        "can_manage": can(request.user, "training.manage"),
        "booking_tag": booking_tag,
        "crumbs": breadcrumbs(PROGRAMME, (course.title, None)),
    }
    if not practitioner:  # the partnership's own view: key messages, past sessions and the results
        context["key_messages"] = course.key_messages.select_related("summary")
        context["past"] = (
            TrainingSession.objects.filter(course=course, date__lt=today).with_places().order_by("-date")[:20]
        )
        context["results"] = measures.course_results(course)
        context["percent"], context["signed"] = measures.percent, measures.signed
    return render(request, "workforce/course_detail.html", context)


@require_http_methods(GET_POST)
@require("training.manage")
def course_create(request):
    form = CourseForm(*bound(request))
    if request.method == "POST" and form.is_valid():
        try:
            course = services.course_create(form=form)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Course added to the programme")
            return redirect("workforce:course_detail", pk=course.pk)
    return _form(
        request,
        form,
        title="Add a course",
        button="Add course",
        crumbs=breadcrumbs(PROGRAMME, ("Add a course", None)),
        cancel_url=str(PROGRAMME[1]),
    )


@require_http_methods(GET_POST)
@require("training.manage")
def course_edit(request, pk):
    course = get_object_or_404(Course, pk=pk)
    detail = reverse("workforce:course_detail", args=[pk])
    return edit_with_conflict(
        request,
        CourseForm(*bound(request), instance=course),
        lambda form: services.record_edit(form=form),
        template=FORM,
        context={
            "title": f"Edit {course.title}",
            "button": "Save course",
            "cancel_url": detail,
            "crumbs": breadcrumbs(PROGRAMME, (course.title, detail), ("Edit", None)),
        },
        what="This course",
        success_url=detail,
        success_message="Course updated",
        duplicate_field="title",
    )


@require_http_methods(GET_POST)
@require("training.manage")
def session_create(request, pk):
    course = get_object_or_404(Course, pk=pk)
    detail = reverse("workforce:course_detail", args=[pk])
    form = SessionForm(*bound(request))
    if request.method == "POST" and form.is_valid():
        try:
            session = services.session_create(form=form, course=course)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Session added")
            return redirect("workforce:session_detail", pk=session.pk)
    return _form(
        request,
        form,
        title="Add a session",
        caption=course.title,
        button="Add session",
        cancel_url=detail,
        crumbs=breadcrumbs(PROGRAMME, (course.title, detail), ("Add a session", None)),
    )


def _session(request, pk):
    require_browse(request)
    return get_object_or_404(TrainingSession.objects.select_related("course").with_places(), pk=pk)


@require_GET
def session_detail(request, pk):
    session = _session(request, pk)
    practitioner = is_practitioner(request.user)
    context = {
        "session": session,
        "places": places_left(session),
        "practitioner": practitioner,
        "booking_tag": booking_tag,
        "cutoff": cancellation_cutoff(session),
        "crumbs": breadcrumbs(
            PROGRAMME,
            (session.course.title, reverse("workforce:course_detail", args=[session.course_id])),
            (f"{session.date:%-d %B %Y}", None),
        ),
        "trainers": session.trainers.select_related("person__agency"),
    }
    if practitioner:
        context["mine"] = Booking.objects.visible_to(request.user).active().filter(session=session).first()
    else:
        context["can_manage"] = can(request.user, "training.manage")
        context["can_mark"] = may_mark_attendance(request.user, session)
        if context["can_manage"] or context["can_mark"]:
            context["bookings"] = (
                Booking.objects.filter(session=session)
                .exclude(status=BookingStatus.CANCELLED)
                .select_related("practitioner__agency")
                .order_by("status", "joined_at", "pk")
            )
        context["results"] = measures.session_results(session)
        context["percent"], context["signed"] = measures.percent, measures.signed
    return render(request, "workforce/session_detail.html", context)


@require_http_methods(GET_POST)
@require("training.manage")
def session_edit(request, pk):
    session = get_object_or_404(TrainingSession.objects.select_related("course"), pk=pk)
    detail = reverse("workforce:session_detail", args=[pk])
    return edit_with_conflict(
        request,
        SessionForm(*bound(request), instance=session),
        lambda form: services.record_edit(form=form),
        template=FORM,
        context={
            "title": "Edit the session",
            "caption": session.course.title,
            "button": "Save session",
            "cancel_url": detail,
            "crumbs": breadcrumbs(PROGRAMME, (str(session), detail), ("Edit", None)),
        },
        what="This session",
        success_url=detail,
        success_message="Session updated",
    )


@require_http_methods(GET_POST)
def session_attendance(request, pk):
    session = _session(request, pk)
    if is_practitioner(request.user) or not may_mark_attendance(request.user, session):
        raise PermissionDenied
    detail = reverse("workforce:session_detail", args=[pk])
    bookings = Booking.objects.filter(session=session, status=BookingStatus.BOOKED).select_related(
        "practitioner__agency", "session"
    )
    form = AttendanceForm(*bound(request), bookings=bookings)
    if request.method == "POST" and form.is_valid():
        try:
            services_count = _record_attendance(session, form, request.user)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"Attendance recorded for {services_count} people")
            return redirect(detail)
    return _form(
        request,
        form,
        title="Mark attendance",
        caption=str(session),
        button="Save attendance",
        cancel_url=detail,
        crumbs=breadcrumbs(PROGRAMME, (str(session), detail), ("Attendance", None)),
        empty_text="Nobody is booked on this session." if not form.bookings else "",
    )


def _record_attendance(session, form, user):
    from ..bookings.services import attendance_record

    return attendance_record(session=session, marks=form.marks(), by=user)


@require_GET
@require("training.view")
def trainer_list(request):
    today = timezone.localdate()
    year_start = today.replace(month=1, day=1)
    trainers = Trainer.objects.select_related("person__agency").prefetch_related("courses")
    page, pagination = paginate(request, trainers, landmark="Pages of trainers")
    # Every agency whose trainers gave a session this year: 50 a page too, on its own page links.
    given = list(Trainer.objects.sessions_given_by_agency(start=year_start, end=today).items())
    agencies, agencies_pagination = paginate(
        request, given, param="agencies", anchor="by-agency", landmark="Pages of sessions given by agency"
    )
    return render(
        request,
        "workforce/trainer_list.html",
        {
            "page": page,
            "pagination": pagination,
            "can_manage": can(request.user, "training.manage"),
            "by_agency": agencies.object_list,
            "agencies": agencies.paginator.count,
            "agencies_pagination": agencies_pagination,
            "year": today.year,
        },
    )


@require_http_methods(GET_POST)
@require("training.manage")
def trainer_create(request):
    back = reverse("workforce:trainer_list")
    form = TrainerForm(*bound(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.trainer_create(form=form)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Trainer added to the training pool")
            return redirect(back)
    return _form(
        request,
        form,
        title="Add a trainer to the pool",
        button="Add trainer",
        cancel_url=back,
        crumbs=breadcrumbs(PROGRAMME, ("Training pool", back), ("Add a trainer", None)),
    )


@require_http_methods(GET_POST)
@require("training.manage")
def trainer_edit(request, pk):
    trainer = get_object_or_404(Trainer.objects.select_related("person"), pk=pk)
    back = reverse("workforce:trainer_list")
    return edit_with_conflict(
        request,
        TrainerForm(*bound(request), instance=trainer),
        lambda form: services.record_edit(form=form),
        template=FORM,
        context={
            "title": f"Edit trainer: {trainer.person.full_name}",
            "button": "Save trainer",
            "cancel_url": back,
            "crumbs": breadcrumbs(PROGRAMME, ("Training pool", back), ("Edit", None)),
        },
        what="This trainer",
        success_url=back,
        success_message="Trainer updated",
        duplicate_field="person",
    )


@require_http_methods(GET_POST)
@require("training.manage")
def domain_list(request):
    form = DomainForm(*bound(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.domain_add(
                domain=form.cleaned_data["domain"], agency=form.cleaned_data["agency"], by=request.user
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Email domain approved")
            return redirect("workforce:domain_list")
    domains = AgencyEmailDomain.objects.select_related("agency")
    return render(
        request,
        "workforce/domain_list.html",
        {"form": form, "domains": domains, "crumbs": breadcrumbs(PROGRAMME, ("Email domains", None))},
    )


@require_http_methods(GET_POST)
@require("training.manage")
def settings_edit(request):
    current = TrainingSettings.current()
    back = str(PROGRAMME[1])
    if current.partnership_id is None:  # no partnership set up yet: nothing to configure
        raise PermissionDenied
    return edit_with_conflict(
        request,
        SettingsForm(*bound(request), instance=current),
        lambda form: services.record_edit(form=form),
        template=FORM,
        context={
            "title": "Training programme settings",
            "button": "Save settings",
            "cancel_url": back,
            "crumbs": breadcrumbs(PROGRAMME, ("Settings", None)),
        },
        what="These settings",
        success_url=back,
        success_message="Settings saved",
    )


@require_POST
@require("training.manage")
def session_cancel(request, pk):
    session = get_object_or_404(TrainingSession, pk=pk)
    posted = request.POST.get("version", "")
    try:
        services.session_cancel(session=session, expected_version=int(posted) if posted.isdigit() else 0)
    except EditConflict:
        messages.error(request, conflict_message("this session"))
    else:
        messages.success(request, "Session cancelled")
    return redirect("workforce:session_detail", pk=pk)
