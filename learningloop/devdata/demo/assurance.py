"""Demo assurance data: a full Section 11 cycle last year (returns on time, late and one never submitted,
with a moderation event whose agreed actions became improvement actions), this year's Section 11 cycle in
progress (started from last year's answers), a Section 175 cycle for three demo schools, two multi-agency
audits with graded cases, a moderation and findings, and agencies' own learning in each state (including
single-agency audit reports). Fictional content only.

Safe to repeat: each cycle, audit and contribution is matched by its name and left alone if it exists.
Needs `load_framework` (the standards and source types) and the partnership demo."""

import datetime

from django.db import transaction
from django.utils import timezone

from learningloop.assurance.audits import services as audits
from learningloop.assurance.models import (
    AgencyContribution,
    Answer,
    Audit,
    AuditMilestone,
    Cycle,
    ReturnStatus,
    SelfAssessmentReturn,
    StandardSet,
    StandardSetKind,
)
from learningloop.assurance.selfassessment import services as selfassessment
from learningloop.learning.models import FindingKind
from learningloop.partnership.models import Agency, LearningSourceType

SCHOOLS = ["Elmbridge Primary School", "Marston Green Academy", "Kingshurst High School"]
EVIDENCE = [
    "Board minutes record the annual safeguarding report and its challenge.",
    "The policy was reviewed in March and published on the intranet.",
    "Training records show 92% of front-line staff are up to date.",
    "Supervision audit of 20 files; findings reported to the safeguarding committee.",
]


def _scores(n, agency_index):
    """A spread of scores for the heat map: mostly green, some amber and red."""
    return (agency_index * 3 + n * 2) % 4 if (agency_index + n) % 5 else 1


def _fill(ret, agency_index, *, submitted_on=None, improvements=False):
    answers = list(ret.answers.select_related("standard"))
    for n, answer in enumerate(answers):
        answer.score = _scores(n, agency_index)
        answer.evidence = EVIDENCE[(n + agency_index) % len(EVIDENCE)]
        if improvements and answer.score < 2:
            answer.improvement_areas = "Strengthen how this is evidenced across all teams."
            answer.improvement_due_on = ret.cycle.due_on + datetime.timedelta(days=180)
    Answer.objects.bulk_update(answers, ["score", "evidence", "improvement_areas", "improvement_due_on"])
    if submitted_on:
        SelfAssessmentReturn.objects.filter(pk=ret.pk).update(
            status=ReturnStatus.SUBMITTED, submitted_on=submitted_on
        )
    else:
        SelfAssessmentReturn.objects.filter(pk=ret.pk).update(status=ReturnStatus.IN_PROGRESS)


def _schools():
    for name in SCHOOLS:
        if not Agency.objects.filter(name=name).exists():
            school = Agency(name=name, sector="education", is_school=True)
            school.full_clean()
            school.save()


def _section_11(today):
    standards = StandardSet.objects.filter(kind=StandardSetKind.SECTION_11).first()
    if standards is None or Cycle.objects.filter(name__startswith="Section 11 self-assessment").exists():
        return 0
    last = selfassessment.cycle_create(
        standard_set=standards,
        name=f"Section 11 self-assessment {today.year - 1}",
        frequency="annual",
        opens_on=today - datetime.timedelta(days=450),
        due_on=today - datetime.timedelta(days=365),
    )
    returns = list(last.returns.select_related("agency").order_by("agency__name"))
    for i, ret in enumerate(returns):
        if i == len(returns) - 1:
            _fill(ret, i)  # never submitted: locked at its deadline
            continue
        late = i % 4 == 1
        _fill(
            ret, i, submitted_on=last.due_on + datetime.timedelta(days=9 if late else -3), improvements=True
        )
    moderated = returns[0]
    moderated.refresh_from_db()
    first = moderated.answers.order_by("standard__position").first()
    selfassessment.moderation_record(
        ret=moderated,
        held_on=last.due_on + datetime.timedelta(days=30),
        notes="Challenge event with the Executive: evidence for standard 1 was thinner than the score.",
        scores={first.standard_id: max((first.score or 1) - 1, 0)},
        actions=[
            (
                "Present the annual safeguarding report to the board with its challenge",
                today + datetime.timedelta(days=60),
            )
        ],
    )
    current = selfassessment.cycle_create(
        standard_set=standards,
        name=f"Section 11 self-assessment {today.year}",
        frequency="annual",
        opens_on=today - datetime.timedelta(days=30),
        due_on=today + datetime.timedelta(days=25),
    )
    for i, ret in enumerate(current.returns.order_by("agency__name")[:4]):
        if i % 2 == 0:
            selfassessment.return_start(ret=ret)
        else:
            _fill(ret, i + 1)
    return 2


def _section_175(today):
    standards = StandardSet.objects.filter(kind=StandardSetKind.SECTION_175).first()
    if standards is None or Cycle.objects.filter(name__startswith="Section 175").exists():
        return 0
    cycle = selfassessment.cycle_create(
        standard_set=standards,
        name=f"Section 175/157 schools' audit {today.year}",
        frequency="annual",
        opens_on=today - datetime.timedelta(days=60),
        due_on=today - datetime.timedelta(days=5),
    )
    for i, ret in enumerate(cycle.returns.order_by("agency__name")):
        if i < 2:
            _fill(ret, i, submitted_on=cycle.due_on - datetime.timedelta(days=2 - i * 4))
    return 1


