"""Which key messages are the year's training gaps (docs/adr/0048-training-gaps-are-the-years-own.md):
a message whose dissemination plan names multi-agency training is due for training in the year its plan
was written, and in any year a communication of it by training falls due; it is a gap in such a year when
no session delivered in that year carried it. The cases and their years are written out by hand."""

import datetime
import re

import pytest

from learningloop.dissemination.models import AudiencePlan
from learningloop.dissemination.tests.factories_plans import CommunicationFactory, ensure_method, make_plan
from learningloop.learning.models import KeyMessage
from learningloop.workforce.models import SessionStatus
from learningloop.workforce.review.content import message_gaps

from .factories import CourseFactory, SessionFactory, written_in

pytestmark = pytest.mark.django_db


def _message(text, *, written, methods=("Multi-agency training",), training_due=None):
    """A key message with this text, its plan written on `written`, its first audience row naming
    `methods`; with a communication by training due on `training_due` if given."""
    plan = written_in(make_plan(messages=1), written)
    audience_plan = AudiencePlan.objects.filter(message_plan__plan=plan).order_by("pk").first()
    audience_plan.methods.add(*[ensure_method(name) for name in methods])
    message = audience_plan.message_plan.key_message
    message.text = text
    message.save(update_fields=["text"])
    if training_due:
        CommunicationFactory(
            audience_plan=audience_plan, method=ensure_method("Multi-agency training"), due_on=training_due
        )
    return message


def _carried_on(message, day, status=SessionStatus.SCHEDULED):
    course = CourseFactory()
    course.key_messages.add(message)
    SessionFactory(course=course, date=day, status=status)


@pytest.fixture
def messages():
    written_2025 = _message("Written in 2025", written=datetime.date(2025, 3, 1))
    _message("Written in 2025, training due in 2026", written=datetime.date(2025, 11, 20),
             training_due=datetime.date(2026, 2, 10))  # fmt: skip
    _message("Written on the last day of 2025", written=datetime.date(2025, 12, 31))
    _message("Written in 2026", written=datetime.date(2026, 1, 1))
    carried = _message("Written in 2026, carried in 2026", written=datetime.date(2026, 4, 2))
    _carried_on(carried, datetime.date(2026, 9, 15))
    cancelled = _message("Written in 2026, its session cancelled", written=datetime.date(2026, 4, 3))
    _carried_on(cancelled, datetime.date(2026, 9, 16), status=SessionStatus.CANCELLED)
    _message(
        "Written in 2026, by briefing only", written=datetime.date(2026, 5, 1), methods=("Learning briefing",)
    )
    _message("Written in 2026, training due in 2027", written=datetime.date(2026, 12, 1),
             training_due=datetime.date(2027, 1, 1))  # fmt: skip
    _carried_on(written_2025, datetime.date(2026, 3, 3))  # carried only in 2026: still a gap of 2025's


def test_a_gap_is_a_message_due_for_training_in_the_year_that_no_session_of_the_year_carried(messages):
    assert list(message_gaps(2025)) == [
        "Written in 2025",
        "Written in 2025, training due in 2026",
        "Written on the last day of 2025",
    ]
    assert list(message_gaps(2026)) == [
        "Written in 2025, training due in 2026",
        "Written in 2026",
        "Written in 2026, its session cancelled",
        "Written in 2026, training due in 2027",
    ]
    assert list(message_gaps(2027)) == ["Written in 2026, training due in 2027"]
    assert list(message_gaps(2024)) == []


def test_the_page_lists_the_years_own_gaps_and_a_session_of_the_year_closes_one(messages, officer_client):
    def shown():
        page = officer_client.get("/training/review/?year=2026").text
        table = re.findall(r"<table.*?</table>", page, re.S)[-1]
        assert "Gaps: key messages" in table
        return re.findall(r'<td class="govuk-table__cell">(.*?)</td>', table, re.S)

    assert shown() == [
        "Written in 2025, training due in 2026",
        "Written in 2026",
        "Written in 2026, its session cancelled",
        "Written in 2026, training due in 2027",
    ]
    _carried_on(KeyMessage.objects.get(text="Written in 2026"), datetime.date(2026, 12, 31))
    assert "Written in 2026" not in shown()
