"""What the annual training review says, computed once and laid out twice (Word and PDF). A fixed number
of queries whatever the size of the year; the figures of the bookings and evaluations are added up from
the sessions' tallies (ADR 0043), a row per session (and per agency for the table by agency), not read
booking by booking."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Sum
from django.utils import timezone

from learningloop.dissemination.models import Communication, MessagePlan
from learningloop.learning.models import KeyMessage

from .. import measures
from ..models import (
    CourseRequest,
    EvaluationStage,
    SessionAgencyTally,
    SessionStatus,
    Trainer,
    TrainingSession,
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
    named_in_year = MessagePlan.objects.filter(
        plan__created_at__gte=first_moment,
        plan__created_at__lt=next_year,
        audience_plans__methods__name__icontains=TRAINING_METHOD,
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


def review_for(year: int, *, gaps: bool = True) -> Review:
    """The year's review; without the key message gaps (`gaps=False`) for a page that lists them itself."""
    start, end, _moments = _year_bounds(year)
    sessions = TrainingSession.objects.filter(date__gte=start, date__lte=end)
    delivered = sessions.filter(status=SessionStatus.SCHEDULED)
    review = Review(year=year, totals=measures.results_for(sessions))
    # The year's scheduled sessions by course, with their tallies: "booked" counts the bookings with that
    # status, attended and not attended the marks on bookings of any status. The same GROUP BY gives each
    # course's evaluations, added up below into the year's stages.
    stage_figures = [f"{prefix}_{figure}" for prefix in STAGES.values() for figure in STAGE_FIGURES]
    stages = dict.fromkeys(stage_figures, 0)
    for row in (
        delivered.values("course__title")
        .annotate(
            n=Count("pk"),
            places=Sum("capacity", default=0),
            booked=Sum("tally__booked", default=0),
            attended=Sum("tally__any_attended", default=0),
            non=Sum("tally__any_non_attended", default=0),
            **{name: Sum(f"tally__{name}", default=0) for name in stage_figures},
        )
        .order_by("course__title")
    ):
        review.by_course.append(
            (row["course__title"], row["n"], row["places"], row["booked"], row["attended"], row["non"])
        )
        for name in stage_figures:
            stages[name] += row[name]
    # The "booked" places of the year's scheduled sessions, by the practitioner's agency.
    for row in (
        SessionAgencyTally.objects.filter(session__in=delivered.values("pk"))
        .values("agency__name")
        .annotate(n=Sum("booked"), attended=Sum("attended"), non=Sum("non_attended"))
        .order_by("agency__name")
    ):
        review.by_agency.append((row["agency__name"] or "No agency", row["n"], row["attended"], row["non"]))
    for key, label in EvaluationStage.choices:
        prefix = STAGES[key]
        confidence_n, knowledge_n = stages[f"{prefix}_confidence_n"], stages[f"{prefix}_knowledge_n"]
        review.stages.append(
            (
                label,
                stages[f"{prefix}_responses"],
                stages[f"{prefix}_confidence_sum"] / confidence_n if confidence_n else None,
                stages[f"{prefix}_knowledge_sum"] / knowledge_n if knowledge_n else None,
                stages[f"{prefix}_changed"],
            )
        )
    given = Trainer.objects.sessions_given_by_agency(start=start, end=end)
    pool = dict(
        Trainer.objects.active()
        .values("person__agency__name")
        .annotate(n=Count("pk"))
        .values_list("person__agency__name", "n")
    )
    for agency in sorted(set(pool) | set(given)):
        review.trainers_by_agency.append((agency, pool.get(agency, 0), given.get(agency, 0)))
    delivered_course_ids = set(delivered.filter(date__lte=end).values_list("course_id", flat=True))
    for request in CourseRequest.objects.filter(requested_on__lte=end).select_related("agency", "course"):
        if request.course_id is None or request.course_id not in delivered_course_ids:
            review.requested_gaps.append(
                (request.title, request.agency.name if request.agency else "Not recorded")
            )
    if gaps:
        review.message_gaps = list(message_gaps(year))
    return review
