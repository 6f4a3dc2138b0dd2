"""Every reminder, for every kind of deadline, goes through one reminder ledger (core.models.Reminder): its
unique constraint on (what, which object, recipient, date) means each reminder is sent once however often
the sender runs. `send_due_reminders` walks the deadline REGISTRY (core.deadlines) and asks each kind for
its open deadlines, its recipients, its schedule and the composition of its email."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from . import deadlines as engine
from .emails import Email, queue_email
from .models import Reminder


def absolute_url(path: str) -> str:
    """A link for an email: the site's address (settings.SITE_URL) and the path."""
    return getattr(settings, "SITE_URL", "http://localhost:8000").rstrip("/") + path


def reminder_send_once(*, kind: str, obj, recipient: str, remind_on, email: Email) -> bool:
    """Record and queue a reminder unless the same one (kind, object, recipient, date) was already sent.

    Returns True when it was sent now. `email` comes from an app's emails.py (core.emails)."""
    object_type = obj._meta.label_lower
    try:
        with transaction.atomic():
            Reminder.objects.create(
                kind=kind,
                object_type=object_type,
                object_id=obj.pk,
                recipient=recipient.lower(),
                remind_on=remind_on,
            )
            queue_email(email)
    except IntegrityError:
        return False
    return True


def send_kind_reminders(kind: engine.DeadlineKind, today) -> int:
    """The reminders of one kind that apply today; returns how many were sent now."""
    schedule = kind.schedule
    if schedule is None or kind.recipients is None or kind.compose is None:
        return 0
    horizon = engine.due_soon_until(today, schedule.horizon_working_days)
    due_field = kind.model_class.deadline_due_field
    rows = list(
        kind.with_related(kind.queryset().open().filter(**{f"{due_field}__lte": horizon}).order_by("pk"))
    )
    due = [(row, schedule.applicable(row.deadline_due, today)) for row in rows]
    due = [(row, reminder) for row, reminder in due if reminder]
    if not due:
        return 0
    recipients = kind.recipients([row for row, _ in due])
    sent = 0
    for row, (which, remind_on) in due:
        for recipient in recipients.get(row.pk, []):
            if not recipient.email:
                continue
            reminder = engine.DueReminder(
                kind=kind,
                deadline=row,
                recipient=recipient,
                due_on=row.deadline_due,
                which=which,
                link=absolute_url(kind.link(row)) if kind.link else absolute_url("/"),
            )
            sent += reminder_send_once(
                kind=kind.reminder_kind(which),
                obj=row,
                recipient=recipient.email,
                remind_on=remind_on,
                email=kind.compose(reminder),
            )
    return sent


def send_due_reminders(today=None, codes=None) -> dict[str, int]:
    """Send the reminders that apply today for every registered kind (or only `codes`); returns how many
    each kind sent now, by the kind's label."""
    today = today or timezone.localdate()
    counts = {
        kind.label: send_kind_reminders(kind, today)
        for kind in engine.kinds()
        if codes is None or kind.code in codes
    }
    # Scheduled work that is not a deadline (training offers, joining reminders, evaluation links) rides on
    # the same daily run; each sends through reminder_send_once, so it too sends nothing twice.
    for label, run in DAILY_RUNS.items() if codes is None else ():
        counts[label] = run(today)
    return counts


# label -> run(today) -> how many emails it sent: registered by an area from its AppConfig.ready().
DAILY_RUNS: dict = {}


def register_daily_run(label: str, run) -> None:
    """Run `run(today)` in every daily reminders run (idempotent per label)."""
    DAILY_RUNS[label] = run


def due_date_words(due_on) -> str:
    return f"{due_on.day} {due_on:%B %Y}"
