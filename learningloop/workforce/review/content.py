"""What the annual training review says, computed once and laid out three times (the page, Word and PDF).
A fixed number of queries whatever the size of the year; the tables by course and by agency and the
evaluation stages are read from the years' tallies (ADR 0049), a row per course or agency, which add up the
sessions' own (ADR 0043); the year's totals add up a row per session."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Exists, F, OuterRef, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from learningloop.dissemination.models import Communication, DisseminationPlan, MessagePlan
from learningloop.learning.models import KeyMessage

from .. import measures
from ..models import (
    CourseRequest,
    EvaluationStage,
    SessionStatus,
    Trainer,
    TrainingSession,
    YearAgencyTally,
    YearCourseTally,
)
from ..tallies import STAGE_FIGURES, STAGES

# A dissemination plan "names multi-agency training" when one of its methods is called so.
TRAINING_METHOD = "training"


@dataclass
class Review:
    year: int
    totals: measures.Results
    by_course: list = field(
        default_factory=list
    )  # (course title, sessions, places, booked, attended, non-attended)
    by_agency: list = field(default_factory=list)  # (agency, bookings, attended, non-attended)
    stages: list = field(default_factory=list)  # (stage label, responses, mean confidence, mean knowledge)
    trainers_by_agency: list = field(default_factory=list)  # (agency, trainers in the pool, sessions given)
    requested_gaps: list = field(default_factory=list)  # (course asked for, by whom)
    message_gaps: list = field(default_factory=list)  # key message texts


def _year_bounds(year: int):
    """The year's first and last days, and the moments (local time) it starts and the next year starts."""
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    zone = timezone.get_current_timezone()
    starts = (datetime.datetime(year, 1, 1, tzinfo=zone), datetime.datetime(year + 1, 1, 1, tzinfo=zone))
    return start, end, starts


def message_gaps(year: int):
    """The texts of the key messages due for multi-agency training in the year and that no session
    delivered in the year carried, in the order they were written (a queryset: the page shows 50 at a time,
    the documents every one). Due in the year: the message's dissemination plan, written in the year, names
    multi-agency training for it, or a communication of it by training falls due in the year
    (docs/adr/0048-training-gaps-are-the-years-own.md). Both are found through the year's dates, so the
    review reads the year's plans and communications, not every key message the partnership ever wrote."""
    start, end, (first_moment, next_year) = _year_bounds(year)
    # The year's plans as a list of their own: joined instead, SQLite walked every message plan ever written.
    plans_of_year = DisseminationPlan.objects.filter(created_at__gte=first_moment, created_at__lt=next_year)
    named_in_year = MessagePlan.objects.filter(
        plan__in=plans_of_year.values("pk"), audience_plans__methods__name__icontains=TRAINING_METHOD
    ).values("key_message_id")
    training_due = Communication.objects.filter(
        due_on__gte=start, due_on__lte=end, method__name__icontains=TRAINING_METHOD
    ).values("audience_plan__message_plan__key_message_id")
    carried = TrainingSession.objects.filter(
        course__key_messages=OuterRef("pk"), status=SessionStatus.SCHEDULED, date__gte=start, date__lte=end
    )
    return (
        KeyMessage.objects.filter(pk__in=named_in_year.union(training_due))
        .filter(~Exists(carried))
        .order_by("pk")
        .values_list("text", flat=True)
    )


def courses_of(year: int):
    """The year's table by course, a row per course by title: (course title, sessions, places, booked,
    attended, non-attended) over its scheduled sessions. "Booked" counts the bookings with that status,
    attended and not attended the marks on bookings of any status. A queryset: the page shows 50."""
    return (
        YearCourseTally.objects.filter(year=year)
        .order_by("course__title", "course_id")
        .values_list("course__title", "sessions", "places", "booked", "any_attended", "any_non_attended")
    )


def agencies_of(year: int):
    """The "booked" places of the year's scheduled sessions by the practitioner's agency, by name (no
    agency last): (agency, bookings, attended, non-attended). A queryset: the page shows 50."""
    return (
        YearAgencyTally.objects.filter(year=year)
        .order_by(F("agency__name").asc(nulls_last=True), "agency_key")
        .values_list(Coalesce("agency__name", Value("No agency")), "booked", "attended", "non_attended")
    )


def _stages(year: int):
    """(stage label, responses, mean confidence, mean knowledge, practice changed) for each evaluation
    stage, over the year's scheduled sessions."""
    names = [f"{prefix}_{figure}" for prefix in STAGES.values() for figure in STAGE_FIGURES]
    sums = YearCourseTally.objects.filter(year=year).aggregate(
        **{name: Sum(name, default=0) for name in names}
    )
    stages = []
    for key, label in EvaluationStage.choices:
        prefix = STAGES[key]
        confidence_n, knowledge_n = sums[f"{prefix}_confidence_n"], sums[f"{prefix}_knowledge_n"]
        stages.append(
            (
                label,
                sums[f"{prefix}_responses"],
                sums[f"{prefix}_confidence_sum"] / confidence_n if confidence_n else None,
                sums[f"{prefix}_knowledge_sum"] / knowledge_n if knowledge_n else None,
                sums[f"{prefix}_changed"],
            )
        )
    return stages


def review_for(year: int, *, lists: bool = True) -> Review:
    """The year's review; without its long lists (`lists=False`: the tables by course and by agency and
    the key message gaps) for a page that reads them a page at a time itself."""
    start, end, _moments = _year_bounds(year)
    review = Review(year=year, totals=measures.year_results(year), stages=_stages(year))
    given = Trainer.objects.sessions_given_by_agency(start=start, end=end)
    pool = dict(
        Trainer.objects.active()
        .values("person__agency__name")
        .annotate(n=Count("pk"))
        .values_list("person__agency__name", "n")
    )
    for agency in sorted(set(pool) | set(given)):
        review.trainers_by_agency.append((agency, pool.get(agency, 0), given.get(agency, 0)))
    delivered_course_ids = set(YearCourseTally.objects.filter(year=year).values_list("course_id", flat=True))
    for request in CourseRequest.objects.filter(requested_on__lte=end).select_related("agency", "course"):
        if request.course_id is None or request.course_id not in delivered_course_ids:
            review.requested_gaps.append(
                (request.title, request.agency.name if request.agency else "Not recorded")
            )
    if lists:
        review.by_course = list(courses_of(year))
        review.by_agency = list(agencies_of(year))
        review.message_gaps = list(message_gaps(year))
    return review
