"""Learning capture at scale: activities and their findings, case reviews on the statutory clock,
summaries of learning with key messages."""

import datetime

from dateutil.relativedelta import relativedelta
from django.utils import timezone

from learningloop.core.policy import Role
from learningloop.core.workdays import add_working_days
from learningloop.learning.models import (
    ActivityStatus,
    CaseReview,
    Finding,
    FindingKind,
    KeyMessage,
    LearningActivity,
    MonitoringEntry,
    Priority,
    ReviewDecision,
    ReviewKind,
    SummaryEvent,
    SummaryOfLearning,
    SummaryStatus,
    Theme,
    WorkforceGroup,
)
from learningloop.learning.reviews.services import SOURCE_TYPE_FOR_KIND
from learningloop.learning.services import case_review_save
from learningloop.partnership.models import (
    AudienceGroup,
    Group,
    LearningSourceType,
)

from .common import (
    BATCH,
    Context,
    bulk,
    pick,
)
from .words import (
    CASE_REVIEW_TYPES,
    FINDING_GAPS,
    FINDING_STRENGTHS,
    FINDING_SUBJECTS,
    MESSAGES,
    PRIORITIES,
    TOPICS,
)


def _findings_for(ctx, activity, themes, by, low=3, high=8):
    rng = ctx.rng
    rows = []
    topic = activity.title.split(": ", 1)[-1].rsplit(" (", 1)[0]
    for _ in range(rng.randint(low, high)):
        strength = rng.random() < 0.25
        subject = rng.choice(FINDING_SUBJECTS)
        text = f"{subject} {rng.choice(FINDING_STRENGTHS if strength else FINDING_GAPS)} ({topic})."
        rows.append(
            Finding(
                activity=activity,
                text=text,
                created_by=by,
                kind=FindingKind.STRENGTH if strength else FindingKind.IMPROVEMENT,
                recommendations="" if strength else f"Review the practice guidance on {topic}.",
                created_at=ctx.moment(activity.completed_on or activity.started_on),
            )
        )
    return rows


def _save_findings(ctx, findings, themes):
    bulk(Finding, findings)
    LearningActivity.objects.finding_counts_update()  # written past the services: counted once (ADR 0047)
    through = Finding.themes.through
    bulk(
        through,
        [through(finding_id=f.pk, theme_id=t.pk) for f in findings for t in pick(ctx.rng, themes, 1, 3)],
    )
    ctx.improvement_findings += [f for f in findings if f.kind == FindingKind.IMPROVEMENT]
    return len(findings)


def build_activities(ctx: Context) -> tuple[int, int]:
    """About 120 activities a year of every non-review source type, with 3 to 8 findings each once they are
    under way. A few completed ones have no findings yet (the home page lists them)."""
    rng = ctx.rng
    types = [t for t in LearningSourceType.objects.order_by("pk") if t.name.lower() not in CASE_REVIEW_TYPES]
    themes = list(Theme.objects.order_by("pk"))
    if Priority.objects.count() < 4:
        bulk(Priority, [Priority(name=n) for n in PRIORITIES if not Priority.objects.filter(name__iexact=n)])
    priorities = list(Priority.objects.order_by("pk"))
    activities = []
    for first, last in ctx.year_spans():
        for _ in range(ctx.n(120, minimum=6)):
            source = rng.choice(types)
            started = ctx.day_between(first, last)
            completed = started + datetime.timedelta(days=rng.randint(20, 200))
            if started > ctx.today - datetime.timedelta(days=20) and rng.random() < 0.5:
                status, completed = ActivityStatus.PLANNED, None
            elif completed > ctx.today:
                status, completed = ActivityStatus.IN_PROGRESS, None
            else:
                status = ActivityStatus.CLOSED if rng.random() < 0.5 else ActivityStatus.COMPLETED
            activities.append(
                LearningActivity(
                    title=f"{source.name}: {rng.choice(TOPICS)} ({started.year})",
                    source_type=source,
                    description=f"A fictional {source.name.lower()} generated for the large dataset.",
                    started_on=started,
                    completed_on=completed,
                    status=status,
                    owning_group=source.owning_group or rng.choice(ctx.groups),
                    created_by=ctx.user(Role.BU_OFFICER, Role.BU_ADMIN),
                    created_at=ctx.moment(started),
                )
            )
    bulk(LearningActivity, activities)
    providers = LearningActivity.provider_agencies.through
    linked = LearningActivity.priorities.through
    bulk(
        providers,
        [
            providers(learningactivity_id=a.pk, agency_id=ag.pk)
            for a in activities
            for ag in pick(rng, ctx.agencies, 1, 4) + pick(rng, ctx.schools, 0, 2)
        ],
    )
    bulk(
        linked,
        [
            linked(learningactivity_id=a.pk, priority_id=p.pk)
            for a in activities
            for p in pick(rng, priorities, 0, 2)
        ],
    )
    findings = []
    for activity in activities:
        if activity.status != ActivityStatus.PLANNED and rng.random() > 0.02:
            findings += _findings_for(ctx, activity, themes, activity.created_by)
    ctx.activities = activities
    for activity in activities:
        ctx.log(activity, 0, activity.created_at, activity.created_by)
    return len(activities), _save_findings(ctx, findings, themes)


