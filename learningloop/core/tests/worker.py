"""Run the background worker inside a test: every queued task (emails, imports, reminders) runs now.

The worker closes its database connections after each task, which is right for a long-running worker; inside
a test's transaction that would end the test's own connection on PostgreSQL. So the test keeps its connection
and its transaction rolls back as usual; tests need no `transaction=True` just to run the worker."""

import io
from unittest import mock

from django.core.management import call_command


def run_worker():
    """Run every task waiting in the queue, in this process, then return."""
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=io.StringIO())
