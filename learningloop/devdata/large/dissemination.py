"""From learning to practice: dissemination plans and communications, briefings, requests to agencies."""

import datetime

from learningloop.core.policy import Role
from learningloop.core.workdays import add_working_days
from learningloop.dissemination.models import (
    AgencyResponse,
    AudiencePlan,
    Briefing,
    BriefingKind,
    BriefingStatus,
    Communication,
    CommunicationStatus,
    DisseminationPlan,
    EmbeddingRequest,
    MessagePlan,
    ResponseStatus,
)
from learningloop.learning.models import (
    SummaryStatus,
)
from learningloop.partnership.models import (
    AudienceGroup,
    DisseminationMethod,
)

from .common import (
    Context,
    bulk,
    pick,
)


def build_dissemination(ctx: Context) -> tuple[int, int]:
    """A plan for every accepted summary (one row per key message and audience, as plan_create_for_summary
    makes them), with methods, measures and 2 to 6 tracked communications in every status."""
    rng = ctx.rng
    audiences = list(AudienceGroup.objects.active().order_by("position", "pk"))
    methods = list(DisseminationMethod.objects.order_by("pk"))
    accepted = [s for s in ctx.summaries if s.status == SummaryStatus.ACCEPTED]
    plans = [
        DisseminationPlan(summary=s, created_by=ctx.user(Role.BU_OFFICER), created_at=s.accepted_at)
        for s in accepted
    ]
    bulk(DisseminationPlan, plans)
    by_summary = {}
    for message in ctx.accepted_messages:
        by_summary.setdefault(message.summary_id, []).append(message)
    message_plans = [
        MessagePlan(
            plan=p,
            key_message=m,
            purpose="So that practitioners change practice and children are safer (fictional).",
        )
        for p in plans
        for m in by_summary.get(p.summary_id, [])
    ]
    bulk(MessagePlan, message_plans)
    audience_plans = [
        AudiencePlan(
            message_plan=mp,
            audience=a,
            measures_of_success="Attendance, views and the next audit show the change (fictional).",
        )
        for mp in message_plans
        for a in audiences
    ]
    bulk(AudiencePlan, audience_plans)
    through = AudiencePlan.methods.through
    bulk(
        through,
        [
            through(audienceplan_id=ap.pk, disseminationmethod_id=m.pk)
            for ap in audience_plans
            for m in pick(rng, methods, 1, 2)
        ],
    )
    rows_by_plan = {}
    for ap in audience_plans:
        rows_by_plan.setdefault(ap.message_plan.plan_id, []).append(ap)
    communications = []
    for plan in plans:
        rows = rows_by_plan.get(plan.pk, [])
        for _ in range(rng.randint(2, 6) if rows else 0):
            due = plan.created_at.date() + datetime.timedelta(days=rng.randint(10, 200))
            done_on, reach = None, (None, None, None)
            if due < ctx.today - datetime.timedelta(days=30):
                status = rng.choices(
                    [
                        CommunicationStatus.DONE,
                        CommunicationStatus.CANCELLED,
                        CommunicationStatus.IN_PROGRESS,
                    ],
                    [85, 10, 5],
                )[0]
            elif due < ctx.today:
                status = rng.choice(
                    [CommunicationStatus.DONE, CommunicationStatus.IN_PROGRESS, CommunicationStatus.PLANNED]
                )
            else:
                status = rng.choice([CommunicationStatus.PLANNED, CommunicationStatus.IN_PROGRESS])
            if status == CommunicationStatus.DONE:
                done_on = min(ctx.today, due + datetime.timedelta(days=rng.randint(-10, 10)))
                reach = (rng.randint(10, 200), rng.choice([None, rng.randint(50, 3000)]), rng.randint(0, 900))
            owner_agency = rng.choice(ctx.agencies)
            method = rng.choice(methods)
            communications.append(
                Communication(
                    audience_plan=rng.choice(rows),
                    plan=plan,
                    method=method,
                    description=f"{method.name} (fictional)"[:300],
                    owner=ctx.person_of(owner_agency),
                    owner_agency=owner_agency,
                    due_on=due,
                    status=status,
                    done_on=done_on,
                    people_attending=reach[0],
                    recipients=reach[1],
                    downloads_or_views=reach[2],
                )
            )
    bulk(Communication, communications)
    return len(plans), len(communications)


