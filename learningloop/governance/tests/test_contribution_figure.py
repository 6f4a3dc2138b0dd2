"""LDG attendance on the agency contribution scorecard: meetings held (cancelled ones ignored, attendance
recorded, before today), attended when the agency's member was present or sent a deputy."""

import datetime

import pytest
import time_machine

from learningloop.partnership.tests.factories import PersonFactory

from ..meetings import services
from ..meetings.figures import ldg_attendance
from ..models import AttendanceStatus
from .factories import make_ldg, make_meeting

pytestmark = pytest.mark.django_db
D = datetime.date
P, A, DEP, ABS = (
    AttendanceStatus.PRESENT,
    AttendanceStatus.APOLOGIES,
    AttendanceStatus.DEPUTY,
    AttendanceStatus.ABSENT,
)


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 12, 15, 9, 0), tick=False):
        yield


def _held(ldg, day, statuses, deputies=None):
    meeting = make_meeting(ldg.group, day)
    deputies = deputies or {}
    rows = [
        (ldg.seats[k], status, "Clash" if status in (A, DEP) else "", deputies.get(k))
        for k, status in statuses.items()
    ]
    services.attendance_record(meeting=meeting, rows=rows, expected_version=meeting.version)
    return meeting


@pytest.fixture
def ldg(home_agency):
    ldg = make_ldg(police=home_agency)  # the Police are the persona's agency (Northshire Police)
    council_deputy = PersonFactory(full_name="Dee Deputy", agency=ldg.la)
    _held(ldg, D(2026, 3, 10), {"police": P, "la": DEP, "health": A, "school": ABS}, {"la": council_deputy})
    _held(ldg, D(2026, 5, 12), {"police": A, "la": P, "health": P, "school": ABS})
    cancelled = make_meeting(ldg.group, D(2026, 7, 14))
    services.meeting_cancel(meeting=cancelled, reason="Snow", expected_version=cancelled.version)
    _held(ldg, D(2026, 9, 8), {"police": P, "la": P, "health": P, "school": A})
    make_meeting(ldg.group, D(2027, 1, 12))  # still to come: not counted
    return ldg


def test_attendance_per_agency_counts_a_deputy_and_ignores_the_cancelled_meeting(
    ldg, django_assert_max_num_queries
):
    with django_assert_max_num_queries(3):  # however many meetings and agencies
        counts = ldg_attendance([ldg.police.pk, ldg.la.pk, ldg.health.pk, ldg.school.pk], D(2026, 12, 15))
    # Three meetings held (10 March, 12 May, 8 September); the Council sent a deputy on 10 March.
    assert counts == {ldg.police.pk: (2, 3), ldg.la.pk: (3, 3), ldg.health.pk: (2, 3), ldg.school.pk: (0, 3)}


def test_the_scorecard_shows_ldg_attendance_linking_to_past_meetings(ldg, client, make_persona):
    client.force_login(make_persona("read_only"))
    html = client.get("/impact/agencies/").content.decode()
    assert "LDG meetings attended" in html

    def row(name):
        part = html[html.index(f">{name}<") :]
        return part[: part.index("</tr>")]

    assert '67%<span class="govuk-visually-hidden"> ldg meetings attended' in row("Northshire Police")
    assert "2 of 3" in row("Northshire Police")
    assert '100%<span class="govuk-visually-hidden"> ldg meetings attended' in row("Northshire Council")
    assert '0%<span class="govuk-visually-hidden"> ldg meetings attended' in row("Northshire Academy")
    assert "/governance/meetings/?when=past" in row("Northshire Academy")


def test_learning_event_attendees_this_year_per_agency(
    ldg, django_assert_max_num_queries, client, make_persona
):
    from ..events.figures import event_attendees
    from ..events.services import event_attendance_record, learning_event_save
    from ..models import LearningEvent

    def event(day, counts):
        saved = learning_event_save(event=LearningEvent(title=f"Webinar {day}", held_on=day))
        event_attendance_record(event=saved, counts=counts)

    event(D(2025, 11, 20), {ldg.police: 9})  # last year: not counted
    event(D(2026, 2, 3), {ldg.police: 12, ldg.la: 4})
    event(D(2026, 10, 6), {ldg.police: 3, ldg.health: 7})
    event(D(2027, 1, 19), {ldg.health: 30})  # still to come on 15 December 2026: not counted
    with django_assert_max_num_queries(1):
        counts = event_attendees([ldg.police.pk, ldg.la.pk, ldg.health.pk, ldg.school.pk], D(2026, 12, 15))
    # 12 + 3 for the Police, 4 for the Council, 7 for health, nobody from the school.
    assert counts == {ldg.police.pk: (15, 0), ldg.la.pk: (4, 0), ldg.health.pk: (7, 0)}
    client.force_login(make_persona("read_only"))
    html = client.get("/impact/agencies/").content.decode()
    police = html[html.index(">Northshire Police<") :]
    police = police[: police.index("</tr>")]
    assert '15<span class="govuk-visually-hidden"> attendees at learning events</span></a>' in police
    assert "/governance/events/" in police
