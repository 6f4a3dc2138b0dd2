"""Writes for multi-agency audits. Keyword-only, validated with full_clean, atomic; views stay thin.

An audit is a learning activity in the register (source type "Multi-agency audit"): its findings are the
register's findings and its action plans name it as their source, so the audit, the register and the
action plans link to each other through that one row."""

from django.core.exceptions import ValidationError
from django.db import transaction

from learningloop.core.concurrency import claim_version
from learningloop.learning.models import ActivityStatus, Finding, LearningActivity
from learningloop.learning.register.services import activity_save, finding_save
from learningloop.partnership.models import LearningSourceType

from ..models import (
    Audit,
    AuditCase,
    AuditCaseDetails,
    AuditDomain,
    AuditMilestone,
    AuditStatus,
    Grade,
    Grading,
    ModeratedGrade,
)
from ..models.audits import DEFAULT_DOMAINS

SOURCE_TYPE_NAME = "Multi-agency audit"


def _user(by):
    return by if getattr(by, "is_authenticated", False) else None


@transaction.atomic
def audit_create(*, title, theme, agencies, started_on, domains=None, by=None) -> Audit:
    """A new audit with its row in the learning register and the audit tool's domains."""
    source_type = LearningSourceType.objects.filter(name=SOURCE_TYPE_NAME).first()
    if source_type is None:
        raise ValidationError(
            "Load the framework preset first: the multi-agency audit source type is missing"
        )
    if not agencies:
        raise ValidationError({"agencies": "Select the agencies taking part"})
    activity = activity_save(
        activity=LearningActivity(
            title=title,
            source_type=source_type,
            started_on=started_on,
            status=ActivityStatus.IN_PROGRESS,
            owning_group=source_type.owning_group,
            description=f"Multi-agency audit. Theme: {theme}.",
        ),
        provider_agencies=agencies,
        by=by,
    )
    audit = Audit(activity=activity, theme=theme)
    audit.full_clean()
    audit.save()
    audit.agencies.set(agencies)
    for position, name in enumerate(domains or DEFAULT_DOMAINS, start=1):
        AuditDomain.objects.create(audit=audit, name=name, position=position)
    return audit


@transaction.atomic
def milestone_add(*, audit: Audit, label, due_on) -> AuditMilestone:
    milestone = AuditMilestone(audit=audit, label=label, due_on=due_on)
    milestone.full_clean()
    milestone.save()
    return milestone


@transaction.atomic
def case_add(*, audit: Audit, reference) -> AuditCase:
    """A case in the sample, by its pseudonymised reference only (identifying detail goes in the
    restricted record)."""
    reference = (reference or "").strip()
    if AuditCase.objects.filter(audit=audit, reference__iexact=reference).exists():
        raise ValidationError({"reference": "This audit already has a case with this reference"})
    case = AuditCase(audit=audit, reference=reference)
    case.full_clean()
    case.save()
    return case


@transaction.atomic
def case_details_save(*, details: AuditCaseDetails, expected_version=None) -> AuditCaseDetails:
    details.full_clean()
    if details.pk is not None:
        claim_version(details, expected_version)
    details.save()
    return details


@transaction.atomic
def grading_save(*, case: AuditCase, agency, grades: dict, by=None) -> int:
    """One agency's grades of one case: {domain_id: (grade, rationale)}. Every domain needs a grade and a
    rationale; the agency must take part in the audit. Replaces that agency's earlier grades of the case."""
    if not case.audit.agencies.filter(pk=agency.pk).exists():
        raise ValidationError("This agency is not taking part in the audit")
    domains = {d.pk: d for d in case.audit.domains.all()}
    errors = {}
    for domain_id, domain in domains.items():
        grade, rationale = grades.get(domain_id, ("", ""))
        if grade not in Grade.values:
            errors[f"grade_{domain_id}"] = f"Select a grade for {domain.name}"
        elif not (rationale or "").strip():
            errors[f"rationale_{domain_id}"] = f"Enter the rationale for the grade for {domain.name}"
    if errors:
        raise ValidationError(errors)
    Grading.objects.filter(case=case, agency=agency).delete()
    Grading.objects.bulk_create(
        [
            Grading(
                case=case,
                domain_id=d,
                agency=agency,
                grade=grades[d][0],
                rationale=grades[d][1].strip(),
                by=_user(by),
            )
            for d in domains
        ]
    )
    if case.audit.status == AuditStatus.PLANNED:
        Audit.objects.filter(pk=case.audit_id).update(status=AuditStatus.GRADING)
    return len(domains)


@transaction.atomic
def moderation_record(*, case: AuditCase, agreed: dict, held_on, by=None) -> int:
    """The moderation meeting's agreed grade per domain for one case: {domain_id: (grade, note)}; a domain
    left blank keeps no agreed grade."""
    domains = {d.pk for d in case.audit.domains.all()}
    rows = []
    for domain_id, (grade, note) in agreed.items():
        if domain_id not in domains or not grade:
            continue
        if grade not in Grade.values:
            raise ValidationError("Choose each agreed grade from the list")
        rows.append(ModeratedGrade(case=case, domain_id=domain_id, grade=grade, note=(note or "").strip()))
    if not rows:
        raise ValidationError("Select the agreed grade for at least one domain")
    ModeratedGrade.objects.filter(case=case, domain_id__in=[r.domain_id for r in rows]).delete()
    ModeratedGrade.objects.bulk_create(rows)
    audit = case.audit
    audit.status, audit.moderated_on = AuditStatus.MODERATED, held_on
    audit.full_clean()
    audit.save(update_fields=["status", "moderated_on"])
    from ..evidence.services import assurance_evidence_update

    assurance_evidence_update(audit_ids=[audit.pk])  # key messages evidenced by this audit's domains
    return len(rows)


@transaction.atomic
def finding_add(*, audit: Audit, text, kind, themes=(), recommendations="", by=None) -> Finding:
    """A finding of the audit, into the learning register (a strength or an area for improvement)."""
    return finding_save(
        finding=Finding(activity=audit.activity, text=text, kind=kind, recommendations=recommendations),
        themes=themes,
        by=by,
    )
