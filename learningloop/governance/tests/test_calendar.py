"""Each user's iCalendar feed of their groups' meetings, read back with the icalendar parser: one stable
UID per meeting, a move raises SEQUENCE and changes the time, a cancellation is STATUS:CANCELLED; the secret
address can be reset, and the old one then stops working."""

import datetime

import icalendar
import pytest
from django.test import Client
from django.urls import reverse

from learningloop.accounts.tests.factories import UserFactory
from learningloop.partnership.tests.factories import GroupFactory

from ..meetings import services
from ..models import CalendarFeed
from .factories import make_ldg, make_meeting

pytestmark = pytest.mark.django_db
D = datetime.date


def _events(client, token):
    response = client.get(reverse("governance:calendar_feed", args=[token]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def test_the_feed_follows_moves_and_cancellations(client):
    ldg = make_ldg()
    member = ldg.seats["school"].person
    user = UserFactory(email="sam@academy.example.org", agency=ldg.school)
    member.user = user
    member.save()
    moved = make_meeting(ldg.group, D(2027, 1, 12))
    cancelled = make_meeting(ldg.group, D(2027, 3, 9))
    kept = make_meeting(ldg.group, D(2027, 5, 11))
    other_group = make_meeting(GroupFactory(name="Audit Group"), D(2027, 1, 13))
    token = CalendarFeed.objects.create(user=user).token

    before = _events(Client(), token)
    assert set(before) == {f"meeting-{m.pk}@learningloop" for m in (moved, cancelled, kept)}
    assert f"meeting-{other_group.pk}@learningloop" not in before

    moved.date, moved.start_time = D(2027, 1, 19), datetime.time(14, 0)
    services.meeting_update(meeting=moved, expected_version=moved.version)
    services.meeting_cancel(
        meeting=cancelled, reason="Clashes with the Executive", expected_version=cancelled.version
    )
    after = _events(Client(), token)

    m = after[f"meeting-{moved.pk}@learningloop"]
    assert m.decoded("DTSTART") == datetime.datetime(2027, 1, 19, 14, 0, tzinfo=m.decoded("DTSTART").tzinfo)
    assert m.decoded("DTSTART").utcoffset() == datetime.timedelta(0)  # January in London is GMT
    assert int(m["SEQUENCE"]) == 1 and str(m["STATUS"]) == "CONFIRMED"
    c = after[f"meeting-{cancelled.pk}@learningloop"]
    assert str(c["STATUS"]) == "CANCELLED" and int(c["SEQUENCE"]) == 1
    k = after[f"meeting-{kept.pk}@learningloop"]
    assert int(k["SEQUENCE"]) == 0 and str(k["LOCATION"]) == "Council House"
    assert str(k["SUMMARY"]) == "LDG meeting, 11 May 2027"


def test_resetting_the_address_stops_the_old_one(lead_client, agency_lead):
    assert lead_client.post(reverse("governance:calendar_reset")).status_code == 302
    first = CalendarFeed.objects.get(user=agency_lead).token
    page = lead_client.get(reverse("governance:calendar")).content.decode()
    assert first in page
    lead_client.post(reverse("governance:calendar_reset"))
    second = CalendarFeed.objects.get(user=agency_lead).token
    assert second != first
    assert Client().get(reverse("governance:calendar_feed", args=[first])).status_code == 404
    assert Client().get(reverse("governance:calendar_feed", args=[second])).status_code == 200
    assert Client().get(reverse("governance:calendar_feed", args=["guess"])).status_code == 404
