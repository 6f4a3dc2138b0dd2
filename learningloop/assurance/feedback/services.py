"""Writes for complaints and compliments counts."""

from django.core.exceptions import ValidationError
from django.db import transaction

from learningloop.learning.models import ActivityStatus, LearningActivity
from learningloop.learning.register.services import activity_save
from learningloop.partnership.models import LearningSourceType

from ..models import FeedbackCount

SOURCE_TYPE_NAME = "Complaints and compliments"


def _year_activity(year, by):
    title = f"Complaints and compliments from children and young people, {year}"
    activity = LearningActivity.objects.filter(title=title).first()
    if activity is not None:
        return activity
    source_type = LearningSourceType.objects.filter(name=SOURCE_TYPE_NAME).first()
    if source_type is None:
        raise ValidationError(
            "Load the framework preset first: the complaints and compliments type is missing"
        )
    return activity_save(
        activity=LearningActivity(
            title=title,
            source_type=source_type,
            status=ActivityStatus.IN_PROGRESS,
            description="Counts of complaints and compliments by agency, quarter and theme.",
        ),
        by=by,
    )


@transaction.atomic
def feedback_count_record(*, agency, period_start, kind, theme, count, by=None) -> FeedbackCount:
    """Record (or correct) one agency's count for a quarter, kind and theme; the year's register activity
    gains the agency as a provider."""
    if period_start.day != 1 or period_start.month not in (1, 4, 7, 10):
        raise ValidationError(
            {"period_start": "Enter the first day of a quarter: 1 January, April, July or October"}
        )
    activity = _year_activity(period_start.year, by)
    row = FeedbackCount.objects.filter(
        agency=agency, period_start=period_start, kind=kind, theme=theme
    ).first()
    row = row or FeedbackCount(
        agency=agency, period_start=period_start, kind=kind, theme=theme, activity=activity
    )
    row.count = count
    row.recorded_by = by if getattr(by, "is_authenticated", False) else None
    row.full_clean(validate_constraints=False)
    row.save()
    activity.provider_agencies.add(agency)
    return row
