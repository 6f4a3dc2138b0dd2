"""Background tasks run by `manage.py db_worker`."""

from django.core.mail import EmailMultiAlternatives
from django.tasks import task


@task
def send_email(
    *, subject: str, body: str, to: list[str], html: str | None = None, from_email: str | None = None
):
    message = EmailMultiAlternatives(subject=subject, body=body, to=to, from_email=from_email)
    if html:
        message.attach_alternative(html, "text/html")
    message.send()
    return len(to)


# --- Reminders, scheduled by the worker itself (no cron) ---


def next_reminder_run(now=None):
    """The next morning's run: today at settings.REMINDERS_HOUR (local time) if that is still ahead,
    otherwise tomorrow at that hour."""
    import datetime

    from django.conf import settings
    from django.utils import timezone

    now = timezone.localtime(now or timezone.now())
    hour = getattr(settings, "REMINDERS_HOUR", 7)
    run = now.replace(hour=hour, minute=0, second=0, microsecond=0)
    if run <= now:
        run = timezone.make_aware(
            datetime.datetime.combine(now.date() + datetime.timedelta(days=1), datetime.time(hour))
        )
    return run


def reminders_scheduled() -> bool:
    """Whether a run of send_due_reminders is already waiting in the queue."""
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(task_path=send_due_reminders.module_path, status="READY").exists()


def schedule_reminders(now=None) -> bool:
    """Make sure exactly one run of send_due_reminders is queued (for the next morning); returns True when
    it queued one now. Safe to call at every worker start and from every run."""
    from django.db import transaction

    with transaction.atomic():
        if reminders_scheduled():
            return False
        send_due_reminders.using(run_after=next_reminder_run(now)).enqueue()
    return True


@task
def send_due_reminders():
    """Send today's reminders for every kind of deadline, then queue the next morning's run. The ledger
    makes a second run on the same day (two workers, a restart) send nothing twice."""
    from .reminders import send_due_reminders as send

    try:
        counts = send()
    finally:
        schedule_reminders()
    return counts
