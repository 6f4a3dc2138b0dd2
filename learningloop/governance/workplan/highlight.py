"""The highlight report to an Executive meeting (Appendix A §2), generated from live data for the period
since the previous Executive meeting: activity delivered, progress against the work plan, learning
disseminated and agencies' responses, actions overdue, attendance by exception, barriers and risks escalated.
Each section is plain text the chair may edit before the report is issued; the Word and PDF documents are
made from the stored sections, so an issued report never changes."""

import datetime

from django.utils import timezone

from learningloop.core.dates import format_date
from learningloop.dissemination.models import AgencyResponse, Communication, EmbeddingRequest
from learningloop.improvement.models import Action

from ..meetings.report import attendance_by_exception
from ..models import LearningEvent, Meeting, MeetingStatus, RiskItem, WorkPlanItem, WorkPlanStatus

SECTIONS = (
    ("activity", "Activity delivered"),
    ("work_plan", "Progress against the work plan"),
    ("dissemination", "Learning disseminated and agencies' responses"),
    ("actions", "Actions overdue"),
    ("attendance", "Attendance by exception"),
    ("risks", "Barriers and risks escalated by the chair"),
)
ATTENDANCE_THRESHOLD = 75


def period_for(executive_meeting) -> tuple[datetime.date, datetime.date]:
    """From the day after the previous Executive meeting (or a year before) to this one."""
    previous = (
        Meeting.objects.filter(
            group_id=executive_meeting.group_id,
            status=MeetingStatus.SCHEDULED,
            date__lt=executive_meeting.date,
        )
        .order_by("-date")
        .first()
    )
    start = (
        previous.date + datetime.timedelta(days=1)
        if previous
        else executive_meeting.date - datetime.timedelta(days=365)
    )
    return start, executive_meeting.date


def _lines(items, empty):
    items = [i for i in items if i]
    return "\n".join(f"- {i}" for i in items) if items else empty


def generate_sections(*, group, start, end, today=None) -> list[dict]:
    today = today or timezone.localdate()
    meetings = Meeting.objects.filter(group=group, status=MeetingStatus.SCHEDULED).between(
        start, min(end, today)
    )
    events = LearningEvent.objects.filter(held_on__gte=start, held_on__lte=end)
    activity = [
        f"{m.group.display_name} met on {format_date(m.date)}"
        + (" (not quorate)" if m.quorate is False else "")
        for m in meetings.select_related("group")
    ] + [f"{e.get_kind_display()}: {e.title}, {format_date(e.held_on)}" for e in events]
    items = list(WorkPlanItem.objects.filter(group=group).order_by("activity", "due_on"))
    counts = {s.label: sum(1 for i in items if i.status == s) for s in WorkPlanStatus}
    work_plan = ", ".join(f"{label}: {n}" for label, n in counts.items() if n) or "No work plan items yet."
    behind = [
        f"{i.objective[:100]} ({i.get_status_display().lower()}, due {format_date(i.due_on)})"
        for i in items
        if i.status in (WorkPlanStatus.AT_RISK, WorkPlanStatus.DELAYED)
    ]
    if behind:
        work_plan += "\n" + _lines(behind, "")
    done = Communication.objects.filter(done_on__gte=start, done_on__lte=end).count()
    requests = (
        EmbeddingRequest.objects.to_embed().filter(sent_at__date__gte=start, sent_at__date__lte=end).count()
    )
    answered = (
        AgencyResponse.objects.to_embed()
        .filter(submitted_at__date__gte=start, submitted_at__date__lte=end)
        .count()
    )
    dissemination = (
        f"{done} communication{'s' if done != 1 else ''} of learning delivered; {requests} request"
        f"{'s' if requests != 1 else ''} to embed learning sent; {answered} agency response"
        f"{'s' if answered != 1 else ''} received."
    )
    overdue = list(
        Action.objects.overdue(today).select_related("owner_agency", "plan").order_by("due_on")[:20]
    )
    actions = _lines(
        [f"{a.plan.title}: due {format_date(a.due_on)}, {a.owner_agency.display_name}" for a in overdue],
        "No action is overdue.",
    )
    report = attendance_by_exception(group=group, start=start, end=end, threshold=ATTENDANCE_THRESHOLD)
    attendance = _lines(
        [
            f"{line.name} ({line.agency}): {line.attended} of {line.held} meetings ({line.rate}%)"
            for line in report.members
        ]
        + [
            f"Agency {line.name}: represented at {line.attended} of {line.held} meetings ({line.rate}%)"
            for line in report.agencies
        ],
        f"Every member and agency attended at least {ATTENDANCE_THRESHOLD}% of meetings.",
    )
    risks = _lines(
        [
            f"{r.title} (rating {r.get_rating_display().lower()}): escalated to {r.escalated_to} "
            f"on {format_date(r.escalated_on)}. "
            f"Mitigation: {r.mitigation or 'none recorded'}"
            for r in RiskItem.objects.filter(group=group, escalated_on__gte=start, escalated_on__lte=end)
        ],
        "No barrier or risk was escalated.",
    )
    texts = {
        "activity": _lines(activity, "No meetings or events in the period."),
        "work_plan": work_plan,
        "dissemination": dissemination,
        "actions": actions,
        "attendance": attendance,
        "risks": risks,
    }
    return [{"key": key, "heading": heading, "text": texts[key]} for key, heading in SECTIONS]
