"""Meetings scheduled from the terms of reference, their actions as improvement actions on the owner's
home page, and the terms of reference review reminder a month before."""

import datetime
from unittest import mock

import pytest
from django.urls import reverse

from learningloop.accounts.tests.factories import UserFactory
from learningloop.core.policy import Role
from learningloop.core.reminders import send_due_reminders
from learningloop.improvement.models import Action
from learningloop.partnership.models import ChairRule, Group
from learningloop.partnership.preset import preset_load

from ..meetings import services
from ..models import AttendanceStatus, Meeting
from .factories import make_ldg, make_meeting

pytestmark = pytest.mark.django_db
D = datetime.date


def test_the_preset_gives_the_ldg_its_chair_rule_and_alternate_months():
    preset_load()
    ldg = Group.objects.get(name="Learning and Development Group")
    assert (ldg.chair_rule, ldg.meetings_every_months) == (ChairRule.SAFEGUARDING_PARTNER, 2)


def test_a_year_of_ldg_meetings_in_alternate_months_on_working_days(officer_client):
    ldg = make_ldg()
    response = officer_client.post(
        reverse("governance:meeting_schedule"),
        {
            "group": ldg.group.pk,
            "first_date-day": "12",
            "first_date-month": "1",
            "first_date-year": "2027",
            "start_time": "10:00",
            "place": "Council House",
        },
    )
    assert response.status_code == 302
    # 12 January 2027, then every two months; 12 September 2027 is a Sunday, so that meeting moves to
    # Monday 13 September.
    assert list(Meeting.objects.filter(group=ldg.group).values_list("date", flat=True)) == [
        D(2027, 1, 12),
        D(2027, 3, 12),
        D(2027, 5, 12),
        D(2027, 7, 12),
        D(2027, 9, 13),
        D(2027, 11, 12),
    ]


def test_a_meeting_action_becomes_an_improvement_action_on_the_owners_home_page(client):
    ldg = make_ldg()
    meeting = make_meeting(ldg.group, D(2026, 11, 10))
    owner = ldg.seats["la"].person
    action = services.meeting_action_add(
        meeting=meeting,
        description="Circulate the neglect toolkit to schools",
        owner=owner,
        due_on=D(2027, 1, 8),
    )
    assert (action.owner, action.owner_agency, action.plan.source_meeting) == (
        owner,
        ldg.la,
        "LDG meeting, 10 November 2026",
    )
    assert Action.objects.get(pk=action.pk).plan.meeting == meeting
    user = UserFactory(email="lou@council.example.org", agency=ldg.la, roles=[Role.AGENCY_MEMBER])
    owner.user = user
    owner.save()
    client.force_login(user)
    home = client.get(reverse("home")).content.decode()
    assert "Your tasks from meetings" in home
    assert "Circulate the neglect toolkit to schools" in home
    # Its reminders come from the improvement action's deadline: to its owner, once. Five working days
    # before Friday 8 January 2027 (New Year's Day, Friday 1 January, skipped): Thursday 31 December 2026.
    sent = []
    with mock.patch("learningloop.core.reminders.queue_email", sent.append):
        send_due_reminders(today=D(2026, 12, 30), codes={"action"})
        assert sent == []
        send_due_reminders(today=D(2026, 12, 31), codes={"action"})
        send_due_reminders(today=D(2026, 12, 31), codes={"action"})
        # The next working day the same reminder still applies; it is not sent again.
        send_due_reminders(today=D(2027, 1, 4), codes={"action"})
    assert [tuple(e.to) for e in sent] == [("lou@council.example.org",)]
    assert "due soon" in sent[0].subject.lower()
    assert reverse("improvement:action_detail", args=[action.pk]) in sent[0].text


def test_no_action_or_decision_before_the_meeting_takes_place():
    from django.core.exceptions import ValidationError

    ldg = make_ldg()
    meeting = make_meeting(ldg.group, datetime.date.today() + datetime.timedelta(days=14))
    with pytest.raises(ValidationError):
        services.decision_add(meeting=meeting, text="Too early")
    with pytest.raises(ValidationError):
        services.meeting_action_add(
            meeting=meeting,
            description="Too early",
            owner=ldg.seats["la"].person,
            due_on=datetime.date.today(),
        )
    assert not meeting.decisions.exists() and meeting.action_plan is None


