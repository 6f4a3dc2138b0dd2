"""Emails are never sent inside a request: they are queued after the transaction commits and sent by
the background worker. Emails carry a link and no sensitive content."""

from django.db import transaction

from .tasks import send_email


def queue_email(*, subject: str, body: str, to: list[str], html: str | None = None, from_email=None) -> None:
    def enqueue():
        send_email.enqueue(subject=subject, body=body, to=list(to), html=html, from_email=from_email)

    transaction.on_commit(enqueue)


def queue_message(message) -> None:
    """Queue a ready-made EmailMessage (for example one rendered by django-allauth)."""
    html = None
    for content, mimetype in getattr(message, "alternatives", []) or []:
        if mimetype == "text/html":
            html = content
    queue_email(
        subject=message.subject,
        body=message.body,
        to=list(message.to),
        html=html,
        from_email=message.from_email,
    )
