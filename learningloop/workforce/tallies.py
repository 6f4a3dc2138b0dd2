"""The sessions' tallies (ADR 0043): what each session's bookings and evaluations add up to, per agency of
the practitioners, kept current in the same transaction as every write that changes them, so that the
annual training review and the results (measures.results_for) add up a few rows per session instead of
reading every booking and evaluation of the year.

Every write of a booking's status, an attendance mark, an evaluation or a practitioner's agency calls
`session_tallies_update(session_ids=...)` with the sessions it touched: booking_create, booking_cancel,
booking_accept, booking_expire_offers, attendance_record, evaluation_record, session_cancel, a user's move
to another agency (accounts' user_update, through the hook registered in apps.py), the demo seed and the
large generator. A raw SQL change to bookings or evaluations must be followed by `session_tallies_update()`
(every session, one GROUP BY)."""

from django.db import transaction
from django.db.models import Count, F, FilteredRelation, IntegerField, Q, Sum

from .models import (
    NON_ATTENDANCE,
    Attendance,
    Booking,
    BookingStatus,
    EvaluationStage,
    SessionTally,
    TrainingSession,
)

STAGES = {
    EvaluationStage.BEFORE: "before",
    EvaluationStage.AFTER: "after",
    EvaluationStage.FOLLOW_UP: "follow_up",
}
STAGE_FIGURES = (
    "responses",
    "confidence_sum",
    "confidence_n",
    "knowledge_sum",
    "knowledge_n",
    "changed",
)
FIGURES = (
    "booked",
    "marked",
    "attended",
    "non_attended",
    "any_attended",
    "any_non_attended",
    *(f"{prefix}_{figure}" for prefix in STAGES.values() for figure in STAGE_FIGURES),
    "confidence_pairs",
    "confidence_change_sum",
)

_BOOKED = Q(status=BookingStatus.BOOKED)


def _counted():
    """What each (session, practitioner's agency) adds up to: one GROUP BY over the bookings, each joined to
    its evaluation at each stage (at most one per stage, so a booking stays one row)."""
    counts = {
        "booked": Count("pk", filter=_BOOKED),
        "marked": Count("pk", filter=_BOOKED & ~Q(attendance="")),
        "attended": Count("pk", filter=_BOOKED & Q(attendance=Attendance.ATTENDED)),
        "non_attended": Count("pk", filter=_BOOKED & Q(attendance__in=NON_ATTENDANCE)),
        "any_attended": Count("pk", filter=Q(attendance=Attendance.ATTENDED)),
        "any_non_attended": Count("pk", filter=Q(attendance__in=NON_ATTENDANCE)),
    }
    for prefix in STAGES.values():
        stage = f"{prefix}_evaluation"
        counts |= {
            f"{prefix}_responses": Count(f"{stage}__pk", filter=_BOOKED),
            f"{prefix}_confidence_sum": Sum(f"{stage}__confidence", filter=_BOOKED, default=0),
            f"{prefix}_confidence_n": Count(f"{stage}__confidence", filter=_BOOKED),
            f"{prefix}_knowledge_sum": Sum(f"{stage}__knowledge", filter=_BOOKED, default=0),
            f"{prefix}_knowledge_n": Count(f"{stage}__knowledge", filter=_BOOKED),
            f"{prefix}_changed": Count(
                f"{stage}__pk", filter=_BOOKED & Q(**{f"{stage}__practice_changed": True})
            ),
        }
    both = Q(before_evaluation__confidence__isnull=False, after_evaluation__confidence__isnull=False)
    counts["confidence_pairs"] = Count("pk", filter=_BOOKED & both)
    counts["confidence_change_sum"] = Sum(
        F("after_evaluation__confidence") - F("before_evaluation__confidence"),
        filter=_BOOKED & both,
        default=0,
        output_field=IntegerField(),
    )
    return counts


def _bookings_by_stage():
    return Booking.objects.annotate(
        **{
            f"{prefix}_evaluation": FilteredRelation("evaluations", condition=Q(evaluations__stage=stage))
            for stage, prefix in STAGES.items()
        }
    )


def session_tallies_update(*, session_ids=None) -> int:
    """Count these sessions (every session when None) again from their bookings and evaluations, with one
    GROUP BY, and write their tallies with one upsert; a (session, agency) with nothing left to count loses
    its row. Called inside the transaction of every write that changes what a session adds up to. The named
    sessions' rows are locked first (select_for_update, in order), so two writes for the same session
    (two evaluations given at the same moment) queue and the second counts the first's. Returns how many
    tallies were written."""
    bookings = _bookings_by_stage()
    tallies = SessionTally.objects.all()
    with transaction.atomic():
        if session_ids is not None:
            session_ids = sorted(set(session_ids))
            if not session_ids:
                return 0
            list(
                TrainingSession.objects.select_for_update()
                .filter(pk__in=session_ids)
                .order_by("pk")
                .values_list("pk", flat=True)
            )
            bookings = bookings.filter(session_id__in=session_ids)
            tallies = tallies.filter(session_id__in=session_ids)
        found = bookings.values("session_id", "practitioner__agency_id").annotate(**_counted()).order_by()
        rows = [
            SessionTally(
                session_id=row["session_id"],
                agency_id=row["practitioner__agency_id"],
                agency_key=row["practitioner__agency_id"] or 0,
                **{name: row[name] for name in FIGURES},
            )
            for row in found
            if any(row[name] for name in FIGURES)
        ]
        kept = {(row.session_id, row.agency_key) for row in rows}
        gone = [
            pk
            for pk, session_id, key in tallies.values_list("pk", "session_id", "agency_key")
            if (session_id, key) not in kept
        ]
        for start in range(0, len(gone), 500):
            SessionTally.objects.filter(pk__in=gone[start : start + 500]).delete()
        SessionTally.objects.bulk_create(
            rows,
            batch_size=500,
            update_conflicts=True,
            unique_fields=["session", "agency_key"],
            update_fields=["agency", *FIGURES],
        )
    return len(rows)


def session_tallies_of_practitioners(*, user_ids) -> int:
    """Count again every session these practitioners booked (their agency changed: the tallies are by the
    practitioner's agency now)."""
    session_ids = Booking.objects.filter(practitioner_id__in=list(user_ids)).values_list(
        "session_id", flat=True
    )
    return session_tallies_update(session_ids=set(session_ids))
