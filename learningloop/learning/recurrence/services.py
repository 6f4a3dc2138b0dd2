"""Writes for recurrence: a chair's mark on a suggestion. Keyword-only, validated, atomic."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ..models import Finding, RecurrenceMark


@transaction.atomic
def recurrence_mark_record(*, finding: Finding, earlier: Finding, verdict: str, by=None) -> RecurrenceMark:
    """Record (or change) whether `earlier` describes the same practice problem as `finding`. Only an
    earlier finding of another activity can be a recurrence; anything else is refused, nothing saved."""
    if earlier.activity_id == finding.activity_id or earlier.created_at > finding.created_at:
        raise ValidationError({"verdict": "Only an earlier finding from another activity can be marked"})
    mark = RecurrenceMark.objects.filter(finding=finding, earlier=earlier).first()
    mark = mark or RecurrenceMark(finding=finding, earlier=earlier)
    mark.verdict = verdict
    mark.marked_by = by if getattr(by, "is_authenticated", False) else None
    mark.marked_at = timezone.now()
    mark.full_clean()
    mark.save()
    return mark
