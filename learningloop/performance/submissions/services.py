"""Writes of agencies' data returns."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from learningloop.core.concurrency import claim_version

from ..measures import value_from
from ..models import Correction, Submission, Unit
from ..services import data_dues_mark_done, impact_evidence_refresh

NOT_A_PROVIDER = "{agency} does not provide this indicator"
NOT_ENDED = "The period has not ended yet: values are submitted after the period ends"
NUMERATOR_ABOVE = "The numerator must not be more than the denominator"
PERCENT_ABOVE_100 = "A percentage must be 100 or less"
NEGATIVE = "The value must be 0 or more"
ZERO_DENOMINATOR = "The denominator must be more than 0"
BOTH_OR_VALUE = "Enter the value, or the numerator and the denominator"


def check_values(indicator, *, value, numerator, denominator) -> tuple[dict, Decimal | None]:
    """({field: problem}, the value): the value as given or computed from numerator and denominator."""
    problems = {}
    if (numerator is None) != (denominator is None):
        problems["denominator" if denominator is None else "numerator"] = BOTH_OR_VALUE
        return problems, None
    if numerator is not None:
        if numerator < 0:
            problems["numerator"] = "The numerator must be 0 or more"
        if denominator <= 0:
            problems["denominator"] = ZERO_DENOMINATOR
        elif indicator.unit == Unit.PERCENTAGE and numerator > denominator:
            problems["numerator"] = NUMERATOR_ABOVE
        if problems:
            return problems, None
        value = value_from(indicator.unit, numerator, denominator)
    if value is None:
        problems["value"] = BOTH_OR_VALUE
    elif value < 0:
        problems["value"] = NEGATIVE
    elif indicator.unit == Unit.PERCENTAGE and value > 100:
        problems["value"] = PERCENT_ABOVE_100
    return problems, value


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
        data_dues_mark_done(indicator_id=indicator.pk, keys=[(agency.pk, period.start)])
        impact_evidence_refresh(indicator_ids=[indicator.pk])
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
        impact_evidence_refresh(indicator_ids=[submission.indicator_id])
    return submission
