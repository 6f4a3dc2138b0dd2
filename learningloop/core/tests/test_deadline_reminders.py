"""Every reminder comes from the deadline engine through the one ledger: for each kind, 5 working days
before, on the day and weekly while overdue, sent once however often the sender or the scheduler runs,
and the worker schedules the next morning's run itself."""

import datetime
import io
from unittest import mock

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from learningloop.accounts.tests.factories import UserFactory
from learningloop.core.models import Reminder
from learningloop.core.policy import Role
from learningloop.core.reminders import send_due_reminders
from learningloop.core.tasks import next_reminder_run, schedule_reminders
from learningloop.core.tasks import send_due_reminders as send_due_reminders_task
from learningloop.core.tests.worker import run_worker
from learningloop.dissemination.tests.factories_plans import CommunicationFactory
from learningloop.dissemination.tests.factories_requests import RequestFactory, ResponseFactory
from learningloop.improvement.tests.factories import ActionFactory
from learningloop.learning.tests.factories_reviews import make_review
from learningloop.partnership.models import MembershipRole
from learningloop.partnership.tests.factories import (
    AgencyFactory,
    GroupFactory,
    MembershipFactory,
    PersonFactory,
)

# The worker closes connections between tasks, so these tests commit for real (see core/tests/test_tasks).
pytestmark = pytest.mark.django_db(transaction=True)
D = datetime.date

# Every deadline below is due Monday 4 January 2027. Five working days before is Wednesday 23 December
# 2026: 31, 30, 29 December, (28 December and 25 December are bank holidays), 24 and 23 December.
DUE = D(2027, 1, 4)
FIVE_BEFORE = D(2026, 12, 23)


def _worker():
    run_worker()


def _run(day, times=1):
    with time_machine.travel(datetime.datetime(day.year, day.month, day.day, 7, 0), tick=True):
        for _ in range(times):
            call_command("send_reminders", stdout=io.StringIO())
        _worker()


def ensure_deadline_rules():
    """The flush between committing tests removes the rules the migrations load: load them again (the
    loaders are idempotent)."""
    from importlib import import_module

    from django.apps import apps

    import_module("learningloop.learning.migrations.0002_deadline_rules_and_vocabularies").load(apps, None)
    decision = import_module("learningloop.learning.migrations.0007_deadline_engine_decision_milestone")
    decision.add_decision_milestone(apps, None)


@pytest.fixture
def one_of_each():
    """One open deadline of each kind, due 4 January 2027, each with one person to remind."""
    ensure_deadline_rules()
    agency = AgencyFactory(name="Northshire Police")
    UserFactory(
        email="lead@police.example.org", full_name="Lee Lead", agency=agency, roles=[Role.AGENCY_LEAD]
    )
    UserFactory(email="officer@bu.example.org", full_name="Bea Officer", agency=AgencyFactory(),
                roles=[Role.BU_OFFICER])  # fmt: skip
    owner = PersonFactory(full_name="Olu Owner", email="owner@police.example.org", agency=agency)
    chair = PersonFactory(full_name="Cho Chair", email="chair@example.org", agency=agency)
    group = GroupFactory(name="Learning and Development Group", terms_review_due=DUE)
    MembershipFactory(person=chair, group=group, role=MembershipRole.CHAIR)
    # Notified the Panel on Wednesday 9 December 2026: the rapid review and the decision are due 15 working
    # days later: 10, 11, 14-18, 21-24, 29, 30, 31 December, 4 January → Monday 4 January 2027.
    review = make_review(pseudonym="Child Q", aware_on=D(2026, 12, 7), panel_notified_on=D(2026, 12, 9))
    return {
        "review": review,
        "response": ResponseFactory(request=RequestFactory(title="Chronologies request", due_on=DUE),
                                    agency=agency),
        "action": ActionFactory(plan__title="Supervision plan", owner=owner, owner_agency=agency, due_on=DUE),
        "communication": CommunicationFactory(description="Practitioner forum briefing", owner=owner,
                                              owner_agency=agency, due_on=DUE),
        "group": group,
    }  # fmt: skip


def _sent():
    return sorted((m.to[0], m.subject) for m in mail.outbox)


def test_the_rapid_review_and_decision_are_due_on_the_fourth(one_of_each):
    due = {m.rule.code: m.due_on for m in one_of_each["review"].milestones.select_related("rule")}
    assert due["child-rapid-review"] == DUE and due["child-decision"] == DUE


def test_nothing_before_five_working_days(one_of_each):
    _run(D(2026, 12, 22))
    # Except the terms of reference review, whose chair is also reminded a month (20 working days) ahead
    # (Appendix A: reviewed annually, "a reminder goes a month before it").
    assert _sent() == [
        ("chair@example.org", "Reminder: terms of reference review due soon: Learning and Development Group"),
    ]


