"""Writes for bookings, offers, attendance and evaluations. Keyword-only, validated, atomic.

Capacity is decided with the session row locked (`select_for_update`): two people booking the last place
at the same moment on PostgreSQL queue on that lock, so exactly one gets the place and the other joins the
waiting list. (SQLite serialises writers anyway.) Every email goes through the reminder ledger
(core.reminders.reminder_send_once), so each is sent once however often the daily run repeats. Every write
here counts its sessions' tallies again in its own transaction (tallies.session_tallies_update, ADR 0043), and
takes the session's lock before any booking's, as the tallies do."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from learningloop.core.reminders import reminder_send_once

from .. import emails
from ..models import (
    NON_ATTENDANCE,
    TAKING_A_PLACE,
    Attendance,
    Booking,
    BookingStatus,
    Evaluation,
    EvaluationStage,
    SessionStatus,
    TrainingSession,
    TrainingSettings,
)
from ..rules import cancellation_cutoff, evaluation_refusal, offer_expiry
from ..tallies import session_tallies_update

ALREADY_BOOKED = "You already have a place on this session or are on its waiting list"
NOT_OPEN = "This session is no longer open for booking"


def _send(kind, booking, recipient, remind_on, email) -> bool:
    return reminder_send_once(kind=kind, obj=booking, recipient=recipient, remind_on=remind_on, email=email)


def _confirm(booking):
    """A confirmed place gets its joining instructions and the before-session evaluation link, once."""
    _send(
        "training-place-confirmed",
        booking,
        booking.practitioner.email,
        booking.session.date,
        emails.training_place_confirmed(booking=booking),
    )


def _locked_session(session) -> TrainingSession:
    return TrainingSession.objects.select_for_update().select_related("course").get(pk=session.pk)


def _places_taken(session) -> int:
    return Booking.objects.filter(session=session, status__in=TAKING_A_PLACE).count()


@transaction.atomic
def booking_create(*, session, practitioner, today=None) -> Booking:
    """Book a place, or join the waiting list when the session is full (or others are already waiting)."""
    today = today or timezone.localdate()
    session = _locked_session(session)
    if session.status != SessionStatus.SCHEDULED or session.date < today:
        raise ValidationError(NOT_OPEN)
    if Booking.objects.filter(session=session, practitioner=practitioner).active().exists():
        raise ValidationError(ALREADY_BOOKED)
    waiting = Booking.objects.filter(session=session, status=BookingStatus.WAITING).exists()
    full = _places_taken(session) >= session.capacity
    booking = Booking(
        session=session,
        practitioner=practitioner,
        status=BookingStatus.WAITING if (full or waiting) else BookingStatus.BOOKED,
    )
    booking.full_clean()
    booking.save()
    session_tallies_update(session_ids=[session.pk])
    if booking.status == BookingStatus.BOOKED:
        _confirm(booking)
    return booking


def _offer_free_places(session, today):
    """Offer each free place to the next person waiting, in the order they joined (called with the
    session locked)."""
    settings = TrainingSettings.current()
    free = session.capacity - _places_taken(session)
    offered = []
    for booking in (
        Booking.objects.filter(session=session)
        .waiting_in_order()
        .select_related("practitioner")[: max(free, 0)]
    ):
        booking.status = BookingStatus.OFFERED
        booking.offered_at = timezone.now()
        booking.offer_expires_on = offer_expiry(session, today, settings)
        booking.save(update_fields=["status", "offered_at", "offer_expires_on"])
        booking.session = session
        _send(
            "training-place-offered",
            booking,
            booking.practitioner.email,
            today,
            emails.training_place_offered(booking=booking),
        )
        offered.append(booking)
    return offered


@transaction.atomic
def booking_cancel(*, booking, today=None) -> Booking:
    """Cancel a place (up to the cut-off), leave a waiting list, or decline an offered place. A freed place
    is offered to the waiting list straight away."""
    today = today or timezone.localdate()
    session = _locked_session(booking.session)
    booking = Booking.objects.select_for_update().get(pk=booking.pk)
    if booking.status not in (BookingStatus.BOOKED, BookingStatus.OFFERED, BookingStatus.WAITING):
        raise ValidationError("This booking is already cancelled")
    if booking.status == BookingStatus.BOOKED:
        cutoff = cancellation_cutoff(session)
        if today > cutoff:
            raise ValidationError(
                f"Places on this session could be cancelled until {cutoff.day} {cutoff:%B %Y}. "
                "Tell the business unit if you cannot attend: it will be recorded as a late cancellation"
            )
    frees_a_place = booking.takes_a_place
    booking.status = BookingStatus.CANCELLED
    booking.cancelled_at = timezone.now()
    booking.save(update_fields=["status", "cancelled_at"])
    if frees_a_place and session.date >= today:
        _offer_free_places(session, today)
    session_tallies_update(session_ids=[session.pk])
    return booking


@transaction.atomic
def booking_accept(*, booking, today=None) -> Booking:
    """Accept an offered place before the offer expires."""
    today = today or timezone.localdate()
    session = _locked_session(booking.session)
    booking = Booking.objects.select_for_update().select_related("practitioner").get(pk=booking.pk)
    if booking.status != BookingStatus.OFFERED:
        raise ValidationError("There is no place on offer to you for this session")
    if booking.offer_expires_on < today:
        raise ValidationError("This offer has expired and the place has gone to the next person waiting")
    booking.status = BookingStatus.BOOKED
    booking.save(update_fields=["status"])
    session_tallies_update(session_ids=[session.pk])
    booking.session = session
    _confirm(booking)
    return booking


@transaction.atomic
def booking_expire_offers(*, today=None) -> int:
    """Offers not accepted in time lapse; each place goes to the next person waiting. Returns how many
    offers lapsed."""
    today = today or timezone.localdate()
    lapsed = 0
    session_ids = list(
        Booking.objects.filter(status=BookingStatus.OFFERED, offer_expires_on__lt=today)
        .values_list("session_id", flat=True)
        .distinct()
    )
    for session in TrainingSession.objects.filter(pk__in=session_ids).order_by("pk"):
        session = _locked_session(session)
        lapsed += Booking.objects.filter(
            session=session, status=BookingStatus.OFFERED, offer_expires_on__lt=today
        ).update(status=BookingStatus.OFFER_LAPSED)
        if session.date >= today and session.status == SessionStatus.SCHEDULED:
            _offer_free_places(session, today)
    session_tallies_update(session_ids=session_ids)
    return lapsed


@transaction.atomic
def attendance_record(*, session, marks: dict, by, today=None) -> int:
    """Mark attendance for the session's booked practitioners: {booking id: Attendance value}. The session
    must have started. The post-session evaluation link goes to those who attended; the line manager of a
    practitioner who did not attend is told when the partnership says so. Returns how many were marked."""
    today = today or timezone.localdate()
    session = _locked_session(session)
    if session.date > today:
        raise ValidationError("Attendance can be marked on or after the day of the session")
    bookings = {
        b.pk: b
        for b in Booking.objects.filter(session=session, status=BookingStatus.BOOKED).select_related(
            "practitioner__practitioner"
        )
    }
    unknown = set(marks) - set(bookings)
    if unknown:
        raise ValidationError("Mark attendance only for people booked on this session")
    if any(value not in Attendance.values for value in marks.values()):
        raise ValidationError("Choose attended, late cancellation or did not attend for each person")
    settings = TrainingSettings.current()
    changed = 0
    for pk, value in marks.items():
        booking = bookings[pk]
        if booking.attendance == value:
            continue
        booking.attendance = value
        booking.attendance_marked_by = by if getattr(by, "is_authenticated", False) else None
        booking.save(update_fields=["attendance", "attendance_marked_by"])
        booking.session = session
        changed += 1
        if value == Attendance.ATTENDED:
            _send(
                "training-evaluation-after",
                booking,
                booking.practitioner.email,
                session.date,
                emails.training_evaluation_link(booking=booking, stage=EvaluationStage.AFTER),
            )
        elif value in NON_ATTENDANCE and settings.tell_manager_of_non_attendance:
            profile = getattr(booking.practitioner, "practitioner", None)
            if profile and profile.manager_email:
                _send(
                    "training-non-attendance",
                    booking,
                    profile.manager_email,
                    session.date,
                    emails.training_non_attendance(
                        booking=booking,
                        manager_name=profile.manager_name,
                        manager_email=profile.manager_email,
                    ),
                )
    if changed:
        session_tallies_update(session_ids=[session.pk])
    return changed


STAGE_FIELDS = {
    EvaluationStage.BEFORE: ("confidence", "knowledge"),
    EvaluationStage.AFTER: ("confidence", "knowledge", "learned"),
    EvaluationStage.FOLLOW_UP: ("practice_changed", "practice_change", "line_manager_name"),
}


@transaction.atomic
def evaluation_record(*, booking, stage, answers: dict, today=None) -> Evaluation:
    """Record one stage of a practitioner's evaluation of a session, once."""
    today = today or timezone.localdate()
    # The session first, then the booking: the order every write here (and the tallies) takes locks in.
    session = _locked_session(booking.session)
    booking = Booking.objects.select_for_update().get(pk=booking.pk)
    booking.session = session
    if stage not in EvaluationStage.values:
        raise ValidationError("Unknown evaluation stage")
    if refusal := evaluation_refusal(booking, stage, today):
        raise ValidationError(refusal)
    if Evaluation.objects.filter(booking=booking, stage=stage).exists():
        raise ValidationError("You have already given this part of the evaluation")
    evaluation = Evaluation(booking=booking, stage=stage, **{k: answers.get(k) for k in STAGE_FIELDS[stage]})
    for name in ("learned", "practice_change", "line_manager_name"):
        if getattr(evaluation, name) is None:
            setattr(evaluation, name, "")
    evaluation.full_clean()
    evaluation.save()
    session_tallies_update(session_ids=[session.pk])
    return evaluation
