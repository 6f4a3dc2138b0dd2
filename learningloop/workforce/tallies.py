"""The sessions' tallies (ADR 0043): what each session's bookings and evaluations add up to (SessionTally,
one row per session) and its booked places by the practitioners' agency (SessionAgencyTally), kept current
in the same transaction as every write that changes them, so that the annual training review and the
results (measures.results_for) add up a row per session instead of reading every booking and evaluation.

Every write of a booking's status, an attendance mark, an evaluation or a practitioner's agency calls
`session_tallies_update(session_ids=...)` with the sessions it touched: booking_create, booking_cancel,
booking_accept, booking_expire_offers, attendance_record, evaluation_record, session_cancel, a user's move
to another agency (accounts' user_update, through the hook registered in apps.py), the demo seed and the
large generator. A raw SQL change to bookings, evaluations or users' agencies must be followed by
`session_tallies_update()` (every session, two GROUP BYs written by the database itself).

Above them, the years' tallies (ADR 0049): each course's and each agency's figures over a calendar year's
scheduled sessions (YearCourseTally, YearAgencyTally), which the annual training review reads a row per
course or agency. `session_tallies_update` counts again the years of the sessions it counts (a session's
cancellation too, which releases its bookings); a write that adds a session or moves one to another year
or course or changes its places (`session_create`, `record_edit`) calls `year_tallies_of_sessions` around
it."""

import datetime

from django.db import connection, transaction
from django.db.models import Count, F, FilteredRelation, IntegerField, Q, Sum
from django.db.models.functions import ExtractYear

from .models import (
    NON_ATTENDANCE,
    Attendance,
    Booking,
    BookingStatus,
    EvaluationStage,
    SessionAgencyTally,
    SessionStatus,
    SessionTally,
    TrainingSession,
    YearAgencyTally,
    YearCourseTally,
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
    "follow_ups_owed",
)
AGENCY_FIGURES = ("booked", "attended", "non_attended")
# What a course's year adds up from its sessions' tallies (beside the sessions and their places).
COURSE_FIGURES = tuple(name for name in FIGURES if name != "follow_ups_owed")

_BOOKED = Q(status=BookingStatus.BOOKED)
# A session has something to count when one of its bookings is "booked" (every figure but two counts the
# booked places only) or has an attendance mark.
_SOMETHING = Q(booked__gt=0) | Q(any_attended__gt=0) | Q(any_non_attended__gt=0)


def _session_counts():
    """What a session adds up to, over its bookings each joined to its evaluation at each stage (at most one
    per stage, so a booking stays one row)."""
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
    counts["follow_ups_owed"] = Count(
        "pk", filter=Q(attendance=Attendance.ATTENDED, follow_up_evaluation__pk__isnull=True)
    )
    return counts


def _by_session(session_ids):
    """The first GROUP BY: a row per session with something to count."""
    bookings = Booking.objects.annotate(
        **{
            f"{prefix}_evaluation": FilteredRelation("evaluations", condition=Q(evaluations__stage=stage))
            for stage, prefix in STAGES.items()
        }
    )
    if session_ids is not None:
        bookings = bookings.filter(session_id__in=session_ids)
    return (
        bookings.values(tally_session=F("session_id"))
        .annotate(**_session_counts())
        .filter(_SOMETHING)
        .order_by()
    )


def _by_agency(session_ids):
    """The second GROUP BY: the booked places of each session by the practitioner's agency."""
    bookings = Booking.objects.filter(_BOOKED)
    if session_ids is not None:
        bookings = bookings.filter(session_id__in=session_ids)
    return (
        bookings.values(tally_session=F("session_id"), tally_agency=F("practitioner__agency_id"))
        .annotate(
            booked=Count("pk"),
            attended=Count("pk", filter=Q(attendance=Attendance.ATTENDED)),
            non_attended=Count("pk", filter=Q(attendance__in=NON_ATTENDANCE)),
        )
        .order_by()
    )


