"""The programme's results, computed in the database (a fixed number of queries however many sessions):
fill rate, non-attendance rate, change in confidence and the share reporting a change in practice. These
are the "how much / how well / better off" measures the dataset will read once its indicators exist.

- fill rate: places taken (booked) on delivered sessions ÷ their places;
- non-attendance rate: late cancellations and did-not-attends ÷ bookings whose attendance is marked;
- change in confidence: the mean, over practitioners who gave both, of (straight-after confidence −
  before confidence), on the 1–5 scale;
- share reporting a change in practice: follow-ups saying practice changed ÷ follow-ups given."""

from dataclasses import dataclass

from django.db.models import Avg, Count, F, Max, Q, Sum
from django.utils import timezone

from .models import (
    NON_ATTENDANCE,
    Attendance,
    Booking,
    BookingStatus,
    Evaluation,
    EvaluationStage,
    SessionStatus,
    TrainingSession,
)


@dataclass(frozen=True)
class Results:
    sessions: int
    places: int
    booked: int
    marked: int
    attended: int
    non_attended: int
    confidence_pairs: int
    confidence_change: float | None
    follow_ups: int
    practice_changed: int

    @property
    def fill_rate(self):
        return self.booked / self.places if self.places else None

    @property
    def non_attendance_rate(self):
        return self.non_attended / self.marked if self.marked else None

    @property
    def practice_change_share(self):
        return self.practice_changed / self.follow_ups if self.follow_ups else None


def percent(value) -> str:
    return "No data" if value is None else f"{round(value * 100)}%"


def signed(value) -> str:
    return "No data" if value is None else f"{value:+.1f}"


def _confidence_pairs(bookings):
    """How many of `bookings` gave a confidence both before and straight after, and the mean change: one
    GROUP BY over their two stages' evaluations (not two lookups per booking)."""
    before, after = EvaluationStage.BEFORE, EvaluationStage.AFTER
    return (
        Evaluation.objects.filter(booking__in=bookings, stage__in=(before, after))
        .order_by()
        .values("booking")
        .annotate(
            before=Max("confidence", filter=Q(stage=before)), after=Max("confidence", filter=Q(stage=after))
        )
        .filter(before__isnull=False, after__isnull=False)
        .aggregate(n=Count("booking"), change=Avg(F("after") - F("before")))
    )


def results_for(sessions) -> Results:
    """The results of these sessions (a TrainingSession queryset), counting delivered sessions only."""
    today = timezone.localdate()
    delivered = sessions.filter(status=SessionStatus.SCHEDULED, date__lte=today)
    totals = delivered.aggregate(n=Count("pk"), places=Sum("capacity"))
    bookings = Booking.objects.filter(session__in=delivered.values("pk"), status=BookingStatus.BOOKED)
    counts = bookings.aggregate(
        booked=Count("pk"),
        marked=Count("pk", filter=~Q(attendance="")),
        attended=Count("pk", filter=Q(attendance=Attendance.ATTENDED)),
        non_attended=Count("pk", filter=Q(attendance__in=NON_ATTENDANCE)),
    )
    pairs = _confidence_pairs(bookings)
    follow = Evaluation.objects.filter(booking__in=bookings, stage=EvaluationStage.FOLLOW_UP).aggregate(
        n=Count("pk"), changed=Count("pk", filter=Q(practice_changed=True))
    )
    return Results(
        sessions=totals["n"] or 0,
        places=totals["places"] or 0,
        booked=counts["booked"],
        marked=counts["marked"],
        attended=counts["attended"],
        non_attended=counts["non_attended"],
        confidence_pairs=pairs["n"],
        confidence_change=float(pairs["change"]) if pairs["change"] is not None else None,
        follow_ups=follow["n"],
        practice_changed=follow["changed"],
    )


def course_results(course) -> Results:
    return results_for(TrainingSession.objects.filter(course=course))


def session_results(session) -> Results:
    return results_for(TrainingSession.objects.filter(pk=session.pk))
