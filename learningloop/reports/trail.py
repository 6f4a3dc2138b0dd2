"""The learning trail of one key message: where it came from, how it was planned and disseminated, how each
agency embedded it, and the actions it led to — with its loop status.

The loop status is decided in one place (its stages' rules in loop.counted, stored per key message on
write; `with_loop_status(queryset)` turns the stored columns into the status): identified (a key message
exists) → planned (a dissemination plan row for it has at least one communication method chosen) →
disseminated (at least one of its communications is done, or a training session carrying it was given) →
embedded (at least one agency's response to a request including it has been accepted) → evidenced (an
indicator, audit domain or survey question it names as its evidence of impact moved the desired way). The
status is the furthest stage with evidence. It is a database annotation over the stored loop, so the index
page filters and shows it without a query per row, and the trail page reads the same annotation."""

from dataclasses import dataclass, field

from django.db.models import BooleanField, Case, CharField, F, Prefetch, Q, Sum, Value, When
from django.db.models.functions import Coalesce
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from learningloop.assurance.models import AssuranceEvidence, YouSaidWeDid
from learningloop.core import publishing
from learningloop.core.presenters import StatusTag
from learningloop.dissemination.models import (
    AgencyResponse,
    AudiencePlan,
    Briefing,
    Communication,
    MessagePlan,
)
from learningloop.governance.models import LearningEvent, PolicyChange
from learningloop.improvement.models import Action, ActionPlan
from learningloop.learning.models import Finding, KeyMessage, LearningActivity
from learningloop.performance.periods import label_for
from learningloop.workforce.models import SessionStatus, TrainingSession

IDENTIFIED, PLANNED, DISSEMINATED, EMBEDDED = "identified", "planned", "disseminated", "embedded"
EVIDENCED = "evidenced"
STAGES = (
    (IDENTIFIED, "Identified"),
    (PLANNED, "Planned"),
    (DISSEMINATED, "Disseminated"),
    (EMBEDDED, "Embedded"),
    (EVIDENCED, "Evidenced"),
)
STAGE_LABELS = dict(STAGES)
STAGE_COLOURS = {IDENTIFIED: "grey", PLANNED: "blue", DISSEMINATED: "yellow", EMBEDDED: "green"}
STAGE_COLOURS[EVIDENCED] = "turquoise"
# The loop status as the one status tag (core.presenters.StatusTag), drawn by jinja2/core/_status_tag.html.
STAGE_TAGS = {key: StatusTag(label, STAGE_COLOURS[key], key=key) for key, label in STAGES}
STAGE_EVIDENCE = {
    IDENTIFIED: "The key message is in a Summary of Learning",
    PLANNED: "At least one communication method is planned for it",
    DISSEMINATED: "At least one communication about it is done, or a training session carrying it was given",
    EMBEDDED: "At least one agency's embedding response has been accepted",
    EVIDENCED: "An indicator, audit domain or survey question named as its evidence of impact moved the "
    "desired way",
}