def session_tallies_update(*, session_ids=None) -> int:
    """Count these sessions (every session when None) again from their bookings and evaluations, with two
    GROUP BYs (by session; by session and agency), and write their tallies with one upsert each; a session
    or an agency with nothing left to count loses its row. Called inside the transaction of every write
    that changes what a session adds up to. The sessions' rows are locked first (select_for_update, in
    order), so two writes for the same session (two evaluations given at the same moment) queue and the
    second counts the first's. Returns how many sessions have a tally."""
    with transaction.atomic():
        sessions = TrainingSession.objects.select_for_update().order_by("pk")
        if session_ids is not None:
            session_ids = sorted(set(session_ids))
            if not session_ids:
                return 0
            sessions = sessions.filter(pk__in=session_ids)
        list(sessions.values_list("pk", flat=True))
        if session_ids is None:
            return _all_written_again()
        years_before = _years_of(session_ids)
        rows = [
            SessionTally(session_id=row["tally_session"], **{name: row[name] for name in FIGURES})
            for row in _by_session(session_ids)
        ]
        agency_rows = [
            SessionAgencyTally(
                session_id=row["tally_session"],
                agency_id=row["tally_agency"],
                agency_key=row["tally_agency"] or 0,
                **{name: row[name] for name in AGENCY_FIGURES},
            )
            for row in _by_agency(session_ids)
        ]
        SessionTally.objects.filter(session_id__in=session_ids).exclude(
            session_id__in=[row.session_id for row in rows]
        ).delete()
        kept = {(row.session_id, row.agency_key) for row in agency_rows}
        gone = [
            pk
            for pk, session_id, key in SessionAgencyTally.objects.filter(
                session_id__in=session_ids
            ).values_list("pk", "session_id", "agency_key")
            if (session_id, key) not in kept
        ]
        if gone:
            SessionAgencyTally.objects.filter(pk__in=gone).delete()
        SessionTally.objects.bulk_create(
            rows, batch_size=500, update_conflicts=True, unique_fields=["session"], update_fields=FIGURES
        )
        SessionAgencyTally.objects.bulk_create(
            agency_rows,
            batch_size=500,
            update_conflicts=True,
            unique_fields=["session", "agency_key"],
            update_fields=["agency", *AGENCY_FIGURES],
        )
        year_tallies_update(*_joined(years_before, _years_of(session_ids)))
    return len(rows)


def _all_written_again() -> int:
    """Every session's tallies written again (the migration's way, for a data fix and the generator): the
    old rows deleted, the GROUP BYs' rows inserted by the database itself (INSERT ... SELECT) rather than
    one model instance per row, which at scale 2 (160,000 bookings) took a minute of Python."""
    SessionTally.objects.all().delete()
    SessionAgencyTally.objects.all().delete()
    written = _insert_selected(SessionTally, _by_session(None), {"session_id": "tally_session"}, FIGURES)
    _insert_selected(
        SessionAgencyTally,
        _by_agency(None),
        {
            "session_id": "tally_session",
            "agency_id": "tally_agency",
            "agency_key": "COALESCE(tally_agency, 0)",
        },
        AGENCY_FIGURES,
    )
    year_tallies_update()
    return written


def _insert_selected(model, found, keys: dict, figures) -> int:
    quote = connection.ops.quote_name
    columns = ", ".join(quote(name) for name in (*keys, *figures))
    chosen = ", ".join([*keys.values(), *map(quote, figures)])
    sql, params = found.query.sql_with_params()
    table = quote(model._meta.db_table)
    # Names from the model and the ORM's own SQL, values as parameters: nothing from outside.
    insert = f"INSERT INTO {table} ({columns}) SELECT {chosen} FROM ({sql}) counted"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(insert, params)
        return cursor.rowcount


def session_tallies_of_practitioners(*, user_ids) -> int:
    """Count again every session these practitioners booked (their agency changed: the tallies are by the
    practitioner's agency now)."""
    session_ids = Booking.objects.filter(practitioner_id__in=list(user_ids)).values_list(
        "session_id", flat=True
    )
    return session_tallies_update(session_ids=set(session_ids))


def _years_of(session_ids):
    """What these sessions count in now: ({(year, course id)}, {(year, agency key)})."""
    sessions = TrainingSession.objects.filter(pk__in=session_ids).values_list("pk", "date", "course_id")
    year_of = {}
    courses = set()
    for pk, date, course_id in sessions:
        year_of[pk] = date.year
        courses.add((date.year, course_id))
    agencies = {
        (year_of[session_id], key)
        for session_id, key in SessionAgencyTally.objects.filter(session_id__in=session_ids).values_list(
            "session_id", "agency_key"
        )
    }
    return courses, agencies


def _joined(before, after):
    return before[0] | after[0], before[1] | after[1]