def test_each_kind_reminds_once_five_working_days_before_across_christmas(one_of_each):
    _run(FIVE_BEFORE, times=2)  # the sender runs twice on the same day
    _run(D(2026, 12, 24))  # and again the next day: still the same reminder
    case_review = "Reminder: case review deadline due soon"
    assert _sent() == [
        ("chair@example.org", "Reminder: terms of reference review due soon: Learning and Development Group"),
        ("lead@police.example.org", "Reminder: response due soon: Chronologies request"),
        ("officer@bu.example.org", f"{case_review}: Decide whether to hold a local review"),
        ("officer@bu.example.org", f"{case_review}: Send the rapid review to the Panel"),
        ("owner@police.example.org", "Reminder: action due soon: Supervision plan"),
        ("owner@police.example.org", "Reminder: communication due soon: Practitioner forum briefing"),
    ]  # fmt: skip
    assert set(Reminder.objects.values_list("kind", flat=True)) == {
        "terms-review-due-soon", "response-due-soon", "case-review-due-soon", "action-due-soon",
        "communication-due-soon",
    }  # fmt: skip
    assert set(Reminder.objects.values_list("remind_on", flat=True)) == {FIVE_BEFORE}


def test_on_the_day_and_weekly_while_overdue(one_of_each):
    _run(DUE, times=2)
    assert len(mail.outbox) == 6 and all("due today" in m.subject for m in mail.outbox)
    _run(D(2027, 1, 11))
    _run(D(2027, 1, 12))
    assert len(mail.outbox) == 12 and all(m.subject.startswith("Overdue") for m in mail.outbox[6:])
    _run(D(2027, 1, 18))
    assert len(mail.outbox) == 18


def test_the_emails_say_what_by_when_and_link_and_nothing_sensitive(one_of_each):
    _run(FIVE_BEFORE)
    review = one_of_each["review"]
    bodies = {m.subject: m.body for m in mail.outbox}
    for body in bodies.values():
        assert "4 January 2027" in body and "http" in body
    milestone = next(b for s, b in bodies.items() if "rapid review" in s)
    assert f"/learning/reviews/{review.pk}/" in milestone
    assert "Child Q" not in milestone  # not even the pseudonym
    action = next(b for s, b in bodies.items() if "action due soon" in s)
    assert f"/actions/{one_of_each['action'].pk}/" in action


def test_done_deadlines_send_nothing(one_of_each):
    from learningloop.dissemination.models import ResponseStatus
    from learningloop.improvement.models import ActionStatus

    ResponseFactory._meta.model.objects.update(status=ResponseStatus.SUBMITTED)
    one_of_each["action"].status, one_of_each["action"].completed_on = ActionStatus.COMPLETED, FIVE_BEFORE
    one_of_each["action"].progress = 100
    one_of_each["action"].save()
    _run(FIVE_BEFORE)
    subjects = [m.subject for m in mail.outbox]
    assert not [s for s in subjects if "response" in s or "action due" in s]


# --- The worker schedules the reminders itself ---


def test_scheduling_twice_queues_one_run_for_the_next_morning():
    with time_machine.travel(datetime.datetime(2026, 12, 23, 10, 30), tick=False):
        assert schedule_reminders() is True
        assert schedule_reminders() is False
        queued = DBTaskResult.objects.get()
        assert queued.task_path == send_due_reminders_task.module_path
        assert queued.run_after == next_reminder_run()
    # 07:00 on Thursday 24 December (the default hour, local time).
    local = queued.run_after.astimezone(next_reminder_run().tzinfo)
    assert (local.date(), local.hour, local.minute) == (D(2026, 12, 24), 7, 0)


def test_before_seven_the_run_is_the_same_morning():
    with time_machine.travel(datetime.datetime(2026, 12, 23, 5, 0), tick=False):
        run = next_reminder_run()
    assert (run.date(), run.hour) == (D(2026, 12, 23), 7)


def test_a_run_sends_todays_reminders_once_and_queues_the_next(one_of_each):
    with time_machine.travel(datetime.datetime(2026, 12, 23, 7, 0), tick=True):
        send_due_reminders_task.call()
        send_due_reminders_task.call()  # the scheduler ran twice (a restart, a second worker)
        _worker()
        assert len(mail.outbox) == 6
        waiting = DBTaskResult.objects.filter(task_path=send_due_reminders_task.module_path, status="READY")
        assert waiting.count() == 1


def test_the_queued_run_fires_when_its_morning_comes(one_of_each):
    with time_machine.travel(datetime.datetime(2026, 12, 22, 18, 0), tick=True):
        schedule_reminders()
        _worker()  # not yet: it waits for 07:00 tomorrow
        assert mail.outbox == []
    with time_machine.travel(datetime.datetime(2026, 12, 23, 7, 5), tick=True):
        _worker()  # runs the reminders (whose emails it queues), then sends them
        _worker()
        assert len(mail.outbox) == 6
        # and the next morning's run is waiting
        assert DBTaskResult.objects.filter(status="READY").count() == 1


def test_the_long_running_worker_makes_sure_a_run_is_queued():
    from django_tasks_db.management.commands.db_worker import Command as Upstream

    with mock.patch.object(Upstream, "handle", return_value=None):
        call_command("db_worker", "--no-startup-delay", "--no-reload", stdout=io.StringIO())
        call_command("db_worker", "--no-startup-delay", "--no-reload", stdout=io.StringIO())
    assert DBTaskResult.objects.filter(status="READY").count() == 1


def test_send_due_reminders_reports_each_kind(one_of_each):
    with time_machine.travel(datetime.datetime(2026, 12, 23, 7, 0), tick=True):
        counts = send_due_reminders()
    assert counts["Improvement actions"] == 1 and counts["Case review milestones"] == 2
