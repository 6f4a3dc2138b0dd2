"""Writes for the training programme: courses, sessions, the training pool, email domains, settings."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from learningloop.core.concurrency import claim_version
from learningloop.core.reminders import reminder_send_once
from learningloop.learning.loop import loop_touched

from .. import emails
from ..models import AgencyEmailDomain, Booking, BookingStatus, Course, SessionStatus, TrainingSession
from ..tallies import session_tallies_update, year_tallies_of_sessions


def _messages_carried(record) -> set:
    """The key messages a course, or a session's course, carries: training counts as their dissemination
    (the trail's loop, ADR 0044)."""
    if isinstance(record, TrainingSession):
        record = record.course
    if not isinstance(record, Course) or record.pk is None:
        return set()
    return set(record.key_messages.values_list("pk", flat=True))


@transaction.atomic
def course_create(*, form):
    course = form.instance
    course.full_clean()
    form.save()
    loop_touched(_messages_carried(course))
    return course


@transaction.atomic
def record_edit(*, form):
    """Save an edit form of a versioned record (course, session, trainer, settings) after claiming its
    version (someone else's save since the form opened raises EditConflict)."""
    claim_version(form.instance, form.cleaned_data.get("version"))
    form.instance.full_clean()
    carried = _messages_carried(form.instance)  # before: a course may stop carrying a message
    if isinstance(form.instance, TrainingSession):
        # A session's date, course or places are in its years' tallies (ADR 0049).
        record = year_tallies_of_sessions([form.instance.pk], form.save)
    else:
        record = form.save()
    loop_touched(carried | _messages_carried(record))
    return record


@transaction.atomic
def session_create(*, form, course):
    form.instance.course = course
    form.instance.full_clean()
    session = form.save()
    year_tallies_of_sessions([session.pk])  # its course's year counts one more session
    loop_touched(_messages_carried(session))
    return session


@transaction.atomic
def trainer_create(*, form):
    form.instance.full_clean()
    return form.save()


@transaction.atomic
def session_cancel(*, session, expected_version):
    """Cancel a session: every place booked or offered and every place in its waiting list is released
    (status "session cancelled") and each of those people gets one email with the link to their booking."""
    claim_version(session, expected_version)
    session.status = SessionStatus.CANCELLED
    session.save(update_fields=["status"])
    released = list(
        Booking.objects.filter(session=session).active().select_related("practitioner").order_by("pk")
    )
    Booking.objects.filter(pk__in=[b.pk for b in released]).update(
        status=BookingStatus.SESSION_CANCELLED, cancelled_at=timezone.now()
    )
    session_tallies_update(session_ids=[session.pk])
    loop_touched(_messages_carried(session))
    for booking in released:
        was_waiting = booking.status == BookingStatus.WAITING
        booking.status = BookingStatus.SESSION_CANCELLED
        booking.session = session
        if booking.practitioner.email:
            reminder_send_once(
                kind="training-session-cancelled",
                obj=booking,
                recipient=booking.practitioner.email,
                remind_on=session.date,
                email=emails.training_session_cancelled(booking=booking, was_waiting=was_waiting),
            )
    return session


def domain_add(*, domain: str, agency, by) -> AgencyEmailDomain:
    """The business unit approves a work email domain for an agency's practitioners."""
    row = AgencyEmailDomain(
        domain=domain, agency=agency, added_by=by if getattr(by, "is_authenticated", False) else None
    )
    if AgencyEmailDomain.objects.filter(domain__iexact=domain).exists():
        raise ValidationError({"domain": "This domain is already known"})
    row.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            row.save()
    except IntegrityError:
        raise ValidationError({"domain": "This domain is already known"}) from None
    return row
