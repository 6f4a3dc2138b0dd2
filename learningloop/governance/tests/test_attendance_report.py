"""The chair's attendance report by exception: over the chosen period, members and agencies below the
threshold, with the reasons given for apologies; cancelled meetings are ignored."""

import datetime

import pytest
from django.urls import reverse

from ..meetings import services
from ..meetings.report import attendance_by_exception
from ..models import AttendanceStatus
from .factories import make_ldg, make_meeting

pytestmark = pytest.mark.django_db
D = datetime.date


def _held(ldg, day, school_status, reason=""):
    meeting = make_meeting(ldg.group, day)
    rows = [(ldg.seats[k], AttendanceStatus.PRESENT, "", None) for k in ("la", "police", "health", "officer")]
    rows.append((ldg.seats["school"], school_status, reason, None))
    services.attendance_record(meeting=meeting, rows=rows, expected_version=meeting.version)
    return meeting


@pytest.fixture
def year(db):
    """Four meetings held in 2026 and one cancelled: the school's member came to one of the four."""
    ldg = make_ldg()
    _held(ldg, D(2026, 3, 10), AttendanceStatus.PRESENT)
    _held(ldg, D(2026, 5, 12), AttendanceStatus.APOLOGIES, "Ofsted inspection")
    _held(ldg, D(2026, 7, 14), AttendanceStatus.APOLOGIES, "School trip")
    _held(ldg, D(2026, 9, 8), AttendanceStatus.ABSENT)
    cancelled = make_meeting(ldg.group, D(2026, 11, 10))
    services.meeting_cancel(meeting=cancelled, reason="Snow", expected_version=cancelled.version)
    return ldg


def test_members_and_agencies_below_the_threshold_with_apology_reasons(year):
    report = attendance_by_exception(group=year.group, start=D(2026, 1, 1), end=D(2026, 12, 31), threshold=75)
    # 4 meetings counted: the cancelled one is ignored (with it the school would be 1 of 5).
    assert len(report.meetings) == 4
    assert [(m.name, m.attended, m.held, m.rate) for m in report.members] == [("Sam School", 1, 4, 25)]
    assert report.members[0].reasons == [
        (D(2026, 5, 12), "Ofsted inspection"),
        (D(2026, 7, 14), "School trip"),
    ]
    assert [(a.name, a.attended, a.held) for a in report.agencies] == [("Academy", 1, 4)]


def test_a_shorter_period_and_lower_threshold_change_who_is_listed(year):
    report = attendance_by_exception(group=year.group, start=D(2026, 1, 1), end=D(2026, 5, 31), threshold=50)
    assert [(m.name, m.rate) for m in report.members] == []  # 1 of 2 = 50%: not below 50
    report = attendance_by_exception(group=year.group, start=D(2026, 5, 1), end=D(2026, 9, 30), threshold=50)
    assert [(m.name, m.attended, m.held) for m in report.members] == [("Sam School", 0, 3)]


def test_the_report_page_and_its_bad_input(year, scrutineer_client):
    url = reverse("governance:attendance_report")
    page = scrutineer_client.get(
        url,
        {
            "group": year.group.pk,
            "start-day": "1",
            "start-month": "1",
            "start-year": "2026",
            "end-day": "31",
            "end-month": "12",
            "end-year": "2026",
            "threshold": "75",
        },
    )
    text = page.content.decode()
    assert page.status_code == 200
    assert "Sam School" in text and "Ofsted inspection" in text and "Pat Police" not in text
    bad = scrutineer_client.get(
        url,
        {
            "group": "x",
            "start-day": "40",
            "start-month": "1",
            "start-year": "2026",
            "end-day": "1",
            "end-month": "1",
            "end-year": "2026",
            "threshold": "500",
        },
    )
    assert bad.status_code == 200
    text = bad.content.decode()
    assert "Enter the threshold as 100 or fewer" in text and "Enter a real date" in text
