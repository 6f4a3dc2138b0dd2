"""Case reviews on the statutory clock: the writes the review pages need. Reads are CaseReview and
Milestone QuerySet methods; milestones are always kept in step through `services.case_review_save`."""

from django.core.exceptions import ValidationError
from django.db import transaction

from learningloop.core.concurrency import claim_version
from learningloop.partnership.models import LearningSourceType

from ..models import (
    ActivityStatus,
    CaseReview,
    ChildDetails,
    LearningActivity,
    MonitoringEntry,
    ReviewKind,
)
from ..services import case_review_save

# The preset's learning source type that a new review of each kind is registered under.
SOURCE_TYPE_FOR_KIND = {
    ReviewKind.CHILD: "Rapid review",
    ReviewKind.SAR: "Safeguarding adult review",
    ReviewKind.DHR: "Domestic homicide review",
}


# --- Writes ---


@transaction.atomic
def case_review_create(*, kind, title, pseudonym, aware_on, owning_group=None, by=None) -> CaseReview:
    """Register a new case review: its learning activity (of the preset's matching source type) and the
    review itself, with its milestones, in one transaction."""
    type_name = SOURCE_TYPE_FOR_KIND[kind]
    source_type = LearningSourceType.objects.filter(name__iexact=type_name).first()
    if source_type is None:
        raise ValidationError(
            {
                "kind": f"There is no learning source type called ‘{type_name}’: "
                "add it to the framework preset’s source types first"
            }
        )
    activity = LearningActivity(
        title=title,
        source_type=source_type,
        owning_group=owning_group,
        started_on=aware_on,
        status=ActivityStatus.IN_PROGRESS,
        created_by=by,
    )
    activity.full_clean()
    activity.save()
    return case_review_save(
        review=CaseReview(activity=activity, kind=kind, pseudonym=pseudonym, aware_on=aware_on)
    )


@transaction.atomic
def monitoring_entry_add(*, review: CaseReview, entry_on, note, by=None) -> MonitoringEntry:
    entry = MonitoringEntry(review=review, entry_on=entry_on, note=note, recorded_by=by)
    entry.full_clean()
    entry.save()
    return entry


@transaction.atomic
def child_details_save(*, details: ChildDetails, expected_version=None) -> ChildDetails:
    """Save the restricted details; a change to saved ones names the version it started from (EditConflict
    if someone saved in between)."""
    details.full_clean()
    claim_version(details, expected_version)
    details.save()
    return details
