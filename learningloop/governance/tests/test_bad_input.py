"""Bad input gets a clear message and saves nothing: minutes dated before the meeting, a deputy from another
agency where the terms of reference do not allow it, attendance for someone who is not a member, a chair
who does not qualify, a meeting with no place or link."""

import datetime

import pytest
from django.urls import reverse

from learningloop.partnership.models import Membership, MembershipRole
from learningloop.partnership.tests.factories import AgencyFactory, MembershipFactory, PersonFactory

from ..models import Attendance, Meeting, MeetingDeadline
from .factories import make_ldg, make_meeting

pytestmark = pytest.mark.django_db
D = datetime.date


def _date(prefix, d):
    return {f"{prefix}-day": str(d.day), f"{prefix}-month": str(d.month), f"{prefix}-year": str(d.year)}


def test_minutes_dated_before_the_meeting_are_refused(officer_client):
    ldg = make_ldg()
    meeting = make_meeting(ldg.group, D(2026, 11, 10))
    response = officer_client.post(
        reverse("governance:meeting_minutes", args=[meeting.pk]),
        {**_date("minutes_sent_on", D(2026, 11, 9)), "minutes_notes": "Notes", "version": meeting.version},
    )
    assert response.status_code == 200
    assert "The minutes cannot be dated before the meeting" in response.content.decode()
    meeting.refresh_from_db()
    assert (meeting.minutes_sent_on, meeting.minutes_notes) == (None, "")
    assert MeetingDeadline.objects.get(meeting=meeting, kind="minutes").done_on is None


def test_minutes_on_the_day_meet_the_deadline(officer_client):
    ldg = make_ldg()
    meeting = make_meeting(ldg.group, D(2026, 11, 10))
    response = officer_client.post(
        reverse("governance:meeting_minutes", args=[meeting.pk]),
        {
            **_date("minutes_sent_on", D(2026, 11, 20)),
            "minutes_notes": "Agreed the plan",
            "version": meeting.version,
        },
    )
    assert response.status_code == 302
    assert MeetingDeadline.objects.get(meeting=meeting, kind="minutes").done_on == D(2026, 11, 20)


def _attendance_body(meeting, seats, **changes):
    body = {"version": meeting.version}
    for seat in seats:
        body[f"status-{seat.pk}"] = "present"
        body[f"reason-{seat.pk}"] = ""
        body[f"deputy-{seat.pk}"] = ""
    body.update(changes)
    return body


def test_a_deputy_from_another_agency_is_refused_where_the_terms_do_not_allow_it(officer_client):
    ldg = make_ldg()
    meeting = make_meeting(ldg.group, D(2026, 11, 10))
    stranger = PersonFactory(full_name="Dee Elsewhere", agency=ldg.school)
    health = ldg.seats["health"]
    body = _attendance_body(
        meeting,
        ldg.seats.values(),
        **{f"status-{health.pk}": "deputy", f"deputy-{health.pk}": str(stranger.pk)},
    )
    response = officer_client.post(reverse("governance:meeting_attendance", args=[meeting.pk]), body)
    assert response.status_code == 200
    assert (
        "Dee Elsewhere cannot deputise for Hana Health: the terms of reference of "
        "Learning and Development Group say a deputy must work for Northshire ICB"
    ) in response.content.decode().replace("\n", " ")
    assert not Attendance.objects.exists()
    meeting.refresh_from_db()
    assert meeting.quorate is None


def test_a_deputy_from_another_agency_is_accepted_where_the_terms_allow_it(officer_client):
    ldg = make_ldg()
    ldg.group.deputies_from_other_agencies = True
    ldg.group.save()
    meeting = make_meeting(ldg.group, D(2026, 11, 10))
    stranger = PersonFactory(full_name="Dee Elsewhere", agency=ldg.school)
    health = ldg.seats["health"]
    body = _attendance_body(
        meeting,
        ldg.seats.values(),
        **{f"status-{health.pk}": "deputy", f"deputy-{health.pk}": str(stranger.pk)},
    )
    response = officer_client.post(reverse("governance:meeting_attendance", args=[meeting.pk]), body)
    assert response.status_code == 302
    assert Attendance.objects.get(membership=health).deputy == stranger


