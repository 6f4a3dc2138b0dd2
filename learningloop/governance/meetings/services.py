"""Writes for meetings: schedule, add, move, cancel; agenda items and papers; publish the pack; record
attendance (and with it quorum), minutes, decisions and actions. Each is all or nothing."""

from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from learningloop.core import workdays
from learningloop.core.concurrency import bump_version, claim_version
from learningloop.core.dates import format_date
from learningloop.core.reminders import reminder_send_once
from learningloop.core.stored_files import attach_upload
from learningloop.improvement.models import Action, ActionPlan, PlanScope

from .. import emails
from ..models import (
    AgendaItem,
    AgendaPaper,
    Attendance,
    AttendanceStatus,
    Decision,
    Meeting,
    MeetingDeadline,
    MeetingDeadlineKind,
    MeetingStatus,
)
from ..quorum import quorum_of

YEAR_MONTHS = 12


def _sync_deadlines(meeting):
    done = {
        MeetingDeadlineKind.PAPERS: meeting.pack_published_on,
        MeetingDeadlineKind.MINUTES: meeting.minutes_sent_on,
    }
    for kind, due in meeting.deadline_dates().items():
        MeetingDeadline.objects.update_or_create(
            meeting=meeting, kind=kind, defaults={"due_on": due, "done_on": done[kind]}
        )


def _save(meeting):
    meeting.updated_at = timezone.now()
    meeting.full_clean()
    meeting.save()
    _sync_deadlines(meeting)
    return meeting


@transaction.atomic
def meeting_create(*, meeting: Meeting) -> Meeting:
    return _save(meeting)


@transaction.atomic
def meeting_year_create(*, group, first_date, start_time, end_time=None, place="", online_link="") -> list:
    """A year of meetings from the terms of reference: one every `meetings_every_months` months from
    `first_date` (the LDG: alternate months in its first year), each moved to the next working day when
    it falls on a weekend or bank holiday."""
    every = group.meetings_every_months
    if not every:
        raise ValidationError(
            "The terms of reference do not say how often the group meets. Set how many months apart its "
            "meetings are on the group's page first"
        )
    made = []
    for i in range(0, YEAR_MONTHS, every):
        day = first_date + relativedelta(months=i)
        if not workdays.is_working_day(day):
            day = workdays.next_working_day(day)
        made.append(
            _save(
                Meeting(
                    group=group,
                    date=day,
                    start_time=start_time,
                    end_time=end_time,
                    place=place,
                    online_link=online_link,
                )
            )
        )
    return made


@transaction.atomic
def meeting_update(*, meeting: Meeting, expected_version) -> Meeting:
    """Move or change a meeting (from its edit form): calendars get the new details (SEQUENCE goes up)."""
    claim_version(meeting, expected_version)
    meeting.sequence += 1
    return _save(meeting)


@transaction.atomic
def meeting_cancel(*, meeting: Meeting, reason: str, expected_version) -> Meeting:
    if meeting.is_cancelled:
        raise ValidationError("This meeting is already cancelled")
    claim_version(meeting, expected_version)
    meeting.status = MeetingStatus.CANCELLED
    meeting.cancelled_reason = reason
    meeting.sequence += 1
    return _save(meeting)


@transaction.atomic
def agenda_item_save(*, item: AgendaItem) -> AgendaItem:
    if item.meeting.is_cancelled:
        raise ValidationError("This meeting is cancelled: its agenda cannot change")
    if item.pk is None and not item.position:
        item.position = item.meeting.agenda_items.count() + 1
    item.full_clean()
    item.save()
    return item


def agenda_paper_upload(*, item: AgendaItem, upload, by=None, today=None) -> AgendaPaper:
    """Attach a paper to an agenda item; one that arrives after the papers were due is marked late."""
    today = today or timezone.localdate()
    if item.meeting.is_cancelled:
        raise ValidationError({"file": "This meeting is cancelled: papers cannot be added"})
    paper = AgendaPaper(item=item, late=item.meeting.paper_is_late(today))
    return attach_upload(stored=paper, upload=upload, by=by)


@transaction.atomic
def meeting_pack_publish(*, meeting: Meeting, today=None) -> int:
    """Send the agenda and papers out: the papers deadline is met today, and each current member gets one
    email with the link (the ledger keeps it to one however often this is pressed). Returns emails sent."""
    today = today or timezone.localdate()
    if meeting.is_cancelled:
        raise ValidationError("This meeting is cancelled")
    if not meeting.agenda_items.exists():
        raise ValidationError("Add at least one agenda item before sending out the pack")
    if meeting.pack_published_on is None:
        meeting.pack_published_on = today
        _save(meeting)
        bump_version(meeting)
    sent = 0
    for membership in meeting.seats().select_related("person"):
        person = membership.person
        if not person.email:
            continue
        sent += reminder_send_once(
            kind="meeting-pack",
            obj=meeting,
            recipient=person.email,
            remind_on=meeting.date,
            email=emails.meeting_pack_published(meeting=meeting, person=person),
        )
    return sent


