"""Reminders to strategic leads about open responses: 5 working days before the due date, on the due date,
and weekly while overdue; each sent exactly once however often the worker runs; a missed day sends only
the latest applicable reminder."""

import datetime
import io

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from learningloop.accounts.tests.factories import UserFactory
from learningloop.core.models import Reminder
from learningloop.core.policy import Role
from learningloop.core.tests.worker import run_worker
from learningloop.dissemination.models import ResponseStatus
from learningloop.dissemination.reminders import DUE_SOON, DUE_TODAY, OVERDUE, applicable_reminder
from learningloop.partnership.tests.factories import AgencyFactory

from .factories_requests import RequestFactory, ResponseFactory

# The worker closes connections between tasks, so these tests commit for real (see core/tests/test_tasks).
pytestmark = pytest.mark.django_db(transaction=True)

DUE = datetime.date(2026, 3, 18)  # a Wednesday; five working days before is Wednesday 11 March


def _run(day):
    """The daily job on `day`, then the worker that sends the queued emails."""
    with time_machine.travel(datetime.datetime(day.year, day.month, day.day, 7, 0), tick=True):
        call_command("send_reminders", stdout=io.StringIO())
        run_worker()


@pytest.fixture
def setup():
    agency = AgencyFactory(name="Northshire Police")
    lead = UserFactory(email="lead@police.example.org", agency=agency, roles=[Role.AGENCY_LEAD])
    UserFactory(email="member@police.example.org", agency=agency, roles=[Role.AGENCY_MEMBER])
    request = RequestFactory(title="Chronologies request", due_on=DUE)
    response = ResponseFactory(request=request, agency=agency, status=ResponseStatus.VIEWED)
    return {"agency": agency, "lead": lead, "request": request, "response": response}


def _sent():
    return [(m.to[0], m.subject) for m in mail.outbox]


def test_the_schedule():
    assert applicable_reminder(DUE, datetime.date(2026, 3, 10)) is None
    assert applicable_reminder(DUE, datetime.date(2026, 3, 11)) == (DUE_SOON, datetime.date(2026, 3, 11))
    assert applicable_reminder(DUE, datetime.date(2026, 3, 17)) == (DUE_SOON, datetime.date(2026, 3, 11))
    assert applicable_reminder(DUE, DUE) == (DUE_TODAY, DUE)
    assert applicable_reminder(DUE, datetime.date(2026, 3, 20)) == (DUE_TODAY, DUE)
    assert applicable_reminder(DUE, datetime.date(2026, 3, 25)) == (OVERDUE, datetime.date(2026, 3, 25))
    assert applicable_reminder(DUE, datetime.date(2026, 3, 31)) == (OVERDUE, datetime.date(2026, 3, 25))
    assert applicable_reminder(DUE, datetime.date(2026, 4, 1)) == (OVERDUE, datetime.date(2026, 4, 1))


def test_before_on_and_weekly_overdue_each_sent_exactly_once(setup):
    _run(datetime.date(2026, 3, 10))
    assert mail.outbox == []
    _run(datetime.date(2026, 3, 11))
    _run(datetime.date(2026, 3, 11))  # the worker runs twice on the same day
    _run(datetime.date(2026, 3, 12))
    assert _sent() == [("lead@police.example.org", "Reminder: response due soon: Chronologies request")]
    _run(DUE)
    _run(DUE)
    assert (
        len(mail.outbox) == 2
        and mail.outbox[1].subject == "Reminder: response due today: Chronologies request"
    )
    for day in (25, 25, 26, 31):
        _run(datetime.date(2026, 3, day))
    assert len(mail.outbox) == 3 and mail.outbox[2].subject == "Overdue: response to Chronologies request"
    _run(datetime.date(2026, 4, 1))
    _run(datetime.date(2026, 4, 1))
    assert len(mail.outbox) == 4
    assert Reminder.objects.filter(kind=OVERDUE).count() == 2
    body = mail.outbox[0].body
    assert f"/dissemination/responses/{setup['response'].pk}/" in body
    assert "member@police.example.org" not in [m.to[0] for m in mail.outbox]


def test_a_missed_day_sends_only_the_latest_reminder(setup):
    _run(datetime.date(2026, 3, 30))
    assert _sent() == [("lead@police.example.org", "Overdue: response to Chronologies request")]
    assert list(Reminder.objects.values_list("kind", "remind_on")) == [(OVERDUE, datetime.date(2026, 3, 25))]


def test_no_reminders_once_submitted(setup):
    setup["response"].status = ResponseStatus.SUBMITTED
    setup["response"].save()
    _run(DUE)
    assert mail.outbox == []


def test_every_strategic_lead_gets_one_each(setup):
    UserFactory(email="deputy@police.example.org", agency=setup["agency"], roles=[Role.AGENCY_LEAD])
    _run(DUE)
    _run(DUE)
    assert sorted(to for to, _ in _sent()) == ["deputy@police.example.org", "lead@police.example.org"]


def test_the_task_sends_the_same_reminders(setup):
    from learningloop.dissemination.tasks import send_reminders_task

    with time_machine.travel(datetime.datetime(2026, 3, 18, 7, 0), tick=True):
        send_reminders_task.call()
        run_worker()
    assert len(mail.outbox) == 1