def test_attendance_for_someone_who_is_not_a_member_is_refused(officer_client):
    ldg = make_ldg()
    meeting = make_meeting(ldg.group, D(2026, 11, 10))
    outsider = MembershipFactory(person=PersonFactory(full_name="Otto Outsider"))  # a seat on another group
    body = _attendance_body(meeting, ldg.seats.values(), **{f"status-{outsider.pk}": "present"})
    response = officer_client.post(reverse("governance:meeting_attendance", args=[meeting.pk]), body)
    assert response.status_code == 200
    assert "Otto Outsider is not a member of Learning and Development Group on 10 November 2026" in (
        response.content.decode()
    )
    assert not Attendance.objects.exists()


def test_a_member_who_left_before_the_meeting_cannot_have_attendance_recorded():
    from django.core.exceptions import ValidationError

    from ..meetings import services

    ldg = make_ldg()
    meeting = make_meeting(ldg.group, D(2026, 11, 10))
    left = MembershipFactory(
        group=ldg.group, person=PersonFactory(full_name="Lee Left"), end_date=D(2026, 10, 1)
    )
    with pytest.raises(ValidationError) as refused:
        services.attendance_record(
            meeting=meeting, rows=[(left, "present", "", None)], expected_version=meeting.version
        )
    assert refused.value.messages == [
        "Lee Left is not a member of Learning and Development Group on 10 November 2026"
    ]
    assert not Attendance.objects.exists()


def test_present_cannot_be_recorded_before_the_meeting(officer_client):
    ldg = make_ldg()
    meeting = make_meeting(ldg.group, datetime.date.today() + datetime.timedelta(days=30))
    body = _attendance_body(meeting, ldg.seats.values())
    response = officer_client.post(reverse("governance:meeting_attendance", args=[meeting.pk]), body)
    assert response.status_code == 200
    assert "Select how Pat Police attended" in response.content.decode()
    assert not Attendance.objects.exists()


def test_appointing_a_chair_who_does_not_qualify_is_refused(officer_client):
    ldg = make_ldg()
    person = PersonFactory(full_name="Ada Academy", agency=ldg.school)
    before = Membership.objects.count()
    response = officer_client.post(
        reverse("partnership:membership_create", args=[ldg.group.pk]),
        {
            "person": person.pk,
            "role": MembershipRole.DEPUTY_CHAIR,
            "representing": "",
            **_date("start_date", D(2026, 4, 1)),
        },
    )
    assert response.status_code == 200
    assert (
        "The terms of reference of Learning and Development Group say the deputy chair must be a "
        "strategic lead from the local authority, police or health. "
        "Northshire Academy is not one of the three safeguarding partners"
    ) in response.content.decode().replace("\n", " ")
    assert Membership.objects.count() == before


def test_a_chair_from_a_safeguarding_partner_is_accepted(officer_client):
    ldg = make_ldg()
    person = PersonFactory(full_name="Cara Council", agency=ldg.la)
    response = officer_client.post(
        reverse("partnership:membership_create", args=[ldg.group.pk]),
        {
            "person": person.pk,
            "role": MembershipRole.DEPUTY_CHAIR,
            "representing": "",
            **_date("start_date", D(2026, 4, 1)),
        },
    )
    assert response.status_code == 302
    assert Membership.objects.get(person=person).role == MembershipRole.DEPUTY_CHAIR


def test_a_group_without_the_rule_lets_anyone_chair(officer_client):
    person = PersonFactory(agency=AgencyFactory(name="Northshire Academy Trust"))
    group = MembershipFactory().group
    response = officer_client.post(
        reverse("partnership:membership_create", args=[group.pk]),
        {
            "person": person.pk,
            "role": MembershipRole.CHAIR,
            "representing": "",
            **_date("start_date", D(2026, 4, 1)),
        },
    )
    assert response.status_code == 302


def test_a_meeting_needs_a_place_or_a_link_and_a_real_time(officer_client):
    ldg = make_ldg()
    response = officer_client.post(
        reverse("governance:meeting_create"),
        {
            "group": ldg.group.pk,
            **_date("date", D(2027, 1, 12)),
            "start_time": "25:99",
            "place": "",
            "online_link": "",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Enter the place or the online meeting link" in page
    assert "Enter the start time as hours and minutes, for example 14:00" in page
    assert not Meeting.objects.exists()
