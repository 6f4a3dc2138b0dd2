"""Writes for the training programme: courses, sessions, the training pool, email domains, settings."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from learningloop.core.concurrency import claim_version
from learningloop.core.reminders import reminder_send_once

from .. import emails
from ..models import AgencyEmailDomain, Booking, BookingStatus, SessionStatus
from ..tallies import session_tallies_update


@transaction.atomic
def course_create(*, form):
    course = form.instance
    course.full_clean()
    form.save()
    return course


@transaction.atomic
def record_edit(*, form):
    """Save an edit form of a versioned record (course, session, trainer, settings) after claiming its
    version (someone else's save since the form opened raises EditConflict)."""
    claim_version(form.instance, form.cleaned_data.get("version"))
    form.instance.full_clean()
    return form.save()


@transaction.atomic
def session_create(*, form, course):
    form.instance.course = course
    form.instance.full_clean()
    return form.save()


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
