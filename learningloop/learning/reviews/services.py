"""Case reviews on the statutory clock: reads (stage, overdue, conversions) and the writes the review pages
need. Milestones are always kept in step through `services.case_review_save`."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Case, Count, Exists, OuterRef, Prefetch, Q, Value, When
from django.db.models.functions import Coalesce, ExtractYear
from django.utils import timezone

from learningloop.core.concurrency import claim_version
from learningloop.partnership.models import Group, LearningSourceType
from learningloop.partnership.preset import CSPR_PANEL

from ..models import (
    ActivityStatus,
    CaseReview,
    ChildDetails,
    LearningActivity,
    Milestone,
    MonitoringEntry,
    ReviewDecision,
    ReviewKind,
)
from ..services import case_review_save

# --- Stages: one definition, used for display and for filtering ---


class Stage(models.TextChoices):
    AWAITING_NOTIFICATION = "awaiting_notification", "Awaiting notification"
    RAPID_REVIEW = "rapid_review", "Rapid review"
    DECISION = "decision", "Decision"
    LOCAL_REVIEW = "local_review", "Local review in progress"
    PUBLISHED = "published", "Published"
    CLOSED = "closed", "Closed without local review"


_PENDING = Q(decision=ReviewDecision.PENDING)
_STAGE_CONDITIONS = [
    (Stage.PUBLISHED, Q(published_on__isnull=False)),
    (Stage.CLOSED, Q(decision__in=[ReviewDecision.NO_LOCAL_REVIEW, ReviewDecision.NATIONAL_REVIEW])),
    (Stage.LOCAL_REVIEW, Q(decision=ReviewDecision.LOCAL_REVIEW)),
    (Stage.AWAITING_NOTIFICATION, _PENDING & Q(kind=ReviewKind.CHILD, panel_notified_on__isnull=True)),
    (Stage.RAPID_REVIEW, _PENDING & Q(kind=ReviewKind.CHILD, rapid_review_sent_on__isnull=True)),
]

KIND_SHORT = {
    ReviewKind.CHILD: "Rapid review / child safeguarding practice review",
    ReviewKind.SAR: "Safeguarding adult review",
    ReviewKind.DHR: "Domestic homicide review",
}

# The preset's learning source type that a new review of each kind is registered under.
SOURCE_TYPE_FOR_KIND = {
    ReviewKind.CHILD: "Rapid review",
    ReviewKind.SAR: "Safeguarding adult review",
    ReviewKind.DHR: "Domestic homicide review",
}


def with_stage(queryset):
    """Annotate each review with `stage` (a Stage value), computed in the database."""
    return queryset.annotate(
        stage=Case(
            *[When(condition, then=Value(stage.value)) for stage, condition in _STAGE_CONDITIONS],
            default=Value(Stage.DECISION.value),
            output_field=models.CharField(),
        )
    )


def stage_of(review: CaseReview) -> Stage:
    """The stage of one review, in Python (the same rules as `with_stage`)."""
    if review.published_on:
        return Stage.PUBLISHED
    if review.decision in (ReviewDecision.NO_LOCAL_REVIEW, ReviewDecision.NATIONAL_REVIEW):
        return Stage.CLOSED
    if review.decision == ReviewDecision.LOCAL_REVIEW:
        return Stage.LOCAL_REVIEW
    if review.kind == ReviewKind.CHILD and not review.panel_notified_on:
        return Stage.AWAITING_NOTIFICATION
    if review.kind == ReviewKind.CHILD and not review.rapid_review_sent_on:
        return Stage.RAPID_REVIEW
    return Stage.DECISION


def today() -> datetime.date:
    return timezone.localdate()


def _overdue_milestones(on=None):
    return Milestone.objects.overdue(on or today())


def reviews_for_list(*, on=None):
    """Reviews with what the register of reviews shows: activity, stage, open milestones (soonest first)
    and whether any is overdue. A fixed number of queries whatever the number of rows."""
    on = on or today()
    open_milestones = Milestone.objects.open().select_related("rule").order_by("due_on", "pk")
    return with_stage(
        CaseReview.objects.select_related("activity").prefetch_related(
            Prefetch("milestones", queryset=open_milestones, to_attr="open_milestones")
        )
    ).annotate(is_overdue=Exists(_overdue_milestones(on).filter(review=OuterRef("pk"))))


def overdue_review_ids(*, on=None) -> set[int]:
    """Ids of the learning activities whose case review has an overdue milestone (one query). For the
    register's slippage column and filter: `activity.pk in overdue_review_ids()`."""
    return set(_overdue_milestones(on).values_list("review__activity_id", flat=True).distinct())


def overdue_activities_subquery(*, on=None):
    """The same ids as a subquery, for `LearningActivity.objects.filter(pk__in=...)` without a round trip."""
    return _overdue_milestones(on).values("review__activity_id")


def conversions():
    """Per calendar year of the rapid review being sent (or of awareness when not sent yet): how many
    rapid reviews, how many became local reviews, and the rate."""
    rows = (
        CaseReview.objects.filter(kind=ReviewKind.CHILD)
        .annotate(year=ExtractYear(Coalesce("rapid_review_sent_on", "aware_on")))
        .values("year")
        .annotate(
            rapid_reviews=Count("pk"),
            local_reviews=Count("pk", filter=Q(decision=ReviewDecision.LOCAL_REVIEW)),
            undecided=Count("pk", filter=Q(decision=ReviewDecision.PENDING)),
        )
        .order_by("-year")
    )
    result = []
    for row in rows:
        decided = row["rapid_reviews"] - row["undecided"]
        row["rate"] = round(100 * row["local_reviews"] / decided) if decided else None
        result.append(row)
    return result


# --- Writes ---


def cspr_panel() -> Group | None:
    return Group.objects.filter(name__iexact=CSPR_PANEL).first()


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
