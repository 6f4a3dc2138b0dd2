"""Governance on the learning trail (a policy updated because of a key message, a learning event that shared
it, each with its date and the event's reach) and page query counts that do not grow with the rows."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from learningloop.reports.tests.factories import make_trail

from ..meetings import services
from ..models import (
    AgendaItem,
    AttendanceStatus,
    EventAttendance,
    LearningEvent,
    PolicyChange,
    PolicyDocument,
    RiskItem,
    WorkPlanItem,
)
from .factories import make_ldg, make_meeting

pytestmark = pytest.mark.django_db
D = datetime.date


def test_policy_updates_and_learning_events_show_on_the_trail(officer_client, home_agency, other_agency):
    message = make_trail(agency=home_agency, other_agency=other_agency)["message"]
    policy = PolicyDocument.objects.create(title="Escalation procedure")
    PolicyChange.objects.create(
        policy=policy, changed_on=D(2026, 9, 14), description="New section", key_message=message
    )
    event = LearningEvent.objects.create(title="Neglect webinar", kind="webinar", held_on=D(2026, 10, 6))
    event.key_messages.add(message)
    EventAttendance.objects.create(event=event, agency=home_agency, attendees=14)
    EventAttendance.objects.create(event=event, agency=other_agency, attendees=9)
    page = officer_client.get(reverse("reports:key_message_trail", args=[message.pk])).content.decode()
    assert 'Escalation procedure</a> <span class="govuk-body-s">(updated 14 September 2026)' in page
    assert 'Neglect webinar</a> <span class="govuk-body-s">(webinar, 6 October 2026, 23 attended)' in page


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _grow_meeting(ldg, meeting, n):
    for i in range(n):
        item = services.agenda_item_save(
            item=AgendaItem(meeting=meeting, title=f"Item {i}", owner=ldg.seats["la"].person)
        )
        services.decision_add(meeting=meeting, text=f"Decision {i}")
        services.meeting_action_add(
            meeting=meeting, description=f"Action {i}", owner=ldg.seats["la"].person, due_on=D(2026, 12, 1)
        )
        del item


def test_meeting_pages_do_not_grow_with_rows(officer_client):
    ldg = make_ldg()
    meeting = make_meeting(ldg.group, D(2026, 9, 8))
    services.attendance_record(
        meeting=meeting,
        rows=[(ldg.seats["la"], AttendanceStatus.PRESENT, "", None)],
        expected_version=meeting.version,
    )
    _grow_meeting(ldg, meeting, 1)
    _grow_lists(ldg, 1, start=100)
    detail = reverse("governance:meeting_detail", args=[meeting.pk])
    urls = [
        detail,
        reverse("governance:meeting_list") + "?when=all",
        reverse("governance:workplan"),
        reverse("governance:risk_list"),
        reverse("governance:policy_list"),
        reverse("governance:event_list"),
    ]
    before = [_queries(officer_client, u) for u in urls]
    _grow_meeting(ldg, meeting, 6)
    _grow_lists(ldg, 6)
    after = [_queries(officer_client, u) for u in urls]
    assert before == after


def _grow_lists(ldg, n, start=0):
    for i in range(start, start + n):
        make_meeting(ldg.group, D(2026, 10, 1) + datetime.timedelta(days=7 * i))
        WorkPlanItem.objects.create(
            group=ldg.group, year=2026, activity="events", objective=f"Objective {i}", due_on=D(2027, 1, 1)
        )
        RiskItem.objects.create(group=ldg.group, title=f"Risk {i}")
        PolicyDocument.objects.create(title=f"Policy {i}", next_review_due=D(2027, 1, 1))
        LearningEvent.objects.create(title=f"Event {i}", held_on=D(2026, 10, 1))