def with_loop_status(queryset):
    """Annotate key messages with `loop_status` (and the flags it is built from), read from their stored
    loop (models.KeyMessageLoop, kept on write by loop.loop_update: ADR 0044): no subquery per message. A
    queryset already annotated (filtered by its loop status) is returned as it is."""
    if "loop_status" in queryset.query.annotations:
        return queryset
    stored = {
        name: Coalesce(F(f"loop__{name}"), False)
        for name in ("planned", "communicated", "embedded", "evidenced")
    }
    return queryset.annotate(
        is_planned=stored["planned"],
        is_disseminated=stored["communicated"],
        is_trained=Case(
            When(loop__trained_from__lte=timezone.localdate(), then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        ),
        is_embedded=stored["embedded"],
        is_evidenced=stored["evidenced"],
    ).annotate(
        loop_status=Case(
            When(is_evidenced=True, then=Value(EVIDENCED)),
            When(is_embedded=True, then=Value(EMBEDDED)),
            When(Q(is_disseminated=True) | Q(is_trained=True), then=Value(DISSEMINATED)),
            When(is_planned=True, then=Value(PLANNED)),
            default=Value(IDENTIFIED),
            output_field=CharField(),
        )
    )


@dataclass
class Stage:
    key: str
    label: str
    evidence: str
    reached: bool
    current: bool


def stages(message) -> list[Stage]:
    """The five stages for the flow visual and the accessible list; `message` carries the annotations."""
    flags = {
        IDENTIFIED: True,
        PLANNED: message.is_planned,
        DISSEMINATED: message.is_disseminated or message.is_trained,
        EMBEDDED: message.is_embedded,
        EVIDENCED: message.is_evidenced,
    }
    return [
        Stage(key, label, STAGE_EVIDENCE[key], bool(flags[key]), key == message.loop_status)
        for key, label in STAGES
    ]


def optional_url(name, **kwargs):
    """The URL if that page exists (other pages land over time), else None."""
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return None


@dataclass
class Trail:
    message: KeyMessage
    stages: list
    activities: list
    findings: list
    findings_fallback: bool
    message_plans: list
    communications: list
    responses: list
    action_plans: list
    evidence: list = field(default_factory=list)
    # Evidence of impact from audits and survey questions (assurance), and "You said, we did" entries.
    assurance_evidence: list = field(default_factory=list)
    you_said_we_did: list = field(default_factory=list)
    links: dict = field(default_factory=dict)
    training: list = field(default_factory=list)  # delivered sessions of courses carrying the message
    # Views and downloads of the public learning hub's items carrying the message (core.publishing reach).
    public_reach: list = field(default_factory=list)

    @property
    def summary(self):
        return self.message.summary


def key_message_queryset():
    """The key message with everything the trail reads about it, in a fixed number of queries."""
    communications = Communication.objects.select_related("method", "owner", "owner_agency").order_by(
        "due_on", "pk"
    )
    audience_plans = AudiencePlan.objects.select_related("audience").prefetch_related(
        "methods", Prefetch("communications", queryset=communications)
    )
    message_plans = MessagePlan.objects.select_related("plan").prefetch_related(
        Prefetch("audience_plans", queryset=audience_plans)
    )
    activities = LearningActivity.objects.select_related("source_type").prefetch_related(
        Prefetch("findings", queryset=Finding.objects.order_by("pk"))
    )
    return with_loop_status(
        KeyMessage.objects.select_related("summary", "summary__subgroup").prefetch_related(
            Prefetch("findings", queryset=Finding.objects.select_related("activity").order_by("pk")),
            Prefetch("summary__activities", queryset=activities.order_by("started_on", "pk")),
            Prefetch("message_plans", queryset=message_plans),
            Prefetch("briefings", queryset=Briefing.objects.order_by("-updated_at", "-pk")),
            Prefetch(
                "assurance_evidence",
                queryset=AssuranceEvidence.objects.select_related(
                    "baseline_domain__audit__activity",
                    "followup_domain__audit__activity",
                    "baseline_question__survey",
                    "followup_question__survey",
                ).order_by("pk"),
            ),
            Prefetch("you_said_we_did", queryset=YouSaidWeDid.objects.order_by("-did_on", "-pk")),
            # Governance: policies and procedures updated because of it, and learning events that shared it
            # (with their attendance), as disseminations with their dates.
            Prefetch(
                "policy_changes",
                queryset=PolicyChange.objects.select_related("policy").order_by("changed_on"),
            ),
            Prefetch(
                "learning_events",
                queryset=LearningEvent.objects.annotate(reach=Sum("attendance__attendees")).order_by(
                    "held_on"
                ),
            ),
        )
    )


def build_trail(message: KeyMessage, user) -> Trail:
    """The trail for one key message (fetched with key_message_queryset), as `user` may see it: an agency
    user sees only their own agency's embedding responses (AgencyResponse.objects.visible_to)."""
    activities = list(message.summary.activities.all())
    findings = list(message.findings.all())
    fallback = not findings
    if fallback:
        findings = [f for a in activities for f in a.findings.all()]
    message_plans = list(message.message_plans.all())
    communications = [
        c for mp in message_plans for ap in mp.audience_plans.all() for c in ap.communications.all()
    ]
    communications.sort(key=lambda c: (c.due_on, c.pk))
    responses = list(
        AgencyResponse.objects.visible_to(user)
        .filter(request__key_messages=message)
        .select_related("agency", "request")
        .order_by("request__sent_at", "request_id", "agency__name")
    )
    action_plans = list(
        ActionPlan.objects.visible_to(user)
        .filter(source_key_message=message)
        .select_related("agency")
        .prefetch_related(
            Prefetch(
                "actions",
                queryset=Action.objects.select_related("owner_agency", "owner").order_by("due_on", "pk"),
            )
        )
        .order_by("created_at", "pk")
    )
    training = list(
        TrainingSession.objects.filter(
            course__key_messages=message, status=SessionStatus.SCHEDULED, date__lte=timezone.localdate()
        )
        .select_related("course")
        .order_by("-date", "pk")[:20]
    )
    evidence = [
        (
            link,
            label_for(link.indicator.frequency, link.baseline_start),
            label_for(link.indicator.frequency, link.followup_start),
        )
        for link in message.impact_evidence.select_related("indicator").order_by("pk")
    ]
    return Trail(
        assurance_evidence=list(message.assurance_evidence.all()),
        you_said_we_did=list(message.you_said_we_did.all()),
        training=training,
        evidence=evidence,
        message=message,
        stages=stages(message),
        activities=activities,
        findings=findings,
        findings_fallback=fallback,
        message_plans=message_plans,
        communications=communications,
        responses=responses,
        action_plans=action_plans,
        links={
            "plan": {
                mp.plan_id: optional_url("dissemination:plan_detail", pk=mp.plan_id) for mp in message_plans
            },
            "response": {r.pk: optional_url("dissemination:response_detail", pk=r.pk) for r in responses},
            "action": {
                a.pk: optional_url("improvement:action_detail", pk=a.pk)
                for p in action_plans
                for a in p.actions.all()
            },
            "action_plan": {p.pk: optional_url("improvement:plan_detail", pk=p.pk) for p in action_plans},
        },
        public_reach=publishing.public_reach(message.pk),
    )


def stage_counts(user=None) -> dict:
    """How many key messages are at each stage of the loop (one query), for the home page."""
    from django.db.models import Count

    found = dict(
        with_loop_status(KeyMessage.objects.all())
        .values_list("loop_status")
        .annotate(n=Count("pk"))
        .values_list("loop_status", "n")
    )
    rows = [(key, label, found.get(key, 0)) for key, label in STAGES]
    return {"stages": rows, "total": sum(n for _k, _l, n in rows), "empty": not found}
