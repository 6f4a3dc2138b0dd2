"""The governance pages through a real browser, each checked with axe in its empty, filled and error
states: meetings (list, page, attendance, minutes, the attendance report, the calendar), the work plan,
risks and barriers, highlight reports, policies and procedures, learning events."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from learningloop.accounts.tests.factories import UserFactory
from learningloop.core.policy import Role
from learningloop.governance.models import HighlightReport, LearningEvent, Meeting, PolicyDocument
from learningloop.partnership.models import Group
from learningloop.partnership.preset import LDG

from .helpers import axe_check, expect_error_state, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LISTS = [
    ("governance:meeting_list", "Meetings"),
    ("governance:workplan", "Work plan"),
    ("governance:risk_list", "Risks"),
    ("governance:highlight_list", "Highlight reports"),
    ("governance:policy_list", "Policies"),
    ("governance:event_list", "Learning events"),
    ("governance:calendar", "Calendar"),
    ("governance:attendance_report", "Attendance report"),
]


@pytest.fixture
def admin(page, live_server, partnership, business_unit):
    call_command("load_framework", stdout=io.StringIO())
    user = UserFactory(
        email="admin@example.org", full_name="Ada Admin", agency=business_unit, roles=[Role.BU_ADMIN]
    )
    sign_in(page, live_server, user.email)
    return user


def _go(page, live_server, name, **kwargs):
    page.goto(live_server.url + reverse(name, kwargs=kwargs or None))
    page.wait_for_load_state("load")


def test_empty_pages(page, live_server, admin):
    for name, label in LISTS:
        _go(page, live_server, name)
        axe_check(page, f"{label} (empty)")


def test_error_states(page, live_server, admin):
    _go(page, live_server, "governance:meeting_create")
    page.get_by_role("button", name="Add meeting").click()
    expect_error_state(page)
    axe_check(page, "Add a meeting (errors)")
    _go(page, live_server, "governance:meeting_schedule")
    page.get_by_role("button", name="Schedule meetings").click()
    expect_error_state(page)
    axe_check(page, "Schedule a year (errors)")
    _go(page, live_server, "governance:workplan_item_create")
    page.get_by_role("button", name="Add item").click()
    expect_error_state(page)
    axe_check(page, "Add a work plan item (errors)")
    page.goto(live_server.url + reverse("governance:attendance_report") + "?group=x&threshold=500")
    expect_error_state(page)
    axe_check(page, "Attendance report (errors)")


def test_filled_pages(page, live_server, admin):
    from learningloop.devdata.demo import governance

    governance.seed()
    ldg = Group.objects.get(name=LDG)
    held = ldg.meetings.filter(quorate=False).first()
    for name, label in LISTS[:-1]:
        _go(page, live_server, name)
        axe_check(page, f"{label} (filled)")
    page.goto(live_server.url + reverse("governance:meeting_list") + "?when=all")
    axe_check(page, "Meetings, all (filled)")
    _go(page, live_server, "governance:meeting_detail", pk=held.pk)
    page.get_by_text("Not quorate").first.wait_for()
    axe_check(page, "Inquorate meeting (filled)")
    _go(page, live_server, "governance:meeting_attendance", pk=held.pk)
    axe_check(page, "Attendance (filled)")
    _go(page, live_server, "governance:meeting_minutes", pk=held.pk)
    group = page.get_by_role("group", name="Date the minutes were sent out", exact=True)
    group.get_by_label("Day").fill("1")
    group.get_by_label("Month").fill("1")
    group.get_by_label("Year").fill(str(held.date.year - 1))
    page.get_by_role("button", name="Save minutes").click()
    expect_error_state(page)
    axe_check(page, "Minutes dated before the meeting (errors)")
    first, last = ldg.meetings.order_by("date").first().date, ldg.meetings.order_by("date").last().date
    page.goto(
        live_server.url
        + reverse("governance:attendance_report")
        + f"?group={ldg.pk}&start-day={first.day}&start-month={first.month}&start-year={first.year}"
        + f"&end-day={last.day}&end-month={last.month}&end-year={last.year}&threshold=75"
    )
    page.get_by_text("Members below the threshold").wait_for()
    axe_check(page, "Attendance report (filled)")
    _go(page, live_server, "governance:highlight_detail", pk=HighlightReport.objects.first().pk)
    axe_check(page, "Highlight report (filled)")
    _go(page, live_server, "governance:policy_detail", pk=PolicyDocument.objects.first().pk)
    axe_check(page, "Policy (filled)")
    _go(page, live_server, "governance:event_detail", pk=LearningEvent.objects.first().pk)
    axe_check(page, "Learning event (filled)")
    _go(page, live_server, "governance:event_attendance", pk=LearningEvent.objects.first().pk)
    axe_check(page, "Event attendance (filled)")
    _go(page, live_server, "governance:meeting_edit", pk=Meeting.objects.filter(status="scheduled").last().pk)
    axe_check(page, "Move a meeting (filled)")
    page.get_by_role("button", name="Reset your calendar address").count()
    _go(page, live_server, "governance:calendar")
    page.get_by_role("button", name="Make your calendar address").click()
    page.wait_for_load_state("load")
    axe_check(page, "Calendar (filled)")
