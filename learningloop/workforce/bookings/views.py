"""A practitioner's own pages: their training (bookings, waiting lists, offers, history, certificates),
booking a session, cancelling, accepting an offered place, the evaluation stages and the certificate."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from learningloop.core.breadcrumbs import breadcrumbs
from learningloop.core.documents import render_pdf
from learningloop.core.views_kit import apply_errors, bound

from ..access import is_practitioner, own_booking
from ..models import ACTIVE_BOOKING, Booking, EvaluationStage, TrainingSession
from ..presenters import booking_tag
from ..rules import cancellation_cutoff, certificate_available, evaluation_refusal
from . import services
from .forms import STAGE_FORMS

MINE = ("Your training", reverse_lazy("workforce:my_training"))


def _require_practitioner(request):
    if not is_practitioner(request.user):
        raise PermissionDenied


@require_GET
def my_training(request):
    _require_practitioner(request)
    today = timezone.localdate()
    bookings = list(
        Booking.objects.visible_to(request.user)
        .select_related("session__course")
        .prefetch_related("evaluations")
        .order_by("-session__date", "-pk")
    )
    rows = []
    for b in bookings:
        stages = {e.stage for e in b.evaluations.all()}
        rows.append(
            {
                "booking": b,
                "tag": booking_tag(b),
                "certificate": certificate_available(b, stages),
                "due": [
                    s
                    for s in EvaluationStage.values
                    if s not in stages and evaluation_refusal(b, s, today) is None
                ],
            }
        )
    upcoming = [
        r for r in rows if r["booking"].status in ACTIVE_BOOKING and r["booking"].session.date >= today
    ]
    history = [r for r in rows if r not in upcoming]
    return render(
        request,
        "workforce/my_training.html",
        {"upcoming": upcoming, "history": history, "stage_labels": dict(EvaluationStage.choices)},
    )


@require_POST
def booking_create(request, pk):
    _require_practitioner(request)
    session = get_object_or_404(TrainingSession, pk=pk)
    try:
        booking = services.booking_create(session=session, practitioner=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("workforce:session_detail", pk=pk)
    if booking.status == "booked":
        messages.success(request, "Your place is booked. We have emailed you the joining instructions")
    else:
        messages.success(
            request, "The session is full: you are on the waiting list. We will email you if a place is free"
        )
    return redirect("workforce:booking_detail", pk=booking.pk)


@require_GET
def booking_detail(request, pk):
    booking = own_booking(request, pk)
    stages = set(booking.evaluations.values_list("stage", flat=True))
    today = timezone.localdate()
    return render(
        request,
        "workforce/booking_detail.html",
        {
            "booking": booking,
            "session": booking.session,
            "tag": booking_tag(booking),
            "cutoff": cancellation_cutoff(booking.session),
            "today": today,
            "certificate": certificate_available(booking, stages),
            "stages": [
                {
                    "key": k,
                    "label": label,
                    "done": k in stages,
                    "refusal": evaluation_refusal(booking, k, today),
                }
                for k, label in EvaluationStage.choices
            ],
            "crumbs": breadcrumbs(MINE, (str(booking.session), None)),
        },
    )


def _act(request, pk, service, done):
    booking = own_booking(request, pk)
    try:
        service(booking=booking)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done)
    return redirect("workforce:booking_detail", pk=pk)


@require_POST
def booking_cancel(request, pk):
    return _act(request, pk, services.booking_cancel, "Cancelled")


@require_POST
def booking_accept(request, pk):
    return _act(
        request,
        pk,
        services.booking_accept,
        "Your place is booked. We have emailed you the joining instructions",
    )


@require_http_methods(["GET", "POST"])
def evaluation(request, pk, stage):
    booking = own_booking(request, pk)
    if stage not in STAGE_FORMS:
        raise Http404
    detail = reverse("workforce:booking_detail", args=[pk])
    today = timezone.localdate()
    done = booking.evaluations.filter(stage=stage).exists()
    refusal = (
        "You have already given this part of the evaluation. Thank you"
        if done
        else evaluation_refusal(booking, stage, today)
    )
    form = STAGE_FORMS[stage](*bound(request)) if refusal is None else None
    if form is not None and request.method == "POST" and form.is_valid():
        try:
            services.evaluation_record(booking=booking, stage=stage, answers=form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Thank you: your evaluation is recorded")
            return redirect(detail)
    status = 409 if refusal and request.method == "POST" else 200
    return render(
        request,
        "workforce/evaluation.html",
        {
            "booking": booking,
            "form": form,
            "refusal": refusal,
            "stage_label": EvaluationStage(stage).label,
            "cancel_url": detail,
            "crumbs": breadcrumbs(MINE, (str(booking.session), detail), ("Evaluation", None)),
        },
        status=status,
    )


@require_GET
def certificate(request, pk):
    booking = own_booking(request, pk)
    stages = set(booking.evaluations.values_list("stage", flat=True))
    if not certificate_available(booking, stages):
        return render(request, "workforce/certificate_unavailable.html", {"booking": booking}, status=409)
    html = render_to_string(
        "workforce/certificate_pdf.html", {"booking": booking, "session": booking.session}, using="jinja2"
    )
    response = HttpResponse(render_pdf(html).write_pdf(), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{booking.pk}.pdf"'
    return response
