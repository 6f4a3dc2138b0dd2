"""Governance at scale: each year the Learning and Development Group and the Executive Group meet at the
frequency of their terms of reference (every two months unless set), each meeting with its papers and
minutes deadlines, an agenda of four to six items with their papers' metadata (name, type and size; no file
is written), the attendance of every seat current on the day and one to three decisions once held; and the
LDG's annual work plan of about twenty items. Everything with bulk_create."""

import datetime

from dateutil.relativedelta import relativedelta

from learningloop.core import workdays
from learningloop.governance.models import (
    AgendaItem,
    AgendaPaper,
    Attendance,
    AttendanceStatus,
    Decision,
    Meeting,
    MeetingDeadline,
    MeetingDeadlineKind,
    MeetingStatus,
    WorkPlanActivity,
    WorkPlanItem,
    WorkPlanStatus,
)
from learningloop.partnership.models import Group, Membership
from learningloop.partnership.preset import EXECUTIVE

from .common import Context, bulk
from .words import TOPICS

ITEMS = ["Minutes and actions of the last meeting", "Highlight report", "Risk and barrier log"]
STATUSES = [AttendanceStatus.PRESENT] * 8 + [AttendanceStatus.APOLOGIES, AttendanceStatus.ABSENT]


def _groups():
    ldg = Group.objects.filter(name__icontains="Learning and Development").order_by("pk").first()
    executive = Group.objects.filter(name=EXECUTIVE).order_by("pk").first()
    return [g for g in (ldg, executive) if g is not None], ldg


def _meeting_dates(ctx, group):
    every = group.meetings_every_months or 2
    day = workdays.next_working_day(ctx.start + datetime.timedelta(days=ctx.rng.randint(7, 20)))
    months = 0
    while True:
        date = workdays.next_working_day(day + relativedelta(months=months))
        # A year ahead of today too: the next meetings are scheduled.
        if date > ctx.today + relativedelta(years=1):
            return
        yield date
        months += every


def build_governance(ctx: Context) -> tuple[int, int, int, int, int]:
    rng = ctx.rng
    groups, ldg = _groups()
    if not groups:
        return 0, 0, 0, 0, 0
    seats = {
        g.pk: list(
            Membership.objects.filter(group=g).values_list("pk", "person_id", "start_date", "end_date")
        )
        for g in groups
    }
    meetings = []
    for group in groups:
        for date in _meeting_dates(ctx, group):
            held = date <= ctx.today
            cancelled = held and rng.random() < 0.03
            meetings.append(
                Meeting(
                    group=group,
                    date=date,
                    start_time=datetime.time(10, 0),
                    end_time=datetime.time(12, 0),
                    place="Council House, Committee Room 2",
                    status=MeetingStatus.CANCELLED if cancelled else MeetingStatus.SCHEDULED,
                    cancelled_reason="The chair was unwell" if cancelled else "",
                    quorate=(rng.random() < 0.9) if held and not cancelled else None,
                )
            )
    meetings = bulk(Meeting, meetings)
    deadlines, items, attendance, decisions = [], [], [], []
    for meeting in meetings:
        meeting.group = next(g for g in groups if g.pk == meeting.group_id)
        due = meeting.deadline_dates()
        held = meeting.date <= ctx.today and meeting.status == MeetingStatus.SCHEDULED
        papers_done = (
            due[MeetingDeadlineKind.PAPERS] if held or due[MeetingDeadlineKind.PAPERS] < ctx.today else None
        )
        minutes_done = (
            due[MeetingDeadlineKind.MINUTES]
            if held and due[MeetingDeadlineKind.MINUTES] < ctx.today
            else None
        )
        deadlines += [
            MeetingDeadline(
                meeting_id=meeting.pk,
                kind=MeetingDeadlineKind.PAPERS,
                due_on=due[MeetingDeadlineKind.PAPERS],
                done_on=papers_done,
            ),
            MeetingDeadline(
                meeting_id=meeting.pk,
                kind=MeetingDeadlineKind.MINUTES,
                due_on=due[MeetingDeadlineKind.MINUTES],
                done_on=minutes_done,
            ),
        ]
        if papers_done:
            meeting.pack_published_on = papers_done
        if minutes_done:
            meeting.minutes_sent_on = minutes_done
        titles = ITEMS + [f"Learning on {t.lower()}" for t in rng.sample(TOPICS, rng.randint(1, 3))]
        for position, title in enumerate(titles, start=1):
            items.append(AgendaItem(meeting_id=meeting.pk, position=position, title=title[:200]))
        if held:
            for pk, _person, start, end in seats.get(meeting.group_id, []):
                if start <= meeting.date and (end is None or end >= meeting.date):
                    attendance.append(
                        Attendance(meeting_id=meeting.pk, membership_id=pk, status=rng.choice(STATUSES))
                    )
            decisions += [
                Decision(
                    meeting_id=meeting.pk, text=f"Agreed: {rng.choice(TOPICS).lower()} to be taken forward"
                )
                for _ in range(rng.randint(1, 3))
            ]
    Meeting.objects.bulk_update(
        [m for m in meetings if m.pack_published_on or m.minutes_sent_on],
        ["pack_published_on", "minutes_sent_on"],
        batch_size=2000,
    )
    bulk(MeetingDeadline, deadlines)
    items = bulk(AgendaItem, items)
    bulk(Attendance, attendance)
    bulk(Decision, decisions)
    by_meeting = {m.pk: m for m in meetings}
    papers = []
    for item in items:
        if item.position == 1:
            continue
        meeting = by_meeting[item.meeting_id]
        uploaded = meeting.pack_published_on or meeting.date - datetime.timedelta(days=7)
        papers.append(
            AgendaPaper(
                item_id=item.pk,
                file=f"meeting-papers/large-{item.pk}.pdf",
                original_name=f"{item.title[:80]}.pdf",
                content_type="application/pdf",
                size=rng.randint(40_000, 900_000),
                uploaded_at=ctx.moment(uploaded),
                late=rng.random() < 0.08,
            )
        )
    bulk(AgendaPaper, papers)
    plan = []
    if ldg is not None:
        activities = list(WorkPlanActivity.values)
        for first, _last in ctx.year_spans():
            for n in range(ctx.n(20, minimum=3)):
                due_on = first + datetime.timedelta(days=rng.randint(60, 364))
                complete = due_on < ctx.today and rng.random() < 0.8
                plan.append(
                    WorkPlanItem(
                        group=ldg,
                        year=first.year,
                        activity=activities[n % len(activities)],
                        objective=f"{rng.choice(TOPICS)}: plan, deliver and evaluate the year's work",
                        owner=rng.choice(ctx.people) if ctx.people else None,
                        due_on=due_on,
                        status=WorkPlanStatus.COMPLETE
                        if complete
                        else rng.choice(
                            [WorkPlanStatus.ON_TRACK, WorkPlanStatus.AT_RISK, WorkPlanStatus.DELAYED]
                        ),
                        completed_on=due_on - datetime.timedelta(days=rng.randint(0, 30))
                        if complete
                        else None,
                    )
                )
        bulk(WorkPlanItem, plan)
    return len(meetings), len(attendance), len(papers), len(decisions), len(plan)
