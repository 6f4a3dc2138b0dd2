"""Improvement at scale: action plans with one source each, actions, their updates and sustainment checks."""

import datetime

from django.utils import timezone

from learningloop.core.policy import Role
from learningloop.improvement.models import (
    Action,
    ActionPlan,
    ActionStatus,
    ActionUpdate,
    PlanScope,
    SustainmentResult,
)

from .common import (
    Context,
    bulk,
)
from .words import (
    ACTIONS,
    MEETINGS,
    TOPICS,
)


def build_actions(ctx: Context) -> tuple[int, int, int]:
    """About 2,500 actions a year (25,000 over ten years, data-volumes.md) in plans of 3 to 8, each plan
    with exactly one source (a review, a finding, an activity, a key message or a meeting); statuses follow
    the due dates, some are overdue, completed ones get sustainment checks, and every action has a log of
    1 to 5 updates (about 4 on average: 100,000 over ten years)."""
    rng = ctx.rng
    NS, IP, DONE, CANCELLED = (
        ActionStatus.NOT_STARTED,
        ActionStatus.IN_PROGRESS,
        ActionStatus.COMPLETED,
        ActionStatus.CANCELLED,
    )
    decided = [r for r in ctx.reviews if r.decision_on]
    plans, plan_actions = [], []
    for first, last in ctx.year_spans():
        sources = {
            "source_review": [r for r in decided if r.decision_on <= last],
            "source_finding": [f for f in ctx.improvement_findings if f.created_at.date() <= last][-400:],
            "source_activity": [a for a in ctx.activities if a.completed_on and a.completed_on <= last][
                -200:
            ],
            "source_key_message": [m for m in ctx.accepted_messages if m.summary.accepted_at.date() <= last][
                -200:
            ],
        }
        remaining = ctx.n(2500)
        while remaining > 0:
            size = min(remaining, rng.randint(3, 8))
            remaining -= size
            kind = rng.choice(
                ["source_review", "source_finding", "source_activity", "source_key_message", "source_meeting"]
            )
            record = rng.choice(sources[kind]) if sources.get(kind) else None
            created = ctx.day_between(first, last)
            if record is None:
                kind, record = "source_meeting", f"{rng.choice(MEETINGS)}, {created:%d %B %Y}"
            single = rng.random() < 0.3
            agency = rng.choice(ctx.agencies) if single else None
            topic = rng.choice(TOPICS)
            plans.append(
                ActionPlan(
                    title=f"Improvement plan: {topic} ({created:%B %Y})",
                    agency=agency,
                    scope=PlanScope.SINGLE_AGENCY if single else PlanScope.MULTI_AGENCY,
                    created_by=ctx.user(Role.BU_OFFICER),
                    created_at=ctx.moment(created),
                    **{kind: record},
                )
            )
            plan_actions.append((size, topic, created, agency))
    bulk(ActionPlan, plans)
    actions, logs = [], []
    for plan, (size, topic, created, agency) in zip(plans, plan_actions, strict=True):
        for _ in range(size):
            owner_agency = agency or rng.choice(ctx.agencies if rng.random() < 0.9 else ctx.schools)
            due = created + datetime.timedelta(days=rng.randint(30, 365))
            completed_on = None
            sustainment = {}
            if due < ctx.today:
                status = rng.choices([DONE, CANCELLED, IP, NS], [78, 5, 12, 5])[0]
            else:
                status = rng.choices([NS, IP, DONE], [40, 50, 10])[0]
            progress = {
                NS: 0,
                IP: rng.choice([10, 25, 40, 60, 80]),
                DONE: 100,
                CANCELLED: rng.choice([0, 10]),
            }[status]
            if status == DONE:
                completed_on = min(ctx.today, created + datetime.timedelta(days=rng.randint(20, 360)))
                check = completed_on + datetime.timedelta(days=90)
                sustainment["sustainment_due_on"] = check
                if check < ctx.today - datetime.timedelta(days=14) and rng.random() < 0.7:
                    sustained = rng.random() < 0.8
                    sustainment.update(
                        sustainment_checked_on=check + datetime.timedelta(days=rng.randint(0, 14)),
                        sustainment_result=SustainmentResult.SUSTAINED
                        if sustained
                        else SustainmentResult.NOT_SUSTAINED,
                        sustainment_note="A dip sample of ten records (fictional).",
                    )
            action = Action(
                plan=plan,
                description=rng.choice(ACTIONS).format(t=topic),
                owner_agency=owner_agency,
                owner=ctx.person_of(owner_agency),
                due_on=due,
                status=status,
                progress=progress,
                completed_on=completed_on,
                created_at=plan.created_at,
                evidence_of_completion="Attendance register (fictional)." if status == DONE else "",
                **sustainment,
            )
            actions.append(action)
            logs.append(action)
    bulk(Action, actions)
    updates = []
    for action in logs:
        at = action.created_at
        steps = [(NS, 0, "Action agreed and owner confirmed.")]
        if action.status != NS:
            steps.append((IP, min(action.progress, 20) or 10, "Work started (fictional)."))
        if action.status in (IP, DONE) and action.progress > 20:
            if rng.random() < 0.5:
                halfway = max(20, min(action.progress, 80) // 2)
                steps.append((IP, halfway, f"Progress reviewed: {halfway}% done."))
            steps.append(
                (IP, min(action.progress, 80), f"Progress reviewed: {min(action.progress, 80)}% done.")
            )
        if action.status in (DONE, CANCELLED):
            steps.append(
                (
                    action.status,
                    action.progress,
                    "Completed; evidence attached."
                    if action.status == DONE
                    else "Cancelled: covered by another plan.",
                )
            )
        for status, progress, note in steps:
            at = min(at + datetime.timedelta(days=rng.randint(7, 60)), timezone.now())
            updates.append(
                ActionUpdate(
                    action=action,
                    at=at,
                    note=note,
                    status=status,
                    progress=progress,
                    by=ctx.user(Role.AGENCY_LEAD, Role.AGENCY_MEMBER),
                )
            )
    bulk(ActionUpdate, updates)
    for plan in plans:
        ctx.log(plan, 0, plan.created_at, plan.created_by)
    for update in updates:
        ctx.log(update.action, 1, update.at, update.by)
    return len(plans), len(actions), len(updates)
