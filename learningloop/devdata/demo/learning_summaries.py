"""Demo Summaries of Learning, one in each state of the LDG workflow, drawn from the demo register's
activities that have findings. Fictional content only: children appear as pseudonyms (Child A).

Safe to repeat: a summary is matched by its title and left alone if it exists."""

import datetime

from django.db import transaction
from django.utils import timezone

from learningloop.accounts.models import User
from learningloop.core.policy import Role
from learningloop.learning.models import (
    KeyMessage,
    LearningActivity,
    SummaryEvent,
    SummaryOfLearning,
    SummaryStatus,
    WorkforceGroup,
)
from learningloop.learning.summaries.prefill import summary_prefill
from learningloop.partnership.models import AudienceGroup, Group

INTERNAL, WORKFORCE, EXTERNAL, GENERAL = (
    "Internal communications",
    "Workforce communications",
    "External communications",
    "General communications",
)
D, S, A, R = SummaryStatus.DRAFT, SummaryStatus.SUBMITTED, SummaryStatus.ACCEPTED, SummaryStatus.RETURNED

# title, subgroup, steps after the draft [(to, reason)], key messages [(text, audiences, workforce groups)]
SUMMARIES = [
    (
        "Multi-agency neglect audit: chronologies and escalation",
        "Audit Group",
        [(S, ""), (A, "")],
        [
            ("Share a single chronology at every strategy discussion, so each agency sees the whole picture.",
             [INTERNAL, WORKFORCE], ["Children's social workers", "Health visitors and school nurses"]),
            ("Escalate when a plan drifts: use the partnership's escalation policy within five working days.",
             [WORKFORCE], ["Schools' designated safeguarding leads", "GPs and primary care"]),
            ("Record what the child says and how they seem, in their own words.",
             [WORKFORCE, EXTERNAL], ["Early years practitioners"]),
        ],
    ),
    (
        "Rapid review Child A: safer sleep for infants",
        "CSPR Panel",
        [(S, "")],
        [
            ("Talk about safer sleep at every contact when a baby's routine changes, not only at birth.",
             [WORKFORCE, EXTERNAL], ["Health visitors and school nurses", "GPs and primary care"]),
            ("Ask who else cares for the baby overnight and give them the same advice.",
             [WORKFORCE], ["Emergency department staff", "Housing officers"]),
        ],
    ),
    (
        "MASH referrals: the quality of information shared",
        "MASH Strategic Group",
        [(S, ""), (R, "Please add the dates of the dip sample and say which agencies took part.")],
        [
            ("Say what you are worried about and why: a referral that names the risk is acted on sooner.",
             [WORKFORCE], ["Police response officers", "Schools' designated safeguarding leads"]),
            ("Tell the family you are making a referral unless doing so would put the child at risk.",
             [WORKFORCE, GENERAL], ["Police response officers"]),
        ],
    ),
    (
        "The voice of the child in child protection plans",
        "Assurance and Review Group",
        [],
        [
            ("Plans should say what the child wants to happen, in the child's words.",
             [INTERNAL, WORKFORCE], ["Children's social workers"]),
            ("Check with the child that the plan makes sense to them before the review conference.",
             [WORKFORCE, EXTERNAL], []),
        ],
    ),
    (
        "Local review Child B: professional curiosity about new adults",
        "CSPR Panel",
        [(S, ""), (R, "The key messages need named audiences for housing and police."), (S, "")],
        [
            ("Be curious about new adults in the household: ask who they are and check what is known.",
             [WORKFORCE], ["Police response officers", "Housing officers", "Children's social workers"]),
            ("Share concerns about a new adult with the other agencies involved, the same day.",
             [INTERNAL, WORKFORCE], ["GPs and primary care"]),
            ("Tell the public how to raise a worry about a child, and that they will be listened to.",
             [GENERAL, EXTERNAL], []),
            ("Review the case file when a new adult joins the household, and record the review.",
             [WORKFORCE], ["Children's social workers"]),
        ],
    ),
]  # fmt: skip


def _user_with(role):
    return User.objects.filter(roles__icontains=f'"{role}"', is_active=True).order_by("pk").first()


def _group(name):
    return Group.objects.filter(name__iexact=name).first()


@transaction.atomic
def seed(stdout=None) -> int:
    """Add the demo summaries that are missing; return how many were added."""
    activities = list(
        LearningActivity.objects.filter(findings__isnull=False)
        .distinct()
        .select_related("source_type")
        .prefetch_related("findings")
        .order_by("pk")
    )
    if not activities:
        if stdout:
            stdout.write(
                "Summaries of learning: skipped, no activities with findings (seed the register first)"
            )
        return 0
    drafter = _user_with(Role.BU_OFFICER) or _user_with(Role.BU_ADMIN)
    decider = _user_with(Role.GROUP_CHAIR) or drafter
    audiences = {a.name.lower(): a for a in AudienceGroup.objects.all()}
    workforce = {w.name.lower(): w for w in WorkforceGroup.objects.all()}
    start = timezone.now() - datetime.timedelta(days=120)
    added = 0
    for index, (title, subgroup_name, steps, messages) in enumerate(SUMMARIES):
        subgroup = _group(subgroup_name)
        if subgroup is None or SummaryOfLearning.objects.filter(title=title).exists():
            continue
        chosen = [activities[index % len(activities)]]
        if len(activities) > len(SUMMARIES) and index % 2:
            chosen.append(activities[(index + len(SUMMARIES)) % len(activities)])
        summary = SummaryOfLearning(
            title=title, subgroup=subgroup, created_by=drafter, **summary_prefill(activities=chosen)
        )
        summary.activity_type = summary.activity_type[:300]
        summary.full_clean(exclude=["created_by"])  # the demo tolerates missing demo users
        summary.save()
        summary.activities.set(chosen)
        findings = [f for a in chosen for f in a.findings.all()]
        for position, (text, audience_names, workforce_names) in enumerate(messages):
            message = KeyMessage.objects.create(summary=summary, text=text, position=position)
            message.audiences.set([audiences[n.lower()] for n in audience_names if n.lower() in audiences])
            message.workforce_groups.set(
                [workforce[n.lower()] for n in workforce_names if n.lower() in workforce]
            )
            message.findings.set(findings[position % len(findings) :][:1] if findings else [])
        at = start + datetime.timedelta(days=index * 7)
        SummaryEvent.objects.create(summary=summary, from_status="", to_status=D, by=drafter, at=at)
        status = D
        for step, (to, reason) in enumerate(steps, start=1):
            by = drafter if to == S else decider
            at = at + datetime.timedelta(days=step * 5)
            SummaryEvent.objects.create(
                summary=summary, from_status=status, to_status=to, by=by, at=at, reason=reason
            )
            status = to
        SummaryOfLearning.objects.filter(pk=summary.pk).update(status=status, version=1 + len(steps))
        added += 1
    if stdout:
        stdout.write(f"Summaries of learning: {len(SUMMARIES)} defined, {added} added")
    return added
