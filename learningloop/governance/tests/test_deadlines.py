"""A meeting's deadlines come from its group's terms of reference and sit in the one engine: the agenda and
papers 5 working days before (England's bank holidays skipped), the minutes 14 days after. Dates below are
counted on a calendar: Christmas Day 2026 is a Friday, Boxing Day a Saturday (its substitute bank holiday
is Monday 28 December) and New Year's Day 2027 a Friday."""

import datetime
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from learningloop.core.reminders import send_due_reminders
from learningloop.learning.tests.factories_register import PDF_BYTES

from ..meetings import services
from ..models import MeetingDeadline
from .factories import make_ldg, make_meeting

pytestmark = pytest.mark.django_db
D = datetime.date


def _deadlines(meeting):
    return {d.kind: d.due_on for d in MeetingDeadline.objects.filter(meeting=meeting)}


@pytest.mark.parametrize(
    ("meeting_on", "papers_due", "minutes_due"),
    [
        # Tuesday 5 January 2027: back over 4 Jan, (1 Jan holiday, weekend), 31, 30, 29 Dec, (28 Dec
        # substitute Boxing Day, weekend, 25 Dec Christmas), 24 Dec. Minutes 14 days on: Tuesday 19 January.
        (D(2027, 1, 5), D(2026, 12, 24), D(2027, 1, 19)),
        # Friday 18 December 2026: 17, 16, 15, 14, 11 December. Minutes: Friday 1 January 2027 (a calendar
        # count: the terms of reference say two weeks).
        (D(2026, 12, 18), D(2026, 12, 11), D(2027, 1, 1)),
        # Thursday 8 April 2027 (after Easter: Good Friday 26 March, Easter Monday 29 March 2027): 7, 6, 5,
        # 2, 1 April. Minutes: Thursday 22 April.
        (D(2027, 4, 8), D(2027, 4, 1), D(2027, 4, 22)),
        # Wednesday 31 March 2027: 30, (29 Easter Monday, weekend, 26 Good Friday), 25, 24, 23, 22 March.
        (D(2027, 3, 31), D(2027, 3, 22), D(2027, 4, 14)),
    ],
)
def test_papers_and_minutes_deadlines_skip_bank_holidays(meeting_on, papers_due, minutes_due):
    ldg = make_ldg()
    meeting = make_meeting(ldg.group, meeting_on)
    assert _deadlines(meeting) == {"papers": papers_due, "minutes": minutes_due}


def test_moving_a_meeting_moves_its_deadlines():
    ldg = make_ldg()
    meeting = make_meeting(ldg.group, D(2027, 1, 5))
    meeting.date = D(2027, 1, 12)  # Tuesday: 11, 8, 7, 6, 5 January
    services.meeting_update(meeting=meeting, expected_version=meeting.version)
    assert _deadlines(meeting)["papers"] == D(2027, 1, 5)
    assert meeting.sequence == 1


def _pdf(name="Paper.pdf"):
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def test_a_paper_added_after_the_papers_deadline_is_marked_late(settings, tmp_path):
    ldg = make_ldg()
    meeting = make_meeting(ldg.group, D(2027, 1, 5))  # papers due Thursday 24 December 2026
    item = services.agenda_item_save(item=meeting.agenda_items.model(meeting=meeting, title="Neglect audit"))
    on_time = services.agenda_paper_upload(item=item, upload=_pdf("On time.pdf"), today=D(2026, 12, 24))
    late = services.agenda_paper_upload(item=item, upload=_pdf("Late.pdf"), today=D(2026, 12, 29))
    assert (on_time.late, late.late) == (False, True)


def test_the_business_unit_sees_meeting_deadlines_on_the_deadlines_page(
    officer_client, lead_client, home_agency
):
    ldg = make_ldg(police=home_agency)
    make_meeting(ldg.group, timezone.localdate() + datetime.timedelta(days=10))
    page = officer_client.get(reverse("learning:statutory_deadlines"))
    assert "Agenda and papers out" in page.content.decode()
    other = lead_client.get(reverse("learning:statutory_deadlines"))
    assert "Agenda and papers out" not in other.content.decode()


def test_chair_and_officer_are_reminded_before_the_papers_deadline_once():
    ldg = make_ldg()
    make_meeting(ldg.group, D(2027, 1, 5))  # papers due Thursday 24 December 2026
    sent = []
    with mock.patch("learningloop.core.reminders.queue_email", sent.append):
        # Two working days before: Tuesday 22 December. The sender runs three times that day.
        for _ in range(3):
            send_due_reminders(today=D(2026, 12, 22), codes={"meeting"})
        # On the day, once more.
        send_due_reminders(today=D(2026, 12, 24), codes={"meeting"})
        send_due_reminders(today=D(2026, 12, 24), codes={"meeting"})
    recipients = sorted((e.to[0], e.subject.split(":")[0]) for e in sent)
    assert recipients == [
        ("olly@bu.example.org", "Reminder"),
        ("olly@bu.example.org", "Reminder"),
        ("pat@police.example.org", "Reminder"),
        ("pat@police.example.org", "Reminder"),
    ]
    assert {e.subject for e in sent} == {
        "Reminder: the agenda and papers due soon: LDG meeting, 5 January 2027",
        "Reminder: the agenda and papers due today: LDG meeting, 5 January 2027",
    }
    # Never the school or council members: only the chair and the officer.
    assert not any("sam@" in e.to[0] or "lou@" in e.to[0] for e in sent)


def test_no_reminder_once_the_pack_is_out_or_the_meeting_cancelled():
    ldg = make_ldg()
    sent_out = make_meeting(ldg.group, D(2027, 1, 5))
    services.agenda_item_save(item=sent_out.agenda_items.model(meeting=sent_out, title="Item"))
    cancelled = make_meeting(ldg.group, D(2027, 1, 6))
    sent = []
    with mock.patch("learningloop.core.reminders.queue_email", sent.append):
        services.meeting_pack_publish(meeting=sent_out, today=D(2026, 12, 21))
        services.meeting_cancel(meeting=cancelled, reason="Snow", expected_version=cancelled.version)
        sent.clear()
        send_due_reminders(today=D(2026, 12, 22), codes={"meeting"})
    assert sent == []


def test_members_get_one_email_when_the_pack_is_published_with_a_link_only():
    ldg = make_ldg()
    meeting = make_meeting(ldg.group, D(2027, 1, 5))
    services.agenda_item_save(
        item=meeting.agenda_items.model(meeting=meeting, title="Confidential case update")
    )
    sent = []
    with mock.patch("learningloop.core.reminders.queue_email", sent.append):
        first = services.meeting_pack_publish(meeting=meeting, today=D(2026, 12, 21))
        second = services.meeting_pack_publish(meeting=meeting, today=D(2026, 12, 22))
    assert (first, second) == (5, 0)
    assert sorted(e.to[0] for e in sent) == sorted(
        [
            "pat@police.example.org",
            "lou@council.example.org",
            "hana@icb.example.org",
            "sam@academy.example.org",
            "olly@bu.example.org",
        ]
    )
    email = sent[0]
    assert f"/governance/meetings/{meeting.pk}/" in email.text
    assert "Confidential case update" not in email.text + email.html
    meeting.refresh_from_db()
    assert meeting.pack_published_on == D(2026, 12, 21)
    assert MeetingDeadline.objects.get(meeting=meeting, kind="papers").done_on == D(2026, 12, 21)
