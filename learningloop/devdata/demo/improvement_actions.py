"""Demo improvement plans and actions, drawn from the learning demo: one plan per kind of source (a case
review, a finding, an audit, a key message, a meeting) and actions in every state — not started, in
progress (amber and green), overdue (red), completed, completed and sustained, completed and not
sustained, cancelled — each with a log of updates. Fictional content only.

Safe to repeat: a plan is matched by its title and left alone if it exists. Needs `load_framework` and the
learning demo (learning_register, learning_reviews, learning_summaries) to have run; sources missing are
skipped."""

import datetime

from django.db import transaction
from django.utils import timezone

from learningloop.core import workdays
from learningloop.improvement.models import (
    Action,
    ActionPlan,
    ActionStatus,
    ActionUpdate,
    PlanScope,
    SustainmentResult,
)
from learningloop.learning.models import (
    CaseReview,
    Finding,
    FindingKind,
    KeyMessage,
    LearningActivity,
    SummaryStatus,
)
from learningloop.partnership.models import Agency, Person, StatutoryRole

NS, IP, DONE, CANCELLED = (
    ActionStatus.NOT_STARTED,
    ActionStatus.IN_PROGRESS,
    ActionStatus.COMPLETED,
    ActionStatus.CANCELLED,
)


def _sources():
    """(kind, title, field, record) for each plan; records come from the learning demo."""
    audit = (
        LearningActivity.objects.filter(source_type__name__icontains="audit", case_review__isnull=True)
        .order_by("title")
        .first()
    )
    return [
        (
            "review",
            "Actions from the rapid review of Child A",
            "source_review",
            CaseReview.objects.select_related("activity").order_by("pk").first(),
        ),
        (
            "finding",
            "Escalation of professional disagreements",
            "source_finding",
            Finding.objects.filter(kind=FindingKind.IMPROVEMENT).order_by("pk").first(),
        ),
        ("activity", "Neglect audit improvement plan", "source_activity", audit),
        (
            "key_message",
            "Embedding the single chronology",
            "source_key_message",
            KeyMessage.objects.filter(summary__status=SummaryStatus.ACCEPTED).order_by("pk").first(),
        ),
        (
            "meeting",
            "Safe sleep: actions agreed at the LDG",
            "source_meeting",
            "LDG meeting, 14 January 2026",
        ),
    ]


def _actions(today):
    """(description, status, due offset in working days, progress, completed days ago, sustainment)."""
    return [
        ("Brief all team managers on the escalation policy.", NS, 40, 0, None, None),
        ("Update the chronology template and publish it on the partnership website.", IP, 5, 20, None, None),
        ("Add the child's voice to the supervision record template.", IP, 30, 60, None, None),
        ("Audit 20 cases to check chronologies are in use.", IP, -8, 40, None, None),
        ("Deliver the safe sleep briefing to health visiting teams.", DONE, -20, 100, 10, None),
        (
            "Add safe sleep advice for fathers to the new birth visit checklist.",
            DONE,
            -60,
            100,
            50,
            (
                SustainmentResult.SUSTAINED,
                "A dip sample of 15 new birth visits found advice given to both parents.",
            ),
        ),
        (
            "Introduce a multi-agency escalation log.",
            DONE,
            -90,
            100,
            80,
            (
                SustainmentResult.NOT_SUSTAINED,
                "The log was not used after the first two months; raised with the LDG.",
            ),
        ),
        ("Commission a separate e-learning module on neglect.", CANCELLED, 20, 10, None, None),
    ]


def _agencies():
    """Three agencies that own the actions: the demo agency leads' own first (police, then health), so their
    home pages show actions overdue and due soon, then another agency."""
    active = Agency.objects.filter(is_active=True).exclude(statutory_role=StatutoryRole.BUSINESS_UNIT)
    leads = [
        agency
        for role in (StatutoryRole.POLICE, StatutoryRole.HEALTH)
        if (agency := active.filter(statutory_role=role).order_by("pk").first())
    ]
    return leads + list(active.exclude(pk__in=[a.pk for a in leads])[: 3 - len(leads)])


@transaction.atomic
def seed(stdout=None) -> int:
    """Add the demo plans that are missing; return how many were added."""
    agencies = _agencies()
    if not agencies:
        return 0
    today = timezone.localdate()
    now = timezone.now()
    specs = _actions(today)
    added = 0
    for index, (kind, title, field, record) in enumerate(_sources()):
        if not record or ActionPlan.objects.filter(title=title).exists():
            continue
        single = kind == "finding"
        plan = ActionPlan(
            title=title,
            scope=PlanScope.SINGLE_AGENCY if single else PlanScope.MULTI_AGENCY,
            agency=agencies[0] if single else None,
            **{field: record},
        )
        plan.full_clean()
        plan.save()
        added += 1
        # Every plan gets a share of the states; the first plan gets them all.
        chosen = specs if index == 0 else specs[index % len(specs) :: 3]
        for n, (description, status, offset, progress, done_ago, sustainment) in enumerate(chosen):
            agency = agencies[0] if single else agencies[n % len(agencies)]
            completed_on = today - datetime.timedelta(days=done_ago) if done_ago else None
            action = Action(
                plan=plan,
                description=description,
                owner_agency=agency,
                owner=Person.objects.filter(agency=agency, is_active=True).order_by("pk").first(),
                due_on=workdays.add_working_days(today, offset),
                status=status,
                progress=progress,
                completed_on=completed_on,
                evidence_of_completion="Attendance register and briefing sheet." if status == DONE else "",
            )
            if sustainment:
                action.sustainment_due_on = completed_on + datetime.timedelta(days=30)
                action.sustainment_checked_on = completed_on + datetime.timedelta(days=35)
                action.sustainment_result, action.sustainment_note = sustainment
            action.full_clean()
            action.save()
            log = [("Action agreed and owner confirmed.", NS, 0, 12)]
            if status != NS:
                log.append(("Work started; first steps agreed with the team.", IP, min(progress, 20), 8))
            if status in (IP, DONE) and progress > 20:
                log.append((f"Progress reviewed at the subgroup: {progress}% done.", IP, progress, 4))
            if status == DONE:
                log.append(("Completed; evidence attached.", DONE, 100, 2))
            if status == CANCELLED:
                log.append(("Cancelled: the regional module covers this need.", CANCELLED, progress, 2))
            if sustainment:
                log.append((f"Sustainment check: {sustainment[1]}", DONE, 100, 1))
            for note, log_status, log_progress, weeks_ago in log:
                ActionUpdate.objects.create(
                    action=action,
                    note=note,
                    status=log_status,
                    progress=log_progress,
                    at=now - datetime.timedelta(weeks=weeks_ago),
                )
    if stdout is not None:
        stdout.write(f"Improvement actions: {added} plans added\n")
    return added