def test_the_terms_of_reference_review_reminder_goes_a_month_before():
    ldg = make_ldg()
    ldg.group.terms_review_due = D(2027, 4, 1)
    ldg.group.save()
    sent = []
    with mock.patch("learningloop.core.reminders.queue_email", sent.append):
        # 20 working days before Thursday 1 April 2027 (Good Friday 26 and Easter Monday 29 March 2027
        # skipped): Tuesday 2 March. Nothing the day before.
        send_due_reminders(today=D(2027, 3, 1), codes={"terms-review"})
        assert sent == []
        send_due_reminders(today=D(2027, 3, 2), codes={"terms-review"})
        send_due_reminders(today=D(2027, 3, 3), codes={"terms-review"})
    assert [e.to for e in sent] == [("pat@police.example.org",)]


def test_the_meeting_page_shows_quorum_late_papers_and_decisions_to_ratify(officer_client):
    ldg = make_ldg()
    meeting = make_meeting(ldg.group, D(2026, 9, 8))
    rows = [(ldg.seats[k], AttendanceStatus.PRESENT, "", None) for k in ("la", "health")]
    services.attendance_record(meeting=meeting, rows=rows, expected_version=meeting.version)
    services.decision_add(meeting=meeting, text="Adopt the toolkit")
    page = officer_client.get(reverse("governance:meeting_detail", args=[meeting.pk])).content.decode()
    assert "Not quorate: the police not represented" in page
    assert "Needs ratification" in page


def test_a_policy_owner_is_reminded_20_and_5_working_days_before_the_review_each_once():
    from ..models import PolicyDocument
    from ..policies.services import policy_save

    ldg = make_ldg()
    policy = policy_save(
        policy=PolicyDocument(
            title="Neglect strategy",
            owner=ldg.seats["health"].person,
            last_reviewed_on=D(2024, 1, 15),
            next_review_due=D(2027, 1, 15),
        )
    )
    sent = []
    with mock.patch("learningloop.core.reminders.queue_email", sent.append):
        # 20 working days before Friday 15 January 2027, counted on the calendar with New Year's Day
        # (Friday 1 January), Christmas Day (Friday 25 December) and the Boxing Day substitute (Monday
        # 28 December) skipped: Tuesday 15 December 2026. Nothing the day before.
        send_due_reminders(today=D(2026, 12, 14), codes={"policy-review"})
        assert sent == []
        send_due_reminders(today=D(2026, 12, 15), codes={"policy-review"})
        send_due_reminders(today=D(2026, 12, 15), codes={"policy-review"})
        send_due_reminders(today=D(2026, 12, 16), codes={"policy-review"})
        assert len(sent) == 1
        # 5 working days before: Friday 8 January 2027; nothing on Thursday 7th.
        send_due_reminders(today=D(2027, 1, 7), codes={"policy-review"})
        assert len(sent) == 1
        send_due_reminders(today=D(2027, 1, 8), codes={"policy-review"})
        send_due_reminders(today=D(2027, 1, 8), codes={"policy-review"})
        send_due_reminders(today=D(2027, 1, 11), codes={"policy-review"})
    assert [(tuple(e.to), e.subject) for e in sent] == [
        (("hana@icb.example.org",), "Reminder: policy review due soon: Neglect strategy"),
        (("hana@icb.example.org",), "Reminder: policy review due soon: Neglect strategy"),
    ]
    assert all(reverse("governance:policy_detail", args=[policy.pk]) in e.text for e in sent)


def test_the_terms_of_reference_reminder_goes_to_the_chair_once_with_a_link():
    ldg = make_ldg()
    ldg.group.terms_review_due = D(2027, 1, 15)
    ldg.group.save()
    sent = []
    with mock.patch("learningloop.core.reminders.queue_email", sent.append):
        # A month (20 working days) before Friday 15 January 2027: Tuesday 15 December 2026, with the
        # Christmas, Boxing Day substitute and New Year's Day bank holidays skipped.
        send_due_reminders(today=D(2026, 12, 14), codes={"terms-review"})
        assert sent == []
        send_due_reminders(today=D(2026, 12, 15), codes={"terms-review"})
        send_due_reminders(today=D(2026, 12, 15), codes={"terms-review"})
        send_due_reminders(today=D(2026, 12, 16), codes={"terms-review"})
    assert [tuple(e.to) for e in sent] == [("pat@police.example.org",)]
    assert "http" in sent[0].text
