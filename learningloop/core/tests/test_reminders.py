import datetime

import pytest
from django.core import mail

from learningloop.core.emails import Email
from learningloop.core.models import Reminder
from learningloop.core.reminders import reminder_send_once
from learningloop.core.tests.worker import run_worker


def _email(to, subject):
    return Email(name="reminder", to=(to,), subject=subject, text="Open Learning Loop to respond.", html="")


@pytest.mark.django_db(transaction=True)
def test_a_reminder_is_sent_once_however_often_it_is_asked_for(home_agency):
    for _ in range(3):
        reminder_send_once(
            kind="response-due",
            obj=home_agency,
            recipient="Lead@Example.org",
            remind_on=datetime.date(2026, 12, 1),
            email=_email("Lead@Example.org", "A response is due"),
        )
        run_worker()
    assert Reminder.objects.count() == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["Lead@Example.org"]


@pytest.mark.django_db(transaction=True)
def test_a_later_reminder_for_the_same_thing_is_a_new_one(home_agency):
    for day in (1, 8):
        assert reminder_send_once(
            kind="response-overdue",
            obj=home_agency,
            recipient="lead@example.org",
            remind_on=datetime.date(2026, 12, day),
            email=_email("lead@example.org", "A response is overdue"),
        )
    run_worker()
    assert len(mail.outbox) == 2
