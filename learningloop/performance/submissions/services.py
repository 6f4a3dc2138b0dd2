"""Writes of agencies' data returns."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from learningloop.core.concurrency import claim_version

from ..measures import check_values
from ..models import Correction, Submission
from ..services import data_dues_update, impact_evidence_update, period_totals_update

NOT_A_PROVIDER = "{agency} does not provide this indicator"
NOT_ENDED = "The period has not ended yet: values are submitted after the period ends"


def submission_submit(
    *, indicator, agency, period, value=None, numerator=None, denominator=None, commentary="", by=None
):
    """Record an agency's value for a period that has ended; its deadline is met today."""
    errors = {}
    if not indicator.providers.filter(pk=agency.pk).exists():
        errors["agency"] = NOT_A_PROVIDER.format(agency=agency)
    if period.end >= timezone.localdate():
        errors["period"] = NOT_ENDED
    problems, value = check_values(indicator, value=value, numerator=numerator, denominator=denominator)
    errors.update(problems)
    if (
        not errors
        and Submission.objects.filter(indicator=indicator, agency=agency, period_start=period.start).exists()
    ):
        errors["period"] = f"{agency} has already submitted {period.label}: correct that value instead"
    if errors:
        raise ValidationError(errors)
    submission = Submission(
        indicator=indicator,
        agency=agency,
        period_start=period.start,
        period_end=period.end,
        value=value,
        numerator=numerator,
        denominator=denominator,
        commentary=commentary,
        submitted_by=by if getattr(by, "is_authenticated", False) else None,
    )
    with transaction.atomic():
        submission.full_clean()
        submission.save()
        data_dues_update(indicator_id=indicator.pk, keys=[(agency.pk, period.start)])
        period_totals_update(indicator_ids=[indicator.pk], period_starts=[period.start])
        impact_evidence_update(indicator_ids=[indicator.pk])
    return submission


def submission_correct(
    *, submission, expected_version, value=None, numerator=None, denominator=None, commentary, reason, by=None
):
    """Correct a submitted value: the earlier one goes into the history with who changed it and why."""
    if not (reason or "").strip():
        raise ValidationError({"reason": "Enter why the value is being corrected"})
    problems, value = check_values(
        submission.indicator, value=value, numerator=numerator, denominator=denominator
    )
    if problems:
        raise ValidationError(problems)
    saved = Submission.objects.get(pk=submission.pk)
    with transaction.atomic():
        claim_version(submission, expected_version)
        Correction.objects.create(
            submission=submission,
            value=saved.value,
            numerator=saved.numerator,
            denominator=saved.denominator,
            commentary=saved.commentary,
            submitted_by=saved.submitted_by,
            submitted_at=saved.submitted_at,
            changed_by=by if getattr(by, "is_authenticated", False) else None,
            reason=reason.strip(),
        )
        submission.value, submission.numerator, submission.denominator = value, numerator, denominator
        submission.commentary = commentary
        submission.submitted_by = by if getattr(by, "is_authenticated", False) else None
        submission.submitted_at = timezone.now()
        submission.full_clean()
        submission.save()
        period_totals_update(indicator_ids=[submission.indicator_id], period_starts=[submission.period_start])
        impact_evidence_update(indicator_ids=[submission.indicator_id])
    return submission
