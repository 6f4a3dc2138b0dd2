"""Quorum from the LDG's terms of reference (Appendix A §8): quorate only if the local authority, police and
health are each represented, a deputy counting for their agency. Every combination of the three partners
present (P), absent (A: apologies, or absent without apologies) and deputised (D), with a relevant agency
present throughout, written out by hand."""

import datetime

import pytest

from learningloop.partnership.tests.factories import PersonFactory

from ..meetings import services
from ..models import AttendanceStatus, Decision
from .factories import make_ldg, make_meeting

pytestmark = pytest.mark.django_db
D = datetime.date

# local authority, police, health -> quorate?
TABLE = [
    ("P", "P", "P", True), ("P", "P", "D", True), ("P", "P", "A", False),
    ("P", "D", "P", True), ("P", "D", "D", True), ("P", "D", "A", False),
    ("P", "A", "P", False), ("P", "A", "D", False), ("P", "A", "A", False),
    ("D", "P", "P", True), ("D", "P", "D", True), ("D", "P", "A", False),
    ("D", "D", "P", True), ("D", "D", "D", True), ("D", "D", "A", False),
    ("D", "A", "P", False), ("D", "A", "D", False), ("D", "A", "A", False),
    ("A", "P", "P", False), ("A", "P", "D", False), ("A", "P", "A", False),
    ("A", "D", "P", False), ("A", "D", "D", False), ("A", "D", "A", False),
    ("A", "A", "P", False), ("A", "A", "D", False), ("A", "A", "A", False),
]  # fmt: skip


def _row(ldg, key, code, n):
    seat = ldg.seats[key]
    if code == "P":
        return (seat, AttendanceStatus.PRESENT, "", None)
    if code == "D":
        deputy = PersonFactory(full_name=f"Deputy {key} {n}", agency=seat.representing)
        return (seat, AttendanceStatus.DEPUTY, "Leave", deputy)
    # Alternate the two kinds of absence: neither represents the agency.
    status = AttendanceStatus.APOLOGIES if n % 2 else AttendanceStatus.ABSENT
    return (seat, status, "Court" if status == AttendanceStatus.APOLOGIES else "", None)


@pytest.mark.parametrize(("la", "police", "health", "quorate"), TABLE)
def test_quorum_after_the_meeting(la, police, health, quorate):
    ldg = make_ldg()
    meeting = make_meeting(ldg.group, D(2026, 11, 10))
    rows = [
        _row(ldg, "la", la, 1),
        _row(ldg, "police", police, 2),
        _row(ldg, "health", health, 3),
        (ldg.seats["school"], AttendanceStatus.PRESENT, "", None),
    ]
    services.attendance_record(
        meeting=meeting, rows=rows, expected_version=meeting.version, today=D(2026, 11, 10)
    )
    meeting.refresh_from_db()
    assert meeting.quorate is quorate


def test_before_the_meeting_quorum_comes_from_expected_attendance():
    ldg = make_ldg()
    meeting = make_meeting(ldg.group, datetime.date.today() + datetime.timedelta(days=20))
    from ..quorum import quorum_of

    assert quorum_of(ldg.group, meeting.seat_presence(after=False)).quorate is True
    # Health sends apologies without a deputy: not expected to be quorate, and the page says who is missing.
    services.attendance_record(
        meeting=meeting,
        rows=[(ldg.seats["health"], AttendanceStatus.APOLOGIES, "Annual leave", None)],
        expected_version=meeting.version,
    )
    expected = quorum_of(ldg.group, meeting.seat_presence(after=False))
    assert (expected.quorate, expected.explanation) == (False, "Not quorate: health not represented")
    meeting.refresh_from_db()
    assert meeting.quorate is None  # nothing is put on the record before the meeting


def test_decisions_of_an_inquorate_meeting_need_ratifying_at_the_next_quorate_one():
    ldg = make_ldg()
    inquorate = make_meeting(ldg.group, D(2026, 9, 8))
    everyone = [(ldg.seats[k], AttendanceStatus.PRESENT, "", None) for k in ("la", "health", "school")]
    police_away = [(ldg.seats["police"], AttendanceStatus.APOLOGIES, "Operation", None)]
    services.attendance_record(
        meeting=inquorate, rows=everyone + police_away, expected_version=inquorate.version
    )
    decision = services.decision_add(meeting=inquorate, text="Adopt the neglect toolkit")
    assert decision.needs_ratification is True
    quorate = make_meeting(ldg.group, D(2026, 11, 10))
    present = [(ldg.seats["police"], AttendanceStatus.PRESENT, "", None)]
    services.attendance_record(meeting=quorate, rows=everyone + present, expected_version=quorate.version)
    quorate.refresh_from_db()
    assert list(Decision.objects.to_ratify_at(quorate)) == [decision]
    assert services.decisions_ratify(meeting=quorate) == 1
    decision.refresh_from_db()
    assert (decision.needs_ratification, decision.ratified_at) == (False, quorate)
