"""Records the authorisation walk needs for the governance pages' URLs that take an id: a group with one
member and its meetings (upcoming, to cancel, held, held without quorum), an Executive meeting, highlight
reports (draft, to issue, issued), a work plan item, a risk, a policy, a learning event, a calendar feed."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from learningloop.accounts.tests.factories import UserFactory
from learningloop.learning.tests.factories_register import PDF_BYTES
from learningloop.partnership.tests.factories import GroupFactory, MembershipFactory, PersonFactory

from ..meetings import services
from ..models import (
    AgendaItem,
    CalendarFeed,
    Decision,
    HighlightReport,
    LearningEvent,
    Meeting,
    PolicyDocument,
    RiskItem,
    WorkPlanItem,
)


def _meeting(group, days, **extra):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return services.meeting_create(
        meeting=Meeting(group=group, date=day, start_time=datetime.time(10, 0), place="Walk room", **extra)
    )


def extend(objects):
    group = GroupFactory(name="Walk governance group", meetings_every_months=6)
    person = PersonFactory(full_name="Walk member", agency=objects["agency"], email="walk.member@example.org")
    seat = MembershipFactory(group=group, person=person, start_date=datetime.date(2020, 1, 1))
    upcoming = _meeting(group, 30)
    item = services.agenda_item_save(item=AgendaItem(meeting=upcoming, title="Walk agenda item"))
    paper = services.agenda_paper_upload(
        item=item, upload=SimpleUploadedFile("Walk paper.pdf", PDF_BYTES, content_type="application/pdf")
    )
    inquorate = _meeting(group, -60, quorate=False)
    Decision.objects.create(meeting=inquorate, text="Walk decision to ratify")
    held = _meeting(group, -7, quorate=True)
    executive = GroupFactory(name="Walk Executive Group")
    executive_meeting = _meeting(executive, 20)
    later_executive = _meeting(executive, 60)
    draft = HighlightReport.objects.create(
        group=group,
        executive_meeting=executive_meeting,
        period_start=datetime.date(2026, 1, 1),
        period_end=executive_meeting.date,
        sections=[{"key": "activity", "heading": "Activity delivered", "text": "Met"}],
    )
    issued_meeting = _meeting(executive, -30)
    issued = HighlightReport.objects.create(
        group=group,
        executive_meeting=issued_meeting,
        period_start=datetime.date(2026, 1, 1),
        period_end=issued_meeting.date,
        sections=[{"key": "activity", "heading": "Activity delivered", "text": "Met"}],
        status="issued",
        issued_on=issued_meeting.date,
    )
    other = GroupFactory(name="Walk group for issuing")
    to_issue = HighlightReport.objects.create(
        group=other,
        executive_meeting=executive_meeting,
        period_start=datetime.date(2026, 1, 1),
        period_end=executive_meeting.date,
        sections=[],
    )
    feed_user = UserFactory(email="walk.calendar@example.org", agency=objects["agency"])
    objects.update(
        gov_group=group,
        gov_person=person,
        gov_seat=seat,
        gov_meeting=upcoming,
        gov_meeting_to_edit=_meeting(group, 40),
        gov_meeting_to_cancel=_meeting(group, 50),
        gov_item=item,
        gov_paper=paper,
        gov_held=held,
        gov_inquorate=inquorate,
        gov_executive_meeting=later_executive,
        gov_draft_report=draft,
        gov_report_to_issue=to_issue,
        gov_issued_report=issued,
        gov_work_item=WorkPlanItem.objects.create(
            group=group,
            year=2026,
            activity="events",
            objective="Walk objective",
            due_on=datetime.date(2027, 3, 31),
        ),
        gov_risk=RiskItem.objects.create(group=group, title="Walk risk"),
        gov_policy=PolicyDocument.objects.create(title="Walk policy"),
        gov_event=LearningEvent.objects.create(title="Walk webinar", held_on=datetime.date(2026, 10, 1)),
        gov_feed=CalendarFeed.objects.create(user=feed_user),
    )
