"""The sessions' tallies as stored, and the same figures counted here again from the bookings and their
evaluations one by one (ADR 0043): the tests of every write path, the demo and the generator compare the
two. Figures that are zero are left out of both, so a hand-counted expectation lists only what counts."""

from collections import Counter

from learningloop.workforce.models import (
    Booking,
    SessionAgencyTally,
    SessionTally,
    TrainingSession,
    YearAgencyTally,
    YearCourseTally,
)
from learningloop.workforce.tallies import AGENCY_FIGURES, COURSE_FIGURES, FIGURES

NON_ATTENDANCE = ("late_cancellation", "did_not_attend")


def _figures(row, names):
    return {name: getattr(row, name) for name in names if getattr(row, name)}


def stored(session=None):
    """({session id: figures}, {(session id, agency id or None): figures}) as the tallies hold them."""
    tallies, by_agency = SessionTally.objects.all(), SessionAgencyTally.objects.all()
    if session is not None:
        tallies, by_agency = tallies.filter(session=session), by_agency.filter(session=session)
    return (
        {row.session_id: _figures(row, FIGURES) for row in tallies},
        {(row.session_id, row.agency_id): _figures(row, AGENCY_FIGURES) for row in by_agency},
    )


def recounted(session=None):
    """The same two, worked out here from the bookings and their evaluations."""
    bookings = Booking.objects.select_related("practitioner").prefetch_related("evaluations")
    if session is not None:
        bookings = bookings.filter(session=session)
    counts, by_agency = {}, {}
    for booking in bookings:
        count = counts.setdefault(booking.session_id, Counter())
        if booking.attendance == "attended":
            count["any_attended"] += 1
        if booking.attendance in NON_ATTENDANCE:
            count["any_non_attended"] += 1
        given = {evaluation.stage: evaluation for evaluation in booking.evaluations.all()}
        if booking.attendance == "attended" and "follow_up" not in given:
            count["follow_ups_owed"] += 1
        if booking.status != "booked":
            continue
        agency = by_agency.setdefault((booking.session_id, booking.practitioner.agency_id), Counter())
        for counter in (count, agency):
            counter["booked"] += 1
            if booking.attendance == "attended":
                counter["attended"] += 1
            if booking.attendance in NON_ATTENDANCE:
                counter["non_attended"] += 1
        if booking.attendance:
            count["marked"] += 1
        for stage, evaluation in given.items():
            count[f"{stage}_responses"] += 1
            if evaluation.confidence is not None:
                count[f"{stage}_confidence_sum"] += evaluation.confidence
                count[f"{stage}_confidence_n"] += 1
            if evaluation.knowledge is not None:
                count[f"{stage}_knowledge_sum"] += evaluation.knowledge
                count[f"{stage}_knowledge_n"] += 1
            if evaluation.practice_changed:
                count[f"{stage}_changed"] += 1
        before, after = given.get("before"), given.get("after")
        if before and after and before.confidence is not None and after.confidence is not None:
            count["confidence_pairs"] += 1
            count["confidence_change_sum"] += after.confidence - before.confidence

    def cleaned(found):
        kept = {key: {name: n for name, n in counter.items() if n} for key, counter in found.items()}
        return {key: figures for key, figures in kept.items() if figures}

    return cleaned(counts), cleaned(by_agency)


def years_stored():
    """({(year, course id): figures}, {(year, agency id or None): figures}) as the years' tallies hold them
    (ADR 0049)."""
    return (
        {(row.year, row.course_id): _figures(row, ("sessions", "places", *COURSE_FIGURES))
         for row in YearCourseTally.objects.all()},
        {(row.year, row.agency_id): _figures(row, AGENCY_FIGURES) for row in YearAgencyTally.objects.all()},
    )  # fmt: skip


def years_recounted():
    """The same two, added up here from every scheduled session and the figures recounted() gives them."""
    counts, by_agency = recounted()
    courses, agencies, year_of = {}, {}, {}
    for session in TrainingSession.objects.filter(status="scheduled"):
        year_of[session.pk] = session.date.year
        count = courses.setdefault((session.date.year, session.course_id), Counter())
        count["sessions"] += 1
        count["places"] += session.capacity
        count.update({name: n for name, n in counts.get(session.pk, {}).items() if name in COURSE_FIGURES})
    for (session_id, agency_id), figures in by_agency.items():
        if session_id in year_of:  # a scheduled session's
            agencies.setdefault((year_of[session_id], agency_id), Counter()).update(figures)
    return (
        {key: {name: n for name, n in counter.items() if n} for key, counter in courses.items()},
        {key: dict(counter) for key, counter in agencies.items()},
    )
