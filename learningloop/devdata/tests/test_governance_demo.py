"""The governance demo: a year of LDG and Executive meetings with papers and minutes on time and late, one
inquorate meeting, a member with poor attendance, a work plan in progress, risks, issued highlight reports,
policies due for review, learning events; running it twice changes nothing."""

import pytest
from django.core.management import call_command

from learningloop.devdata.demo import governance, partnership
from learningloop.governance.meetings.report import attendance_by_exception
from learningloop.governance.models import (
    AgendaPaper,
    HighlightReport,
    LearningEvent,
    Meeting,
    MeetingDeadline,
    PolicyDocument,
    RiskItem,
    WorkPlanItem,
)
from learningloop.partnership.models import Group
from learningloop.partnership.preset import EXECUTIVE, LDG

pytestmark = pytest.mark.django_db


def test_a_year_of_meetings_and_the_rest_and_it_is_idempotent():
    call_command("load_framework")
    partnership.seed()
    governance.seed()
    counts = [
        m.objects.count()
        for m in (Meeting, WorkPlanItem, RiskItem, HighlightReport, PolicyDocument, LearningEvent)
    ]
    ldg, executive = Group.objects.get(name=LDG), Group.objects.get(name=EXECUTIVE)
    assert ldg.meetings.count() == 7 and executive.meetings.count() == 5
    assert ldg.meetings.filter(quorate=False).count() == 1
    assert AgendaPaper.objects.filter(late=True).exists() and AgendaPaper.objects.filter(late=False).exists()
    late = [d for d in MeetingDeadline.objects.filter(done_on__isnull=False) if d.done_on > d.due_on]
    assert {d.kind for d in late} == {"papers", "minutes"}
    assert HighlightReport.objects.filter(status="issued").exists()
    assert WorkPlanItem.objects.filter(status="on_track").exists()
    first = ldg.meetings.order_by("date").first().date
    report = attendance_by_exception(
        group=ldg, start=first, end=ldg.meetings.order_by("date").last().date, threshold=75
    )
    assert report.members  # the member with poor attendance
    governance.seed()
    assert counts == [
        m.objects.count()
        for m in (Meeting, WorkPlanItem, RiskItem, HighlightReport, PolicyDocument, LearningEvent)
    ]
