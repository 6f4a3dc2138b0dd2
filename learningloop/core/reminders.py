"""Send each reminder exactly once, through the reminder ledger (core.models.Reminder)."""

from django.db import IntegrityError, transaction

from .emails import Email, queue_email
from .models import Reminder


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
