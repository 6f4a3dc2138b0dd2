"""Emails are queued after commit and sent by the background worker, never inside the request."""

import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from learningloop.core.emails import Email, queue_email

# The worker closes database connections between tasks, which a test wrapped in a transaction cannot
# survive (on PostgreSQL in particular), so these tests commit for real.
pytestmark = pytest.mark.django_db(transaction=True)


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=io.StringIO())


def test_email_is_queued_after_commit_and_delivered_by_the_worker(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            queue_email(
                Email(
                    name="request_sent",
                    to=("lead@example.org",),
                    subject="Request to embed learning",
                    text="Please respond: https://example.org/requests/1/",
                    html="<p>Please respond</p>",
                )
            )
            # Inside the transaction: nothing sent, nothing even enqueued (a rollback must leave no task).
            assert mail.outbox == []
            assert not DBTaskResult.objects.exists()
        # The transaction has committed: the task is waiting for the worker, still nothing sent.
        assert DBTaskResult.objects.count() == 1
        assert mail.outbox == []

    run_worker()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Request to embed learning"
    assert message.to == ["lead@example.org"]
    assert message.alternatives[0][1] == "text/html"
    result = DBTaskResult.objects.get()
    assert result.status == "SUCCESSFUL"


def test_nothing_is_queued_when_the_transaction_rolls_back(django_capture_on_commit_callbacks):
    class Abort(Exception):
        pass

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(Abort), transaction.atomic():
        queue_email(Email(name="never", to=("lead@example.org",), subject="Never sent", text="-", html=""))
        raise Abort

    assert not DBTaskResult.objects.exists()
    run_worker()
    assert mail.outbox == []
