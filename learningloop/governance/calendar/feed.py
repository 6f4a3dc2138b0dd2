"""The iCalendar feed of one person's meetings (RFC 5545, made with the `icalendar` package). Each meeting
keeps one UID for ever; a move or a cancellation raises its SEQUENCE, and a cancelled meeting stays in
the feed with STATUS:CANCELLED, so calendar programs update or remove the event instead of keeping a
stale copy."""

import icalendar
from django.conf import settings
from django.urls import reverse

from learningloop.core.emails import site_url

from ..models import Meeting


def meeting_uid(meeting) -> str:
    return f"meeting-{meeting.pk}@learningloop"


def feed_bytes(person_id) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Learning Loop//Partnership meetings//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Partnership meetings")
    if person_id is not None:
        meetings = Meeting.objects.for_person(person_id).select_related("group").order_by("date", "pk")
        for meeting in meetings:
            calendar.add_component(_event(meeting))
    return calendar.to_ical()


def _event(meeting) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", meeting_uid(meeting))
    event.add("summary", str(meeting))
    event.add("dtstart", meeting.starts_at)
    event.add("dtend", meeting.ends_at)
    event.add("dtstamp", meeting.updated_at)
    event.add("last-modified", meeting.updated_at)
    event.add("sequence", meeting.sequence)
    event.add("status", "CANCELLED" if meeting.is_cancelled else "CONFIRMED")
    if meeting.place:
        event.add("location", meeting.place)
    link = site_url(reverse("governance:meeting_detail", args=[meeting.pk]))
    event.add("url", link)
    description = f"Agenda and papers: {link}"
    if meeting.online_link:
        description += f"\nJoin online: {meeting.online_link}"
    event.add("description", description)
    return event


CONTENT_TYPE = f"text/calendar; charset={getattr(settings, 'DEFAULT_CHARSET', 'utf-8')}"
