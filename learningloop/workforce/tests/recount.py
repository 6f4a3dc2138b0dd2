"""The sessions' tallies as stored, and the same figures counted here again from the bookings and their
evaluations one by one (ADR 0043): the tests of every write path, the demo and the generator compare the
two."""

from collections import Counter

from learningloop.workforce.models import Booking, SessionTally
from learningloop.workforce.tallies import FIGURES


def stored(session=None):
    """{(session id, agency id or None): {figure: value}} of the tallies, zero figures left out."""
    rows = SessionTally.objects.all() if session is None else SessionTally.objects.filter(session=session)
    found = {}
    for row in rows:
        figures = {name: getattr(row, name) for name in FIGURES if getattr(row, name)}
        found[(row.session_id, row.agency_id)] = figures
    return found


def recounted(session=None):
    """The same figures worked out here from the bookings and their evaluations, one by one."""
    bookings = Booking.objects.select_related("practitioner").prefetch_related("evaluations")
    if session is not None:
        bookings = bookings.filter(session=session)
    counts = {}
    for booking in bookings:
        count = counts.setdefault((booking.session_id, booking.practitioner.agency_id), Counter())
        if booking.attendance == "attended":
            count["any_attended"] += 1
        if booking.attendance in ("late_cancellation", "did_not_attend"):
            count["any_non_attended"] += 1
        if booking.status != "booked":
            continue
        count["booked"] += 1
        if booking.attendance:
            count["marked"] += 1
        if booking.attendance == "attended":
            count["attended"] += 1
        if booking.attendance in ("late_cancellation", "did_not_attend"):
            count["non_attended"] += 1
        given = {evaluation.stage: evaluation for evaluation in booking.evaluations.all()}
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
    cleaned = {key: {name: n for name, n in count.items() if n} for key, count in counts.items()}
    return {key: figures for key, figures in cleaned.items() if figures}