def _review_fields(ctx, kind, aware):
    """The dates a review has reached by today, following the statutory clock with some drift."""
    rng = ctx.rng
    wd = add_working_days
    today = ctx.today
    fields = {}
    if kind == ReviewKind.CHILD:
        steps = [
            ("panel_notified_on", wd(aware, rng.randint(1, 7))),
            ("rapid_review_sent_on", None),
            ("decision_on", None),
        ]
        if steps[0][1] > today:
            return fields
        fields["panel_notified_on"] = steps[0][1]
        sent = wd(aware, rng.randint(12, 20))
        if sent > today:
            return fields
        fields["rapid_review_sent_on"] = sent
        response = wd(sent, rng.randint(5, 15))
        if response <= today:
            fields["panel_response_on"] = response
            fields["panel_response"] = "The Panel agreed with the partnership's decision (fictional)."
        decided = wd(sent, rng.randint(1, 5))
    else:
        decided = aware + datetime.timedelta(days=rng.randint(14, 40))
    if decided > today:
        return fields
    local = rng.random() < (0.55 if kind == ReviewKind.CHILD else 0.9)
    fields.update(
        decision=ReviewDecision.LOCAL_REVIEW if local else ReviewDecision.NO_LOCAL_REVIEW,
        decision_on=decided,
        decision_rationale="Reasons recorded at the panel (fictional).",
        criteria_multi_agency=rng.random() < 0.6,
        criteria_improvements=rng.random() < 0.5,
        criteria_recurrent_themes=rng.random() < 0.3,
    )
    if not local:
        return fields
    planned = decided + relativedelta(months=6)
    fields.update(
        reviewer="Independent reviewer (fictional)",
        planned_publication_on=planned,
        terms_of_reference_on=wd(decided, rng.randint(5, 20)),
    )
    published = planned + datetime.timedelta(days=rng.choice([0, 0, 0, 20, 60, 150]))
    if published <= today:
        fields["sent_to_panel_on"] = published - datetime.timedelta(days=rng.randint(3, 14))
        fields["published_on"] = published
        if published > planned:
            fields["delay_reasons"] = "A parallel criminal process deferred publication (fictional)."
    return fields


