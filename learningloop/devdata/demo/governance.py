"""Demo governance: a year of Learning and Development Group meetings (alternate months) and Executive
meetings (quarterly) with agendas, papers on time and late, minutes on time and late, one inquorate LDG
meeting whose decision is ratified at the next, a member with poor attendance, meeting actions; a work plan
in progress, risks and barriers, issued and draft highlight reports, policies due for review, learning
events with attendance by agency. Fictional content only.

Safe to repeat: nothing is added once the LDG has meetings. Needs `load_framework` and the partnership
demo."""

import datetime

from dateutil.relativedelta import relativedelta
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from learningloop.core import workdays
from learningloop.governance.meetings import services
from learningloop.governance.models import (
    AgendaItem,
    AttendanceStatus,
    EventAttendance,
    HighlightReport,
    HighlightStatus,
    LearningEvent,
    Meeting,
    PolicyChange,
    PolicyDocument,
    RiskItem,
    WorkPlanItem,
)
from learningloop.governance.workplan.highlight import generate_sections, period_for
from learningloop.learning.models import KeyMessage
from learningloop.partnership.models import Agency, Group, MembershipRole, Person
from learningloop.partnership.preset import EXECUTIVE, LDG

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def _working(day):
    return day if workdays.is_working_day(day) else workdays.next_working_day(day)


def _meeting(group, day, *, published=None, minutes=None, place="Council House, Solihull"):
    return services.meeting_create(
        meeting=Meeting(
            group=group,
            date=day,
            start_time=datetime.time(10, 0),
            end_time=datetime.time(12, 0),
            place=place,
            online_link="https://teams.example.org/ldg",
            pack_published_on=published,
            minutes_sent_on=minutes,
        )
    )


def _agenda(meeting, owner, titles, late_paper_on=None):
    for n, title in enumerate(titles, start=1):
        item = services.agenda_item_save(
            item=AgendaItem(meeting=meeting, title=title, owner=owner, position=n)
        )
        on = (
            late_paper_on
            if (late_paper_on and n == len(titles))
            else workdays.add_working_days(meeting.date, -7)
        )
        services.agenda_paper_upload(
            item=item,
            upload=SimpleUploadedFile(f"{title}.pdf", PDF, content_type="application/pdf"),
            today=on,
        )


def _attendance(meeting, seats, *, poor, away=()):
    rows = []
    for seat in seats:
        if seat == poor:
            rows.append((seat, AttendanceStatus.APOLOGIES, "Clash with school inspection", None))
        elif seat.representing.statutory_role in away:
            rows.append((seat, AttendanceStatus.APOLOGIES, "Annual leave", None))
        else:
            rows.append((seat, AttendanceStatus.PRESENT, "", None))
    services.attendance_record(meeting=meeting, rows=rows, expected_version=meeting.version)


