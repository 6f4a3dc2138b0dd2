"""The training programme's results feed the dataset (core.computed_indicators, ADR 0031): for each
reporting period, the results of the sessions held in it (measures.results_for) become the partnership's
value of the indicator with the code below. m38 and m39 are the indicator library's "Multi-agency training
fill rate" and "Training changed practice"; the other two fill an indicator the business unit adds with
that code (non-attendance is a how-well measure, change in confidence a better-off one)."""

from learningloop.core.computed_indicators import Reading, Source, register

from .measures import results_for
from .models import TrainingSession

FILL_RATE = "m38"
PRACTICE_CHANGED = "m39"
NON_ATTENDANCE = "training-non-attendance"
CONFIDENCE_CHANGE = "training-confidence-change"


def _results(start, end):
    return results_for(TrainingSession.objects.filter(date__gte=start, date__lte=end))


def fill_rate(start, end):
    results = _results(start, end)
    return Reading(numerator=results.booked, denominator=results.places) if results.places else None


def non_attendance(start, end):
    results = _results(start, end)
    return Reading(numerator=results.non_attended, denominator=results.marked) if results.marked else None


def practice_changed(start, end):
    results = _results(start, end)
    if not results.follow_ups:
        return None
    return Reading(numerator=results.practice_changed, denominator=results.follow_ups)


def confidence_change(start, end):
    change = _results(start, end).confidence_change
    return None if change is None else Reading(value=change)


def register_sources():
    label = "the training programme's sessions"
    register(Source(FILL_RATE, f"{label} (places taken of places offered)", fill_rate))
    register(
        Source(PRACTICE_CHANGED, f"{label} (follow-ups reporting a change in practice)", practice_changed)
    )
    register(Source(NON_ATTENDANCE, f"{label} (late cancellations and did-not-attends)", non_attendance))
    register(Source(CONFIDENCE_CHANGE, f"{label} (mean change in confidence, 1 to 5)", confidence_change))