def build_reviews(ctx: Context) -> tuple[int, int]:
    """About 10 reviews a year at every stage, saved through `case_review_save` (so milestones follow the
    rules), with findings once a decision is made and monitoring entries for local reviews."""
    rng = ctx.rng
    types = {
        k: LearningSourceType.objects.filter(name__iexact=n).first() for k, n in SOURCE_TYPE_FOR_KIND.items()
    }
    panel = (
        Group.objects.filter(handles_case_reviews=True).first()
        or Group.objects.filter(name__iexact="CSPR Panel").first()
    )
    themes = list(Theme.objects.order_by("pk"))
    findings, entries = [], []
    count = 0
    for first, last in ctx.year_spans():
        for number in range(ctx.n(10)):
            kind = rng.choices([ReviewKind.CHILD, ReviewKind.SAR, ReviewKind.DHR], [8, 1, 1])[0]
            if types[kind] is None:
                continue
            aware = ctx.day_between(first, last)
            fields = _review_fields(ctx, kind, aware)
            label = {ReviewKind.CHILD: "Child", ReviewKind.SAR: "Adult", ReviewKind.DHR: "Adult"}[kind]
            pseudonym = f"{label} {chr(65 + number % 26)}{first.year % 100:02d}"
            by = ctx.user(Role.BU_OFFICER, Role.BU_ADMIN)
            done = fields.get("published_on") or (
                fields.get("decision_on")
                if fields.get("decision") == ReviewDecision.NO_LOCAL_REVIEW
                else None
            )
            activity = LearningActivity.objects.create(
                title=f"{types[kind].name}: {pseudonym} ({rng.choice(TOPICS)})",
                source_type=types[kind],
                owning_group=panel,
                started_on=aware,
                completed_on=done,
                created_by=by,
                status=(
                    ActivityStatus.COMPLETED
                    if fields.get("published_on")
                    else ActivityStatus.CLOSED
                    if done
                    else ActivityStatus.IN_PROGRESS
                ),
                created_at=ctx.moment(aware),
            )
            review = case_review_save(
                review=CaseReview(activity=activity, kind=kind, pseudonym=pseudonym, aware_on=aware, **fields)
            )
            ctx.reviews.append(review)
            count += 1
            if fields.get("decision_on"):
                findings += _findings_for(ctx, activity, themes, by, 3, 6)
            if fields.get("decision") == ReviewDecision.LOCAL_REVIEW:
                for months in range(2, 13, 3):
                    day = fields["decision_on"] + relativedelta(months=months)
                    if day <= min(ctx.today, fields.get("published_on") or ctx.today):
                        entries.append(
                            MonitoringEntry(
                                review=review,
                                entry_on=day,
                                recorded_by=by,
                                note="On track against the timetable (fictional).",
                            )
                        )
    bulk(MonitoringEntry, entries)
    return count, _save_findings(ctx, findings, themes)


