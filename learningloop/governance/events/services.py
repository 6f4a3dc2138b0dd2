"""Writes for learning events and their attendance by agency."""

from django.db import transaction

from learningloop.core.concurrency import bump_version, claim_version

from ..models import EventAttendance, LearningEvent


@transaction.atomic
def learning_event_save(*, event: LearningEvent, key_messages=None, expected_version=None) -> LearningEvent:
    if event.pk and expected_version is not None:
        claim_version(event, expected_version)
    event.full_clean()
    event.save()
    if key_messages is not None:
        event.key_messages.set(key_messages)
    return event


@transaction.atomic
def event_attendance_record(*, event: LearningEvent, counts: dict) -> LearningEvent:
    """Replace the attendance by agency (agency -> number); an agency with 0 has no row."""
    event.attendance.all().delete()
    EventAttendance.objects.bulk_create(
        [EventAttendance(event=event, agency=agency, attendees=n) for agency, n in counts.items() if n]
    )
    bump_version(event)
    return event