def _check_attendance(meeting, membership, status, reason, deputy, seat_ids):
    who = membership.person.full_name
    if membership.pk not in seat_ids:
        return f"{who} is not a member of {meeting.group.name} on {format_date(meeting.date)}"
    if status not in AttendanceStatus.values:
        return f"Select how {who} attended"
    if status == AttendanceStatus.DEPUTY:
        if deputy is None:
            return f"Select who deputised for {who}"
        if deputy.pk == membership.person_id:
            return f"{who} cannot deputise for themselves"
        if not meeting.group.deputies_from_other_agencies and deputy.agency_id != membership.representing_id:
            return (
                f"{deputy.full_name} cannot deputise for {who}: the terms of reference of "
                f"{meeting.group.name} say a deputy must work for {membership.representing.name}"
            )
    if status != AttendanceStatus.DEPUTY and deputy is not None:
        return f"Only name a deputy for {who} if they were represented by one"
    if status in (AttendanceStatus.PRESENT, AttendanceStatus.ABSENT) and meeting.has_happened() is False:
        return f"{who}'s attendance can be recorded once the meeting has taken place"
    if len(reason or "") > 300:
        return f"The reason for {who}'s apologies must be 300 characters or fewer"
    return ""


@transaction.atomic
def attendance_record(*, meeting: Meeting, rows, expected_version, today=None) -> Meeting:
    """Record attendance for some or all seats: rows of (membership, status, apology reason, deputy).
    Refuses (ValidationError listing every problem, nothing saved) a person who is not a member on the
    meeting's date, a deputy from another agency where the terms of reference do not allow it, present or
    absent before the meeting. After the meeting, quorum is computed and stored on the record."""
    if meeting.is_cancelled:
        raise ValidationError("This meeting was cancelled: there is no attendance to record")
    seat_ids = set(meeting.seats().values_list("pk", flat=True))
    problems = [p for row in rows if (p := _check_attendance(meeting, *row, seat_ids))]
    if problems:
        raise ValidationError(problems)
    claim_version(meeting, expected_version)
    for membership, status, reason, deputy in rows:
        Attendance.objects.update_or_create(
            meeting=meeting,
            membership=membership,
            defaults={
                "status": status,
                "apology_reason": reason
                if status in (AttendanceStatus.APOLOGIES, AttendanceStatus.DEPUTY)
                else "",
                "deputy": deputy if status == AttendanceStatus.DEPUTY else None,
            },
        )
    if meeting.has_happened(today):
        meeting.quorate = quorum_of(meeting.group, meeting.seat_presence(after=True)).quorate
    meeting.updated_at = timezone.now()
    meeting.save(update_fields=["quorate", "updated_at"])
    return meeting


@transaction.atomic
def minutes_record(*, meeting: Meeting, minutes_sent_on, notes: str, expected_version) -> Meeting:
    """The minutes sent out (meets the minutes deadline). Dated before the meeting: refused."""
    if meeting.is_cancelled:
        raise ValidationError("This meeting was cancelled: it has no minutes")
    if minutes_sent_on and minutes_sent_on < meeting.date:
        raise ValidationError({"minutes_sent_on": "The minutes cannot be dated before the meeting"})
    if minutes_sent_on and minutes_sent_on > timezone.localdate():
        raise ValidationError(
            {"minutes_sent_on": "The date the minutes were sent out must be today or in the past"}
        )
    claim_version(meeting, expected_version)
    meeting.minutes_sent_on = minutes_sent_on
    meeting.minutes_notes = notes
    return _save(meeting)


@transaction.atomic
def decision_add(*, meeting: Meeting, text: str) -> Decision:
    if not meeting.has_happened():
        raise ValidationError({"text": "Decisions are minuted once the meeting has taken place"})
    decision = Decision(meeting=meeting, text=text)
    decision.full_clean()
    decision.save()
    return decision


@transaction.atomic
def decisions_ratify(*, meeting: Meeting) -> int:
    """Ratify, at this quorate meeting, the decisions of the group's earlier inquorate meetings."""
    if meeting.quorate is not True:
        raise ValidationError("Decisions can only be ratified at a quorate meeting")
    return Decision.objects.to_ratify_at(meeting).update(ratified_at=meeting)


@transaction.atomic
def meeting_action_add(*, meeting: Meeting, description: str, owner, due_on, by=None) -> Action:
    """A meeting action becomes an improvement action owned by a person and their agency, in the meeting's
    action plan (its source is the meeting); its due date is a deadline with reminders to the owner."""
    if not meeting.has_happened():
        raise ValidationError({"description": "Actions are minuted once the meeting has taken place"})
    if meeting.action_plan is None:
        plan = ActionPlan(
            title=f"Actions from the {meeting}"[:200],
            scope=PlanScope.MULTI_AGENCY,
            source_meeting=str(meeting)[:200],
            created_by=by if getattr(by, "is_authenticated", False) else None,
        )
        plan.full_clean()
        plan.save()
        meeting.action_plan = plan
        meeting.save(update_fields=["action_plan"])
    action = Action(
        plan=meeting.action_plan,
        description=description,
        owner=owner,
        owner_agency=owner.agency,
        due_on=due_on,
    )
    action.full_clean()
    action.save()
    return action
