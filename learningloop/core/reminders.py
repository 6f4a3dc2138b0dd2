"""Send each reminder exactly once, through the reminder ledger (core.models.Reminder)."""

from django.db import IntegrityError, transaction

from .emails import queue_email
from .models import Reminder


def reminder_send_once(*, kind: str, obj, recipient: str, remind_on, subject: str, body: str) -> bool:
    """Record and queue a reminder unless the same one (kind, object, recipient, date) was already sent.

    Returns True when it was sent now. Emails carry a link and no sensitive content."""
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
            queue_email(subject=subject, body=body, to=[recipient])
    except IntegrityError:
        return False
    return True
