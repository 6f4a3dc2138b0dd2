"""Background tasks for dissemination, run by `manage.py db_worker`."""

from django.tasks import task


@task
def send_reminders_task():
    """The same reminders as `manage.py send_reminders`, for a scheduler that enqueues tasks."""
    from learningloop.dissemination.management.commands.send_reminders import run_all

    return run_all()
