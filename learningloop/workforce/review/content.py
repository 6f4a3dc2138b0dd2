"""What the annual training review says, computed once and laid out twice (Word and PDF). A fixed number
of queries whatever the size of the year."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Avg, Count, Exists, OuterRef, Q, Sum

from learningloop.dissemination.models import AudiencePlan
from learningloop.learning.models import KeyMessage

from .. import measures
from ..models import (
    NON_ATTENDANCE,
    Attendance,
    Booking,
    BookingStatus,
    CourseRequest,
    Evaluation,
    EvaluationStage,
    SessionStatus,
    Trainer,
    TrainingSession,
)

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


def message_gaps(year: int):
    """The texts of the key messages whose dissemination plan names multi-agency training and that no
    session delivered in the year carried, in the order they were written (a queryset: the page shows 50 at
    a time, the documents every one)."""
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    named_training = AudiencePlan.objects.filter(
        message_plan__key_message=OuterRef("pk"), methods__name__icontains=TRAINING_METHOD
    )
    carried = TrainingSession.objects.filter(
        course__key_messages=OuterRef("pk"), status=SessionStatus.SCHEDULED, date__gte=start, date__lte=end
    )
    return (
        KeyMessage.objects.annotate(named=Exists(named_training), delivered=Exists(carried))
        .filter(named=True, delivered=False)
        .order_by("pk")
        .values_list("text", flat=True)
    )


def review_for(year: int, *, gaps: bool = True) -> Review:
    """The year's review; without the key message gaps (`gaps=False`) for a page that lists them itself."""
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    sessions = TrainingSession.objects.filter(date__gte=start, date__lte=end)
    delivered = sessions.filter(status=SessionStatus.SCHEDULED)
    review = Review(year=year, totals=measures.results_for(sessions))
    booked = Booking.objects.filter(session__in=delivered.values("pk"), status=BookingStatus.BOOKED)
    places = dict(
        delivered.values("course__title").annotate(p=Sum("capacity")).values_list("course__title", "p")
    )
    for row in (
        delivered.values("course__title")
        .annotate(
            n=Count("pk", distinct=True),
            booked=Count("bookings", filter=Q(bookings__status=BookingStatus.BOOKED)),
            attended=Count("bookings", filter=Q(bookings__attendance=Attendance.ATTENDED)),
            non=Count("bookings", filter=Q(bookings__attendance__in=NON_ATTENDANCE)),
        )
        .order_by("course__title")
    ):
        title = row["course__title"]
        review.by_course.append(
            (title, row["n"], places.get(title) or 0, row["booked"], row["attended"], row["non"])
        )
    for row in (
        booked.values("practitioner__agency__name")
        .annotate(
            n=Count("pk"),
            attended=Count("pk", filter=Q(attendance=Attendance.ATTENDED)),
            non=Count("pk", filter=Q(attendance__in=NON_ATTENDANCE)),
        )
        .order_by("practitioner__agency__name")
    ):
        review.by_agency.append(
            (row["practitioner__agency__name"] or "No agency", row["n"], row["attended"], row["non"])
        )
    by_stage = {
        row["stage"]: row
        for row in Evaluation.objects.filter(booking__in=booked)
        .order_by()
        .values("stage")
        .annotate(
            n=Count("pk"),
            confidence=Avg("confidence"),
            knowledge=Avg("knowledge"),
            changed=Count("pk", filter=Q(practice_changed=True)),
        )
    }  # the three stages in one GROUP BY
    for key, label in EvaluationStage.choices:
        agg = by_stage.get(key, {"n": 0, "confidence": None, "knowledge": None, "changed": 0})
        review.stages.append((label, agg["n"], agg["confidence"], agg["knowledge"], agg["changed"]))
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
