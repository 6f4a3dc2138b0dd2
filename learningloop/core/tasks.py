"""Background tasks run by `manage.py db_worker`."""

import datetime
import logging

from django.core.mail import EmailMultiAlternatives
from django.tasks import task
from django.utils import timezone

logger = logging.getLogger(__name__)

# A failure that may pass (the mail server or GOV.UK Notify is down or busy) is tried again after these
# delays; a failure that will not pass (a wrong API key, an address Notify refuses) is not. Either way the
# task is marked failed with the error, so an email is never silently dropped.
RETRY_DELAYS = (datetime.timedelta(minutes=1), datetime.timedelta(minutes=10), datetime.timedelta(hours=1))


def is_transient(error: BaseException) -> bool:
    """OSError covers SMTP errors and refused connections; backends mark their own (`transient = True`)."""
    return bool(getattr(error, "transient", isinstance(error, OSError)))


def deliver(*, subject, body, to, html=None, from_email=None, retry, attempt=1) -> int:
    """Send one email now (in the worker). On failure, `retry(attempt=attempt + 1, run_after=...)` is
    called when the failure may pass and attempts remain, and the error is raised either way."""
    message = EmailMultiAlternatives(subject=subject, body=body, to=list(to), from_email=from_email)
    if html:
        message.attach_alternative(html, "text/html")
    try:
        message.send()
    except Exception as error:
        if is_transient(error) and attempt <= len(RETRY_DELAYS):
            retry(attempt=attempt + 1, run_after=timezone.now() + RETRY_DELAYS[attempt - 1])
            logger.warning("Email %r not sent (attempt %s), will try again: %s", subject, attempt, error)
        else:
            logger.error("Email %r not sent (attempt %s), giving up: %s", subject, attempt, error)
        raise
    return len(message.recipients())


@task
def send_email(
    *,
    subject: str,
    body: str,
    to: list[str],
    html: str | None = None,
    from_email: str | None = None,
    attempt: int = 1,
):
    def retry(*, attempt, run_after):
        send_email.using(run_after=run_after).enqueue(
            subject=subject, body=body, to=to, html=html, from_email=from_email, attempt=attempt
        )

    return deliver(
        subject=subject, body=body, to=to, html=html, from_email=from_email, retry=retry, attempt=attempt
    )


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


# --- Imports too large to check and save in the request (core.imports) ---


@task
def run_import(run_id: int):
    """Check and save one uploaded file in the background; its ImportRun records the progress and the
    result, so the uploader can leave the progress page and come back."""
    from .imports import run_in_background

    run_in_background(run_id)


# --- Spreadsheets too large to build in the request (core.spreadsheets, ADR 0038) ---


@task
def build_spreadsheet(export_id: int):
    """Build one large CSV or Excel download; its SpreadsheetExport records the progress and holds the
    file, so the user can leave the progress page and come back."""
    from .spreadsheets import build_in_background

    build_in_background(export_id)
