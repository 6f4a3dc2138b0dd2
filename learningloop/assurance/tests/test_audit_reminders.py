"""The leads of the agencies taking part in a multi-agency audit are reminded of each step of its
timetable: five working days before, on the day and a week after while it is not done — each reminder
exactly once, however often the daily run goes, through the one ledger and the background worker."""

import datetime

import pytest
import time_machine
from django.core import mail

from learningloop.accounts.tests.factories import UserFactory
from learningloop.assurance.audits import services
from learningloop.core.models import Reminder
from learningloop.core.policy import Role
from learningloop.core.tasks import send_due_reminders
from learningloop.core.tests.worker import run_worker
from learningloop.partnership.tests.factories import AgencyFactory

from .factories_audits import audit

# Real commits: the reminders queue their emails when the run's transaction commits, as in production.
pytestmark = pytest.mark.django_db(transaction=True)
D = datetime.date
STEP = "Gradings returned"

# Counted on a calendar: the step is due Wednesday 6 January 2027. Five working days before it, counting
# back: Tue 5, Mon 4, (Fri 1 January is New Year's Day), Thu 31 Dec, Wed 30 Dec, Tue 29 December 2026 —
# the day after the substitute Boxing Day bank holiday (Monday 28 December). A week overdue: Wed 13 Jan.
DUE = D(2027, 1, 6)
FIVE_WORKING_DAYS_BEFORE = D(2026, 12, 29)
A_WEEK_LATE = D(2027, 1, 13)


def _daily_run(day):
    """The worker's morning run on `day`, queued twice (a restart, a second worker), then the emails."""
    with time_machine.travel(datetime.datetime(day.year, day.month, day.day, 7, 30), tick=False):
        send_due_reminders.enqueue()
        send_due_reminders.enqueue()
        run_worker()
        run_worker()


def _step_emails():
    return [(m.to, m.subject) for m in mail.outbox if STEP in m.subject]


@pytest.fixture
def step(home_agency, other_agency):
    UserFactory(email="lead@home.example.org", agency=home_agency, roles=[Role.AGENCY_LEAD])
    UserFactory(email="lead@other.example.org", agency=other_agency, roles=[Role.AGENCY_LEAD])
    UserFactory(email="member@home.example.org", agency=home_agency, roles=[Role.AGENCY_MEMBER])
    not_taking_part = AgencyFactory()
    UserFactory(email="lead@elsewhere.example.org", agency=not_taking_part, roles=[Role.AGENCY_LEAD])
    made = audit(agencies=[home_agency, other_agency])
    return services.milestone_add(audit=made, label=STEP, due_on=DUE)


LEADS = [["lead@home.example.org"], ["lead@other.example.org"]]


def test_each_step_reminds_the_leads_taking_part_before_on_and_after_the_date_once_each(step):
    _daily_run(FIVE_WORKING_DAYS_BEFORE - datetime.timedelta(days=1))  # Monday 28 Dec: too early
    assert _step_emails() == []

    _daily_run(FIVE_WORKING_DAYS_BEFORE)
    _daily_run(FIVE_WORKING_DAYS_BEFORE + datetime.timedelta(days=1))  # nothing new the next day
    soon = f"Reminder: multi-agency audit step due soon: {STEP}"
    assert sorted(_step_emails()) == [(to, soon) for to in LEADS]

    _daily_run(DUE)
    _daily_run(DUE)
    today = f"Reminder: multi-agency audit step due today: {STEP}"
    assert sorted(_step_emails()[2:]) == [(to, today) for to in LEADS]

    _daily_run(A_WEEK_LATE - datetime.timedelta(days=1))  # six days late: no new reminder yet
    assert len(_step_emails()) == 4
    _daily_run(A_WEEK_LATE)
    _daily_run(A_WEEK_LATE)
    late = f"Overdue: multi-agency audit step: {STEP}"
    assert sorted(_step_emails()[4:]) == [(to, late) for to in LEADS]

    assert len(_step_emails()) == 6
    assert Reminder.objects.filter(kind__startswith="audit-milestone").count() == 6
    body = next(m.body for m in mail.outbox if STEP in m.subject)
    assert f"/assurance/audits/{step.audit_id}/" in body


def test_a_step_done_before_its_date_sends_nothing_more(step):
    _daily_run(FIVE_WORKING_DAYS_BEFORE)
    assert len(_step_emails()) == 2
    step.done_on = D(2027, 1, 4)
    step.save()
    _daily_run(DUE)
    _daily_run(A_WEEK_LATE)
    assert len(_step_emails()) == 2