def year_tallies_of_sessions(session_ids, write=None):
    """Run `write()` (an edit of these sessions: their date, course, places or status) and count again the
    years' tallies the sessions counted in before it and count in after it; without `write`, count again
    the years they count in now (a session just added). Returns what `write` returns."""
    session_ids = list(session_ids)
    with transaction.atomic():
        before = _years_of(session_ids)
        result = write() if write is not None else None
        year_tallies_update(*_joined(before, _years_of(session_ids)))
    return result


def _year_dates(year):
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


@transaction.atomic
def year_tallies_update(courses=None, agencies=None):
    """Count again these years' tallies from the sessions' own: `courses` {(year, course id)}, `agencies`
    {(year, agency key)}; every year of every course and agency when both are None (the generator, a data
    fix). Each (year, course) is the year's scheduled sessions of the course (how many, their places, the
    sums of their SessionTally figures); each (year, agency) the sums of the agency's SessionAgencyTally
    rows on them. A pair with nothing left loses its row. Recomputed, never incremented: the pairs' rows
    are made if missing and locked first (year by year, in key order), so two writes counting the same
    course's year queue and the second counts the first's sessions."""
    scheduled = TrainingSession.objects.filter(status=SessionStatus.SCHEDULED)
    agency_rows = SessionAgencyTally.objects.filter(session__status=SessionStatus.SCHEDULED)
    if courses is None and agencies is None:
        YearCourseTally.objects.all().delete()
        YearAgencyTally.objects.all().delete()
        found = scheduled.values(tally_year=ExtractYear("date"), tally_key=F("course_id"))
        _upsert(YearCourseTally, found.annotate(**_COURSE_SUMS).order_by())
        found = agency_rows.values(tally_year=ExtractYear("session__date"), tally_key=F("agency_key"))
        _upsert(YearAgencyTally, found.annotate(**_AGENCY_SUMS).order_by())
        return
    for year in sorted({year for year, _ in courses or ()} | {year for year, _ in agencies or ()}):
        start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        course_ids = sorted(course for y, course in courses or () if y == year)
        if course_ids:
            found = scheduled.filter(date__gte=start, date__lte=end, course_id__in=course_ids)
            found = found.values(tally_key=F("course_id")).annotate(**_COURSE_SUMS).order_by()
            _count_again(YearCourseTally, year, course_ids, found)
        keys = sorted(key for y, key in agencies or () if y == year)
        if keys:
            found = agency_rows.filter(session__date__gte=start, session__date__lte=end, agency_key__in=keys)
            found = found.values(tally_key=F("agency_key"))
            _count_again(YearAgencyTally, year, keys, found.annotate(**_AGENCY_SUMS).order_by())


_COURSE_SUMS = {
    "sessions": Count("pk"),
    "places": Sum("capacity", default=0),
    **{name: Sum(f"tally__{name}", default=0) for name in COURSE_FIGURES},
}
_AGENCY_SUMS = {name: Sum(name, default=0) for name in AGENCY_FIGURES}


def _course_year(year, key, row=None):
    return YearCourseTally(
        year=year, course_id=key, **{name: row[name] for name in _COURSE_SUMS} if row else {}
    )


def _agency_year(year, key, row=None):
    figures = {name: row[name] for name in AGENCY_FIGURES} if row else {}
    return YearAgencyTally(year=year, agency_key=key, agency_id=key or None, **figures)


# Each year tally: its key's field, how a row is made, the fields an upsert writes.
_YEAR_TALLIES = {
    YearCourseTally: ("course", _course_year, tuple(_COURSE_SUMS)),
    YearAgencyTally: ("agency_key", _agency_year, AGENCY_FIGURES),
}


def _count_again(model, year, keys, found):
    """Lock the year's rows for these keys (made empty first where missing), then write what `found`
    counts for them and delete the rows of keys it no longer counts."""
    key_field, make, _ = _YEAR_TALLIES[model]
    model.objects.bulk_create([make(year, key) for key in keys], ignore_conflicts=True)
    lookup = f"{key_field}__in"
    list(model.objects.select_for_update().filter(year=year, **{lookup: keys}).order_by("pk"))
    rows = list(found)
    _upsert(model, rows, year=year)
    counted = {row["tally_key"] for row in rows}
    model.objects.filter(year=year, **{lookup: [key for key in keys if key not in counted]}).delete()


def _upsert(model, rows, year=None):
    key_field, make, fields = _YEAR_TALLIES[model]
    model.objects.bulk_create(
        [make(row.get("tally_year", year), row["tally_key"], row) for row in rows],
        batch_size=500,
        update_conflicts=True,
        unique_fields=["year", key_field],
        update_fields=list(fields),
    )
