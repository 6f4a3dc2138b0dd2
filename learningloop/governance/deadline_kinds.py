"""Governance deadlines in the one engine (core.deadlines): a meeting's agenda and papers and its minutes
(reminding the group's chair and officers), policy reviews and work plan items (reminding their owner)."""

from learningloop.core import deadlines as engine
from learningloop.core.links import reverse_numbered, reverse_once


def _meeting_describe(row):
    from .models.meetings import MeetingDeadlineKind, meeting_title

    return (
        MeetingDeadlineKind(row.kind).label,
        meeting_title(row.meeting__group__short_name or row.meeting__group__name, row.meeting__date),
        reverse_numbered("governance:meeting_detail", args=[row.meeting_id]),
    )


def _chair_and_officers(deadlines):
    from learningloop.partnership.models import Membership, MembershipRole

    found = {d.pk: [] for d in deadlines}
    groups = {d.meeting.group_id for d in deadlines}
    seats = (
        Membership.objects.current()
        .filter(
            group_id__in=groups,
            role__in=[MembershipRole.CHAIR, MembershipRole.OFFICER],
            person__is_active=True,
        )
        .exclude(person__email="")
        .select_related("person")
        .order_by("pk")
    )
    by_group: dict[int, list] = {}
    for seat in seats:
        by_group.setdefault(seat.group_id, []).append(
            engine.Recipient(seat.person.full_name, seat.person.email)
        )
    for d in deadlines:
        found[d.pk] = by_group.get(d.meeting.group_id, [])
    return found


def _compose_meeting(reminder):
    from . import emails

    return emails.meeting_deadline_reminder(reminder=reminder)


MEETING = engine.DeadlineKind(
    code="meeting",
    label="Meeting papers and minutes",
    model="governance.MeetingDeadline",
    # The business unit follows them up (it sends the packs and the minutes).
    permission="meetings.manage",
    describe=_meeting_describe,
    columns=("kind", "meeting_id", "meeting__date", "meeting__group__name", "meeting__group__short_name"),
    select_related=("meeting", "meeting__group"),
    group_field="meeting__group_id",
    group_label=lambda row: row.meeting__group__name,
    # "Before each deadline": 2 working days before and on the day; each sent once (the ledger).
    schedule=engine.ReminderSchedule(before=(2,), on_the_day=True, overdue_every_days=7),
    recipients=_chair_and_officers,
    compose=_compose_meeting,
    link=lambda d: reverse_numbered("governance:meeting_detail", args=[d.meeting_id]),
    position=60,
)


def _compose_policy(reminder):
    from . import emails

    return emails.policy_review_reminder(reminder=reminder)


POLICY_REVIEW = engine.DeadlineKind(
    code="policy-review",
    label="Policy and procedure reviews",
    model="governance.PolicyDocument",
    permission="governance.view",
    describe=lambda row: (
        "Review the policy",
        row.title,
        reverse_numbered("governance:policy_detail", args=[row.pk]),
    ),
    columns=("title",),
    select_related=("owner",),
    schedule=engine.ReminderSchedule(before=(20, 5)),
    recipients=engine.owner_recipients,
    compose=_compose_policy,
    link=lambda p: reverse_numbered("governance:policy_detail", args=[p.pk]),
    position=65,
)


def _compose_work_plan(reminder):
    from . import emails

    return emails.work_plan_reminder(reminder=reminder)


WORK_PLAN = engine.DeadlineKind(
    code="work-plan",
    label="Work plan items",
    model="governance.WorkPlanItem",
    permission="governance.view",
    describe=lambda row: (
        row.objective[:120],
        f"{row.group__short_name or row.group__name} work plan",
        reverse_once("governance:workplan"),
    ),
    columns=("objective", "group__name", "group__short_name"),
    select_related=("group", "owner"),
    group_field="group_id",
    group_label=lambda row: row.group__name,
    recipients=engine.owner_recipients,
    compose=_compose_work_plan,
    link=lambda i: reverse_once("governance:workplan"),
    position=66,
)


def register():
    engine.register(MEETING)
    engine.register(POLICY_REVIEW)
    engine.register(WORK_PLAN)
