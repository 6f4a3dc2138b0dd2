"""Background tasks for dissemination, run by `manage.py db_worker`."""

from django.tasks import task


@task
def send_reminders_task():
    """The same reminders as `manage.py send_reminders` (every kind of deadline). The worker schedules
    core.tasks.send_due_reminders itself each morning; this task stays for anything that enqueued it."""
    from learningloop.core.reminders import send_due_reminders

    return send_due_reminders()