def seed(stdout=None) -> int:
    ldg = Group.objects.filter(name=LDG).first()
    executive = Group.objects.filter(name=EXECUTIVE).first()
    if ldg is None or executive is None or ldg.meetings.exists():
        return 0
    today = timezone.localdate()
    seats = list(ldg.memberships.current().select_related("representing", "person"))
    chair = next((s.person for s in seats if s.role == MembershipRole.CHAIR), None)
    officer = next((s.person for s in seats if s.role == MembershipRole.OFFICER), chair)
    poor = next(
        (s for s in seats if s.role == MembershipRole.MEMBER and not s.representing.is_safeguarding_partner),
        None,
    )
    made = 0

    # The LDG: every other month for a year, then the next one.
    first = today - relativedelta(months=12)
    previous_quorate = None
    for i in range(0, 12, 2):
        day = _working(first + relativedelta(months=i))
        papers_due = workdays.add_working_days(day, -5)
        late_pack = i == 4
        late_minutes = i == 6
        published = papers_due + datetime.timedelta(days=2) if late_pack else papers_due
        minutes = day + datetime.timedelta(days=21 if late_minutes else 10)
        meeting = _meeting(ldg, day, published=published, minutes=min(minutes, today))
        _agenda(
            meeting,
            officer,
            ["Learning from rapid reviews", "Work plan progress", "Agency attendance"],
            late_paper_on=workdays.add_working_days(day, -2) if i == 2 else None,
        )
        inquorate = i == 8
        _attendance(meeting, seats, poor=poor, away=("health", "police") if inquorate else ())
        meeting.refresh_from_db()
        if inquorate:
            services.decision_add(meeting=meeting, text="Adopt the revised neglect toolkit for practitioners")
        else:
            services.decision_add(meeting=meeting, text="Approve the learning briefing for circulation")
            if previous_quorate is False:
                services.decisions_ratify(meeting=meeting)
        if chair and day < today - datetime.timedelta(days=30):
            services.meeting_action_add(
                meeting=meeting,
                description="Share the learning briefing with team managers",
                owner=chair,
                due_on=day + datetime.timedelta(days=42),
            )
        previous_quorate = meeting.quorate
        made += 1
    upcoming = _meeting(ldg, _working(first + relativedelta(months=12)))
    _agenda(upcoming, officer, ["Annual report of learning"])
    made += 1

    # The Executive: quarterly.
    executive_meetings = []
    for i in range(0, 15, 3):
        day = _working(first + relativedelta(months=i, days=14))
        done = day <= today
        meeting = _meeting(
            executive,
            day,
            published=workdays.add_working_days(day, -5) if done else None,
            minutes=min(day + datetime.timedelta(days=12), today) if done else None,
            place="Council House, Committee Room 2",
        )
        executive_meetings.append(meeting)
        made += 1

    owners = list(Person.objects.filter(memberships__group=ldg).distinct()[:4]) or [chair]
    for n, (activity, objective, status) in enumerate(
        [
            ("work_plan", "Publish the multi-agency learning and development work plan", "complete"),
            ("priorities", "Agree the learning priorities for the year with the Executive", "on_track"),
            ("framework", "Report on the impact of learning from two case reviews", "at_risk"),
            ("events", "Run four neglect webinars with agency attendance recorded", "on_track"),
            ("policies", "Update the escalation procedure to reflect review learning", "delayed"),
            ("forum", "Hold quarterly Practitioner Learning Forum sessions", "on_track"),
            ("training", "Refresh the multi-agency training offer", "not_started"),
            ("communications", "Publish a bi-monthly newsletter and 7-minute briefings", "on_track"),
            ("participation", "Include the voice of children and families in learning events", "not_started"),
        ]
    ):
        WorkPlanItem.objects.create(
            group=ldg,
            year=first.year,
            activity=activity,
            objective=objective,
            owner=owners[n % len(owners)],
            status=status,
            due_on=today + relativedelta(months=n - 2),
            completed_on=today - datetime.timedelta(days=30) if status == "complete" else None,
            progress_notes="Reported at the last LDG meeting.",
        )
    RiskItem.objects.create(
        group=ldg,
        title="Low GP attendance at learning events",
        rating="high",
        owner=chair,
        mitigation="Protected learning time requested through the ICB",
        escalated_on=today - datetime.timedelta(days=40),
        escalated_to="the Executive Group",
    )
    RiskItem.objects.create(
        group=ldg,
        title="Training budget not confirmed",
        rating="medium",
        owner=officer,
        is_barrier=True,
        mitigation="Options paper to the Executive",
    )
    RiskItem.objects.create(group=ldg, title="Single-agency audits delayed", rating="low", status="closed")

    for meeting in [m for m in executive_meetings if m.date <= today][-3:]:
        start, end = period_for(meeting)
        issued = meeting.date < today
        HighlightReport.objects.create(
            group=ldg,
            executive_meeting=meeting,
            period_start=start,
            period_end=end,
            sections=generate_sections(group=ldg, start=start, end=end),
            status=HighlightStatus.ISSUED if issued else HighlightStatus.DRAFT,
            issued_on=meeting.date - datetime.timedelta(days=7) if issued else None,
        )
    upcoming_exec = next((m for m in executive_meetings if m.date > today), None)
    if upcoming_exec:
        start, end = period_for(upcoming_exec)
        HighlightReport.objects.create(
            group=ldg,
            executive_meeting=upcoming_exec,
            period_start=start,
            period_end=end,
            sections=generate_sections(group=ldg, start=start, end=end),
        )

    message = KeyMessage.objects.order_by("pk").first()
    for title, reviewed, due in [
        ("Escalation and resolution of professional disagreements", -400, -20),
        ("Neglect strategy and toolkit", -300, 25),
        ("Safe sleep guidance", -100, 265),
        ("Child exploitation procedure", -330, 35),
    ]:
        policy = PolicyDocument.objects.create(
            title=title,
            owner=officer,
            link="https://procedures.example.org/",
            last_reviewed_on=today + datetime.timedelta(days=reviewed),
            next_review_due=today + datetime.timedelta(days=due),
        )
        if message and title.startswith("Neglect"):
            PolicyChange.objects.create(
                policy=policy,
                changed_on=today - datetime.timedelta(days=60),
                key_message=message,
                description="Added a section on chronologies, from the learning review",
            )

    agencies = list(Agency.objects.filter(is_active=True).order_by("name")[:6])
    for n, (title, kind, days) in enumerate(
        [
            ("Neglect: seeing the child", "webinar", -200),
            ("Learning from rapid reviews", "event", -120),
            ("Safe sleep briefing", "briefing", -30),
        ]
    ):
        event = LearningEvent.objects.create(
            title=title, kind=kind, held_on=today + datetime.timedelta(days=days)
        )
        if message:
            event.key_messages.add(message)
        EventAttendance.objects.bulk_create(
            [
                EventAttendance(event=event, agency=a, attendees=3 + (n + i) % 7)
                for i, a in enumerate(agencies)
            ]
        )
    if stdout:
        stdout.write(
            f"Governance demo: {made} meetings, a work plan, risks, highlight reports, policies and events"
        )
    return made
