"""The governance area's figure on the agency contribution scorecard (core.contributions): attendance at
the Learning and Development Group. As in the attendance report (report.py): only LDG meetings that took
place before today and whose attendance was recorded count, cancelled ones are ignored; a meeting counts
for an agency that held a seat on the day, and as attended when any of its seats was present or sent a
deputy. Three queries, however many meetings and agencies."""

from collections import defaultdict

from django.urls import reverse

from learningloop.core.contributions import Figure, register
from learningloop.partnership.models import LDG_NAME, Membership

from ..models import Attendance, AttendanceStatus, Meeting, MeetingStatus

ATTENDED = (AttendanceStatus.PRESENT, AttendanceStatus.DEPUTY)


def ldg_attendance(agency_ids, today):
    meetings = list(
        Meeting.objects.filter(
            group__name__icontains=LDG_NAME,
            status=MeetingStatus.SCHEDULED,
            quorate__isnull=False,
            date__lt=today,
        ).values_list("pk", "group_id", "date")
    )
    if not meetings:
        return {}
    seats = list(
        Membership.objects.filter(
            representing_id__in=agency_ids, group_id__in={group for _, group, _ in meetings}
        ).values_list("pk", "group_id", "representing_id", "start_date", "end_date")
    )
    attended = set(
        Attendance.objects.filter(
            meeting_id__in=[pk for pk, _, _ in meetings], status__in=ATTENDED
        ).values_list("meeting_id", "membership_id")
    )
    held, present = defaultdict(set), defaultdict(set)
    for seat, seat_group, agency_id, start, end in seats:
        for meeting, group, date in meetings:
            if group != seat_group or date < start or (end and date > end):
                continue
            held[agency_id].add(meeting)
            if (meeting, seat) in attended:
                present[agency_id].add(meeting)
    return {agency_id: (len(present[agency_id]), len(ids)) for agency_id, ids in held.items()}


def register_figures():
    register(
        Figure(
            "governance.ldg_attendance",
            "LDG meetings attended",
            50,
            ldg_attendance,
            lambda agency: reverse("governance:meeting_list") + "?when=past",
            "Learning and Development Group meetings held so far (not cancelled) where the agency was "
            "present or sent a deputy",
        )
    )
