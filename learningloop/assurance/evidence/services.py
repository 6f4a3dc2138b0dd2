"""Writes for a key message's evidence of impact from assurance. Keyword-only, validated, atomic.

`assurance_evidence_update` works the counts out again from the agreed (moderated) grades and the survey
answers; moderation and survey responses call it whenever they change, and adding a link calls it too."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q

from learningloop.learning.loop import loop_touched

from ..models import AssuranceEvidence, EvidenceKind, ModeratedGrade, QuestionKind, SurveyAnswer
from ..models.evidence import GOOD_OR_BETTER

COUNTED = ("baseline_favourable", "baseline_counted", "followup_favourable", "followup_counted", "desired")


def _user(by):
    return by if getattr(by, "is_authenticated", False) else None


def _domain_counts(domain_ids) -> dict:
    """{domain_id: (good or outstanding, cases with an agreed grade)}: one GROUP BY. A case without an
    agreed grade in the domain (not moderated, or left blank at moderation) is not counted."""
    rows = (
        ModeratedGrade.objects.filter(domain_id__in=list(domain_ids))
        .values("domain_id")
        .annotate(
            counted=Count("case_id", distinct=True), good=Count("pk", filter=Q(grade__in=GOOD_OR_BETTER))
        )
        .order_by()
    )
    return {r["domain_id"]: (r["good"], r["counted"]) for r in rows}


def _went_up(before, after):
    """True when the follow-up share is higher than the baseline share (compared exactly, as fractions);
    None when either side has nothing counted."""
    (good_before, n_before), (good_after, n_after) = before, after
    if not n_before or not n_after:
        return None
    return good_after * n_before > good_before * n_after


def _recount(links):
    domains = {d for link in links for d in (link.baseline_domain_id, link.followup_domain_id) if d}
    by_domain = _domain_counts(domains) if domains else {}
    by_question = _question_counts([link for link in links if link.kind == EvidenceKind.SURVEY])
    changed = []
    for link in links:
        if link.kind == EvidenceKind.AUDIT:
            before = by_domain.get(link.baseline_domain_id, (0, 0))
            after = by_domain.get(link.followup_domain_id, (0, 0))
        else:
            before = by_question.get((link.pk, "baseline"), (0, 0))
            after = by_question.get((link.pk, "followup"), (0, 0))
        values = (*before, *after, _went_up(before, after))
        if values != tuple(getattr(link, name) for name in COUNTED):
            for name, value in zip(COUNTED, values, strict=True):
                setattr(link, name, value)
            changed.append(link)
    AssuranceEvidence.objects.bulk_update(changed, list(COUNTED))
    loop_touched(link.key_message_id for link in changed)  # evidenced: the change went the desired way
    return len(changed)


def _favourable(link, question_id):
    if link.baseline_question.kind == QuestionKind.SCALE:
        return Q(question_id=question_id, number__gte=link.favourable_from)
    labels = Q()
    for label in link.favourable_options:
        labels |= Q(option__label__iexact=label)
    return Q(question_id=question_id) & labels


def _question_counts(links) -> dict:
    """{(link pk, "baseline" | "followup"): (favourable respondents, respondents)} for survey links: one
    aggregate query a link (two conditional counts a side). A respondent counts once however many options
    they chose; a respondent who left the question unanswered is not counted."""
    out = {}
    for link in links:
        sides = {"baseline": link.baseline_question_id, "followup": link.followup_question_id}
        aggregates = {}
        for side, question_id in sides.items():
            aggregates[f"{side}_n"] = Count("response_id", distinct=True, filter=Q(question_id=question_id))
            aggregates[f"{side}_good"] = Count(
                "response_id", distinct=True, filter=_favourable(link, question_id)
            )
        row = SurveyAnswer.objects.filter(question_id__in=list(sides.values())).aggregate(**aggregates)
        for side in sides:
            out[(link.pk, side)] = (row[f"{side}_good"], row[f"{side}_n"])
    return out


def assurance_evidence_update(*, audit_ids=(), question_ids=(), survey_ids=(), evidence_ids=()) -> int:
    """Work out again every evidence link that reads these audits' domains, these survey questions or the
    questions of these surveys (or these links); returns how many changed."""
    query = Q(pk__in=list(evidence_ids))
    if audit_ids:
        query |= Q(baseline_domain__audit_id__in=list(audit_ids)) | Q(
            followup_domain__audit_id__in=list(audit_ids)
        )
    if question_ids:
        query |= Q(baseline_question_id__in=list(question_ids)) | Q(
            followup_question_id__in=list(question_ids)
        )
    if survey_ids:
        query |= Q(baseline_question__survey_id__in=list(survey_ids)) | Q(
            followup_question__survey_id__in=list(survey_ids)
        )
    links = list(AssuranceEvidence.objects.filter(query).select_related("baseline_question"))
    return _recount(links) if links else 0


def _saved(evidence):
    """Validate and save a new link, and work its values out at once."""
    evidence.full_clean()
    evidence.save()
    assurance_evidence_update(evidence_ids=[evidence.pk])
    evidence.refresh_from_db()
    return evidence


@transaction.atomic
def audit_evidence_add(*, key_message, baseline_audit, followup_audit, domain_name, by=None):
    """A key message names an audit domain, graded in a baseline audit and again in a later audit, as its
    evidence of impact. The domain is found by name in both audits."""
    domains = {
        audit.pk: audit.domains.filter(name__iexact=(domain_name or "").strip()).first()
        for audit in (baseline_audit, followup_audit)
    }
    errors = {}
    if domains[baseline_audit.pk] is None:
        errors["domain"] = "The baseline audit has no domain with this name"
    elif domains[followup_audit.pk] is None:
        errors["domain"] = "The follow-up audit has no domain with this name"
    if errors:
        raise ValidationError(errors)
    evidence = AssuranceEvidence(
        key_message=key_message,
        kind=EvidenceKind.AUDIT,
        baseline_domain=domains[baseline_audit.pk],
        followup_domain=domains[followup_audit.pk],
        added_by=_user(by),
    )
    if AssuranceEvidence.objects.filter(
        key_message=key_message,
        baseline_domain=evidence.baseline_domain,
        followup_domain=evidence.followup_domain,
    ).exists():
        raise ValidationError({"domain": "This key message already names this audit domain"})
    return _saved(evidence)


@transaction.atomic
def survey_evidence_add(
    *, key_message, baseline_question, followup_question, favourable_options=(), favourable_from=None, by=None
):
    """A key message names a survey question, asked in a baseline survey and again in a later one, as its
    evidence of impact: the share of respondents giving a favourable answer (these options, or this number
    or higher on a scale) should be higher in the follow-up."""
    evidence = AssuranceEvidence(
        key_message=key_message,
        kind=EvidenceKind.SURVEY,
        baseline_question=baseline_question,
        followup_question=followup_question,
        favourable_options=[o.strip() for o in favourable_options if o.strip()],
        favourable_from=favourable_from,
        added_by=_user(by),
    )
    if AssuranceEvidence.objects.filter(
        key_message=key_message, baseline_question=baseline_question, followup_question=followup_question
    ).exists():
        raise ValidationError({"followup_question": "This key message already names these survey questions"})
    return _saved(evidence)


def survey_evidence_update(today=None) -> int:
    """The daily run's safety net: every survey link worked out again (responses arrive all the time; the
    survey services also call assurance_evidence_update when they record or import responses)."""
    links = list(
        AssuranceEvidence.objects.filter(kind=EvidenceKind.SURVEY).select_related("baseline_question")
    )
    return _recount(links) if links else 0


@transaction.atomic
def assurance_evidence_delete(*, evidence: AssuranceEvidence, by=None) -> None:
    """The key message no longer names this evidence (the trail's evidenced stage follows)."""
    AssuranceEvidence.objects.filter(pk=evidence.pk).delete()
    loop_touched([evidence.key_message_id])