def build_summaries(ctx: Context) -> tuple[int, int]:
    """About 50 summaries a year from that year's activities with findings, 3 to 5 key messages each (about
    200 key messages a year: 2,000 over ten years, data-volumes.md). Older summaries are accepted; the
    latest months have every status of the LDG workflow."""
    rng = ctx.rng
    audiences = list(AudienceGroup.objects.order_by("position", "pk"))
    workforce = list(WorkforceGroup.objects.order_by("pk"))
    findings_of = {}
    for finding in Finding.objects.order_by("pk").only("pk", "activity_id"):
        findings_of.setdefault(finding.activity_id, []).append(finding.pk)
    with_findings = [a for a in ctx.activities + [r.activity for r in ctx.reviews] if a.pk in findings_of]
    summaries, plans = [], []  # plans: (summary, activities, steps)
    for first, last in ctx.year_spans():
        pool = [a for a in with_findings if a.completed_on and first <= a.completed_on <= last]
        for _ in range(ctx.n(50)):
            if not pool:
                break
            chosen = pick(rng, pool, 1, 2)
            drafted = max(a.completed_on for a in chosen) + datetime.timedelta(days=rng.randint(5, 40))
            if drafted > ctx.today:
                drafted = ctx.today
            age = (ctx.today - drafted).days
            if age > 120 or not summaries:  # the first is always accepted, so every area has rows
                steps = [SummaryStatus.SUBMITTED, SummaryStatus.ACCEPTED]
                if rng.random() < 0.15:
                    steps = [SummaryStatus.SUBMITTED, SummaryStatus.RETURNED] + steps
            else:
                steps = rng.choice(
                    [
                        [],
                        [SummaryStatus.SUBMITTED],
                        [SummaryStatus.SUBMITTED, SummaryStatus.RETURNED],
                        [SummaryStatus.SUBMITTED, SummaryStatus.ACCEPTED],
                    ]
                )
            summary = SummaryOfLearning(
                title=f"Summary of learning: {chosen[0].title}"[:200],
                subgroup=chosen[0].owning_group or ctx.groups[0],
                activity_type=", ".join(sorted({a.source_type.name for a in chosen}))[:300],
                description="; ".join(f"{a.title} ({a.started_on:%B %Y})" for a in chosen),
                findings_summary="The findings are set out in the register (fictional).",
                status=steps[-1] if steps else SummaryStatus.DRAFT,
                version=1 + len(steps),
                created_by=ctx.user(Role.BU_OFFICER),
                created_at=ctx.moment(drafted),
            )
            summaries.append(summary)
            plans.append((summary, chosen, steps, drafted))
    bulk(SummaryOfLearning, summaries)
    SummaryOfLearning.activities.through.objects.bulk_create(
        [
            SummaryOfLearning.activities.through(summaryoflearning_id=s.pk, learningactivity_id=a.pk)
            for s, chosen, *_ in plans
            for a in chosen
        ],
        batch_size=BATCH,
    )
    events, messages, message_findings = [], [], []
    for summary, chosen, steps, drafted in plans:
        at = ctx.moment(drafted)
        events.append(
            SummaryEvent(
                summary=summary, from_status="", to_status=SummaryStatus.DRAFT, by=summary.created_by, at=at
            )
        )
        status = SummaryStatus.DRAFT
        for step in steps:
            at = min(at + datetime.timedelta(days=rng.randint(7, 30)), timezone.now())
            reason = "Please make the key messages more specific." if step == SummaryStatus.RETURNED else ""
            events.append(
                SummaryEvent(
                    summary=summary,
                    from_status=status,
                    to_status=step,
                    at=at,
                    reason=reason,
                    by=ctx.user(Role.GROUP_CHAIR, Role.BU_ADMIN),
                )
            )
            status = step
        summary.accepted_at = at if status == SummaryStatus.ACCEPTED else None
        topic = chosen[0].title.split(": ", 1)[-1].rsplit(" (", 1)[0]
        for position in range(rng.randint(3, 5)):
            message = KeyMessage(
                summary=summary, position=position, text=rng.choice(MESSAGES).format(t=topic)
            )
            messages.append(message)
            candidates = [f for a in chosen for f in findings_of.get(a.pk, [])]
            message_findings.append((message, pick(rng, candidates, 1, 2)))
    bulk(SummaryEvent, events)
    bulk(KeyMessage, messages)
    audience_through = KeyMessage.audiences.through
    workforce_through = KeyMessage.workforce_groups.through
    findings_through = KeyMessage.findings.through
    bulk(
        audience_through,
        [
            audience_through(keymessage_id=m.pk, audiencegroup_id=a.pk)
            for m in messages
            for a in pick(rng, audiences, 1, 2)
        ],
    )
    bulk(
        workforce_through,
        [
            workforce_through(keymessage_id=m.pk, workforcegroup_id=w.pk)
            for m in messages
            for w in pick(rng, workforce, 1, 2)
        ],
    )
    bulk(
        findings_through,
        [findings_through(keymessage_id=m.pk, finding_id=f) for m, fs in message_findings for f in fs],
    )
    ctx.accepted_messages = [m for m in messages if m.summary.status == SummaryStatus.ACCEPTED]
    ctx.summaries = summaries
    for summary in summaries:
        ctx.log(summary, 0, summary.created_at, summary.created_by)
    return len(summaries), len(messages)