AUDITS = [
    ("Multi-agency audit: neglect and the voice of the child", "Neglect", ["Case A1", "Case A2", "Case A3"]),
    ("Multi-agency audit: domestic abuse and MARAC", "Domestic abuse", ["Case D1", "Case D2"]),
]
GRADES = ["good", "requires_improvement", "good", "inadequate", "outstanding", "requires_improvement"]


def _audits(today):
    if not LearningSourceType.objects.filter(name=audits.SOURCE_TYPE_NAME).exists():
        return 0
    agencies = list(
        Agency.objects.filter(is_active=True, is_school=False).exclude(statutory_role="business_unit")[:3]
    )
    added = 0
    for n, (title, theme, cases) in enumerate(AUDITS):
        if Audit.objects.filter(activity__title=title).exists() or not agencies:
            continue
        audit = audits.audit_create(
            title=title,
            theme=theme,
            agencies=agencies,
            started_on=today - datetime.timedelta(days=90 - n * 30),
        )
        for label, days in (
            ("Case sample agreed", -80),
            ("Gradings due", -30 + n * 40),
            ("Moderation meeting", -10 + n * 50),
            ("Report to the Assurance and Review Group", 30 + n * 40),
        ):
            AuditMilestone.objects.create(
                audit=audit,
                label=label,
                due_on=today + datetime.timedelta(days=days),
                done_on=today + datetime.timedelta(days=days) if days < 0 else None,
            )
        domains = list(audit.domains.all())
        for c, reference in enumerate(cases):
            case = audits.case_add(audit=audit, reference=reference)
            for a, agency in enumerate(agencies):
                audits.grading_save(
                    case=case,
                    agency=agency,
                    grades={
                        d.pk: (
                            GRADES[(c + a + i) % len(GRADES)],
                            f"{d.name}: seen in the {agency.display_name} record.",
                        )
                        for i, d in enumerate(domains)
                    },
                )
            if n == 0:
                audits.moderation_record(
                    case=case,
                    agreed={d.pk: (GRADES[(c + i) % 4], "") for i, d in enumerate(domains)},
                    held_on=today - datetime.timedelta(days=10),
                )
        if n == 0:
            audits.finding_add(
                audit=audit,
                text="Children's own words were recorded in most assessments",
                kind=FindingKind.STRENGTH,
            )
            audits.finding_add(
                audit=audit,
                text="Fathers and male carers were rarely seen or asked for their views",
                kind=FindingKind.IMPROVEMENT,
            )
        added += 1
    return added


CONTRIBUTIONS = [
    ("Single-agency audit", "Police audit of child protection referrals", "draft"),
    ("Single-agency audit", "Health visiting record-keeping audit", "submitted"),
    ("CQC inspection", "CQC inspection of the emergency department", "accepted"),
    ("Single-agency audit", "Housing audit of tenancy safeguarding checks", "returned"),
]


def _contributions(today):
    agencies = list(
        Agency.objects.filter(is_active=True, is_school=False).exclude(statutory_role="business_unit")[:4]
    )
    added = 0
    for n, (kind, title, status) in enumerate(CONTRIBUTIONS):
        source_type = LearningSourceType.objects.filter(name=kind).first()
        if source_type is None or not agencies or AgencyContribution.objects.filter(title=title).exists():
            continue
        contribution = AgencyContribution.objects.create(
            agency=agencies[n % len(agencies)],
            source_type=source_type,
            title=title,
            happened_on=today - datetime.timedelta(days=40 + n * 20),
            summary="What the agency learned about its own practice, shared with the partnership.",
            objectives="Check that the practice standard is met.",
            outcomes="Met in most files; gaps in recording.",
            action_plan="Team briefings and a repeat audit in six months.",
            status="submitted" if status == "accepted" else status,
            return_reason="Please add the action plan's dates." if status == "returned" else "",
        )
        if status == "accepted":
            from learningloop.assurance.contributions import services

            services.contribution_review(
                contribution=contribution, accept=True, expected_version=contribution.version
            )
        added += 1
    return added


def _feedback(today):
    """Three years of quarterly counts for four agencies, with a theme on some."""
    from learningloop.assurance.feedback import services as feedback
    from learningloop.assurance.models import FeedbackCount
    from learningloop.learning.models import Theme

    if (
        FeedbackCount.objects.exists()
        or not LearningSourceType.objects.filter(name=feedback.SOURCE_TYPE_NAME).exists()
    ):
        return 0
    agencies = list(
        Agency.objects.filter(is_active=True, is_school=False).exclude(statutory_role="business_unit")[:4]
    )
    themes = [None, *Theme.objects.filter(is_active=True)[:2]]
    for year in (today.year - 2, today.year - 1, today.year):
        for month in (1, 4, 7, 10):
            quarter = datetime.date(year, month, 1)
            if quarter > today:
                continue
            for a, agency in enumerate(agencies):
                theme = themes[(a + month) % len(themes)]
                feedback.feedback_count_record(
                    agency=agency,
                    period_start=quarter,
                    kind="complaint",
                    theme=theme,
                    count=(a * 3 + month + year) % 9,
                )
                feedback.feedback_count_record(
                    agency=agency,
                    period_start=quarter,
                    kind="compliment",
                    theme=None,
                    count=(a * 5 + month * 2 + year) % 14 + 2,
                )
    return 1


def seed(stdout=None) -> int:
    today = timezone.localdate()
    with transaction.atomic():
        _schools()
        added = (
            _section_11(today)
            + _section_175(today)
            + _audits(today)
            + _contributions(today)
            + _feedback(today)
        )
    if stdout:
        stdout.write(f"Assurance: {added} cycles, audits and agency contributions added.")
    return added
