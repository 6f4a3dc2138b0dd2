"""The chair's attendance report by exception (Appendix A §3): over a chosen period, the members and the
agencies whose attendance falls below a threshold, with the reasons given for apologies. Only meetings that
took place and whose attendance was recorded count; cancelled meetings are ignored. A member counts as
attending when present in person; an agency counts as represented when any of its seats was present or
sent a deputy. Three queries, however many meetings and members."""

from collections import defaultdict
from dataclasses import dataclass, field

from learningloop.partnership.models import Membership

from ..models import Attendance, AttendanceStatus, Meeting, MeetingStatus


@dataclass
class Line:
    name: str
    agency: str
    held: int = 0
    attended: int = 0
    reasons: list = field(default_factory=list)

    @property
    def rate(self) -> int:
        return round(100 * self.attended / self.held) if self.held else 100


@dataclass
class AttendanceReport:
    meetings: list
    members: list  # Lines below the threshold
    agencies: list
    threshold: int


def attendance_by_exception(*, group, start, end, threshold) -> AttendanceReport:
    meetings = list(
        Meeting.objects.filter(group=group, status=MeetingStatus.SCHEDULED, quorate__isnull=False)
        .between(start, end)
        .order_by("date", "pk")
    )
    seats = list(
        Membership.objects.filter(group=group, start_date__lte=end)
        .exclude(end_date__lt=start)
        .select_related("person", "representing")
    )
    records = {
        (a.meeting_id, a.membership_id): a
        for a in Attendance.objects.filter(meeting__in=[m.pk for m in meetings])
    }
    members: dict[int, Line] = {}
    agency_held: dict[int, set] = defaultdict(set)
    agency_present: dict[int, set] = defaultdict(set)
    agency_names = {}
    for seat in seats:
        line = members.setdefault(seat.person_id, Line(seat.person.full_name, seat.representing.display_name))
        agency_names[seat.representing_id] = seat.representing.display_name
        for meeting in meetings:
            if meeting.date < seat.start_date or (seat.end_date and meeting.date > seat.end_date):
                continue
            line.held += 1
            agency_held[seat.representing_id].add(meeting.pk)
            record = records.get((meeting.pk, seat.pk))
            status = record.status if record else None
            if status == AttendanceStatus.PRESENT:
                line.attended += 1
            if status in (AttendanceStatus.PRESENT, AttendanceStatus.DEPUTY):
                agency_present[seat.representing_id].add(meeting.pk)
            if (
                record
                and record.status in (AttendanceStatus.APOLOGIES, AttendanceStatus.DEPUTY)
                and record.apology_reason
            ):
                line.reasons.append((meeting.date, record.apology_reason))
    agencies = [
        Line(agency_names[a], agency_names[a], held=len(held), attended=len(agency_present[a]))
        for a, held in agency_held.items()
    ]

    def below(lines):
        return sorted((x for x in lines if x.held and x.rate < threshold), key=lambda x: (x.rate, x.name))

    return AttendanceReport(meetings, below(members.values()), below(agencies), threshold)
