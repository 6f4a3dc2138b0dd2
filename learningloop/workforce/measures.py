"""The programme's results, added up in the database from the sessions' tallies (ADR 0043: one query
reading a row per session, however many bookings and evaluations): fill rate,
non-attendance rate, change in confidence and the share reporting a change in practice. These are the "how
much / how well / better off" measures the dataset will read once its indicators exist.

- fill rate: places taken (booked) on delivered sessions ÷ their places;
- non-attendance rate: late cancellations and did-not-attends ÷ bookings whose attendance is marked;
- change in confidence: the mean, over practitioners who gave both, of (straight-after confidence −
  before confidence), on the 1–5 scale;
- share reporting a change in practice: follow-ups saying practice changed ÷ follow-ups given."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Sum
from django.utils import timezone

from .models import SessionStatus, TrainingSession, YearCourseTally


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


RESULT_FIGURES = (
    "booked",
    "marked",
    "attended",
    "non_attended",
    "confidence_pairs",
    "confidence_change_sum",
    "follow_up_responses",
    "follow_up_changed",
)


_SUMMED = ("sessions", "places", *RESULT_FIGURES)


def _sums(delivered) -> dict:
    return delivered.aggregate(
        sessions=Count("pk"),
        places=Sum("capacity", default=0),
        **{name: Sum(f"tally__{name}", default=0) for name in RESULT_FIGURES},
    )


def _results(sums) -> Results:
    pairs = sums["confidence_pairs"]
    return Results(
        sessions=sums["sessions"],
        places=sums["places"],
        booked=sums["booked"],
        marked=sums["marked"],
        attended=sums["attended"],
        non_attended=sums["non_attended"],
        confidence_pairs=pairs,
        confidence_change=sums["confidence_change_sum"] / pairs if pairs else None,
        follow_ups=sums["follow_up_responses"],
        practice_changed=sums["follow_up_changed"],
    )


def results_for(sessions) -> Results:
    """The results of these sessions (a TrainingSession queryset), counting delivered sessions only: their
    number and places, and their tallies' sums (ADR 0043), in one query."""
    today = timezone.localdate()
    return _results(_sums(sessions.filter(status=SessionStatus.SCHEDULED, date__lte=today)))


def year_results(year: int) -> Results:
    """The results of a calendar year's sessions delivered so far, as results_for gives them, from its
    courses' year tallies (ADR 0049: a row per course, not per session) less the year's scheduled sessions
    still to come (after today; none in a past year, every one in a year not yet begun)."""
    today = timezone.localdate()
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    if start > today:
        return _results(dict.fromkeys(_SUMMED, 0))
    sums = YearCourseTally.objects.filter(year=year).aggregate(
        **{name: Sum(name, default=0) for name in _SUMMED}
    )
    if end > today:
        to_come = _sums(
            TrainingSession.objects.filter(status=SessionStatus.SCHEDULED, date__gt=today, date__lte=end)
        )
        sums = {name: sums[name] - to_come[name] for name in _SUMMED}
    return _results(sums)


def course_results(course) -> Results:
    return results_for(TrainingSession.objects.filter(course=course))


def session_results(session) -> Results:
    return results_for(TrainingSession.objects.filter(pk=session.pk))