def build_briefings(ctx: Context) -> int:
    rng = ctx.rng
    rows, links = [], []
    messages = list(ctx.accepted_messages)
    for first, last in ctx.year_spans():
        pool = [m for m in messages if first <= m.summary.accepted_at.date() <= last]
        for _ in range(ctx.n(8) if pool else 0):
            chosen = pick(rng, pool, 1, 3)
            ready = rng.random() < 0.85
            at = ctx.moment(ctx.day_between(first, last))
            rows.append(
                Briefing(
                    kind=rng.choice(BriefingKind.values),
                    title=f"7-minute briefing: {chosen[0].text}"[:200],
                    background="<p>Fictional background.</p>",
                    what_to_do="<p>Use the guidance.</p>",
                    status=BriefingStatus.READY if ready else BriefingStatus.DRAFT,
                    published_at=at if ready else None,
                    created_at=at,
                    created_by=ctx.user(Role.BU_OFFICER),
                )
            )
            links.append(chosen)
    bulk(Briefing, rows)
    through = Briefing.key_messages.through
    bulk(
        through,
        [
            through(briefing_id=b.pk, keymessage_id=m.pk)
            for b, ms in zip(rows, links, strict=True)
            for m in ms
        ],
    )
    return len(rows)


def build_requests(ctx: Context) -> tuple[int, int]:
    """About 10 requests a year, each to about 20 agencies; old ones are mostly answered and accepted,
    recent ones are in every status, and some are overdue."""
    rng = ctx.rng
    S, V, D, SUB, A, M = (
        ResponseStatus.SENT,
        ResponseStatus.VIEWED,
        ResponseStatus.DRAFT,
        ResponseStatus.SUBMITTED,
        ResponseStatus.ACCEPTED,
        ResponseStatus.MORE_INFORMATION,
    )
    requests, links, responses = [], [], []
    for first, last in ctx.year_spans():
        pool = [m for m in ctx.accepted_messages if m.summary.accepted_at.date() <= last]
        for _ in range(ctx.n(20) if pool else 0):
            sent = ctx.day_between(first, last)
            due = add_working_days(sent, 20)
            pool_recent = pool[-40:]
            chosen = pick(rng, pool_recent, 1, 2)
            request = EmbeddingRequest(
                title=f"Embedding: {chosen[0].text}"[:200],
                due_on=due,
                message="Please tell us how you will embed these key messages.",
                sent_by=ctx.user(Role.BU_OFFICER),
                sent_at=ctx.moment(sent),
            )
            requests.append(request)
            links.append(chosen)
            age = (ctx.today - due).days
            for agency in pick(rng, ctx.agencies, min(20, len(ctx.agencies)), min(20, len(ctx.agencies))):
                if age > 90:
                    status = rng.choices([A, SUB, M, S], [80, 8, 5, 7])[0]
                elif age > 0:
                    status = rng.choices([A, SUB, M, D, V, S], [30, 20, 10, 15, 10, 15])[0]
                else:
                    status = rng.choices([S, V, D, SUB, A], [35, 25, 20, 15, 5])[0]
                response = AgencyResponse(request=request, agency=agency, status=status)
                if status != S:
                    response.first_viewed_at = request.sent_at + datetime.timedelta(days=rng.randint(1, 5))
                if status in (D, SUB, A, M):
                    response.where_embedded = "The supervision policy and induction (fictional)."
                if status in (SUB, A, M):
                    response.mechanisms = "Team briefings and a supervision prompt (fictional)."
                    response.evaluation = "A dip-sample audit of ten records (fictional)."
                    response.evaluate_by = due + datetime.timedelta(days=90)
                    response.submitted_at = request.sent_at + datetime.timedelta(days=rng.randint(5, 25))
                    response.submitted_by = ctx.user(Role.AGENCY_LEAD)
                if status in (A, M):
                    response.reviewed_at = response.submitted_at + datetime.timedelta(days=rng.randint(1, 10))
                    response.reviewed_by = ctx.user(Role.BU_OFFICER)
                if status == M:
                    response.review_note = "Please say who will carry out the audit and when."
                responses.append(response)
    bulk(EmbeddingRequest, requests)
    through = EmbeddingRequest.key_messages.through
    bulk(
        through,
        [
            through(embeddingrequest_id=r.pk, keymessage_id=m.pk)
            for r, ms in zip(requests, links, strict=True)
            for m in ms
        ],
    )
    bulk(AgencyResponse, responses)
    return len(requests), len(responses)
