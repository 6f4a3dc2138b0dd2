"""The one shape of an email, and the one way to send it.

Every email is a named function in its app's `emails.py` (for example
`learningloop.dissemination.emails.request_sent`) that returns an `Email` made by `render_email(name, ...)`
from two templates: `emails/<name>.txt` (plain text) and `emails/<name>.html` (HTML), which extend
`emails/base.txt` and `emails/base.html` (core/jinja2/emails/). An email says what is asked, by when and
gives the link; never sensitive content (no names of children, families or practitioners, no restricted
details, no key messages' text).

Emails are never sent inside a request: `queue_email(email)` queues it after the transaction commits and
the background worker sends it (core.tasks.send_email). An email whose link is itself a secret (a password
link) is not rendered here at all: its app queues the user's id and the worker renders it (see
accounts/tasks.py), so the link is never stored in the task table.

Adding an email: one function and two small templates. core/tests/test_emails.py walks every function in
every `<app>/emails.py` and fails when one lacks either template.
"""

import dataclasses

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string

from .tasks import send_email

SERVICE_NAME = "Learning Loop"


@dataclasses.dataclass(frozen=True)
class Email:
    name: str
    to: tuple[str, ...]
    subject: str
    text: str
    html: str
    from_email: str | None = None


def site_url(path: str = "") -> str:
    """An absolute link for an email: the service's address (settings.SITE_URL) and the path."""
    return settings.SITE_URL.rstrip("/") + path


def render_email(name: str, *, to, subject: str, context: dict | None = None) -> Email:
    """Render `emails/<name>.txt` and `emails/<name>.html` (Jinja2) with the context and the layout's
    values. `to` is one address or a list of addresses."""
    recipients = (to,) if isinstance(to, str) else tuple(to)
    subject = " ".join(subject.split())
    context = {
        "service_name": SERVICE_NAME,
        "service_url": site_url("/"),
        "subject": subject,
        **(context or {}),
    }
    text = render_to_string(f"emails/{name}.txt", context, using="jinja2").strip() + "\n"
    html = render_to_string(f"emails/{name}.html", context, using="jinja2")
    return Email(name=name, to=recipients, subject=subject, text=text, html=html)


def queue_email(email: Email) -> None:
    """Queue the email once the current transaction commits (nothing is queued if it rolls back)."""

    def enqueue():
        send_email.enqueue(
            subject=email.subject,
            body=email.text,
            html=email.html,
            to=list(email.to),
            from_email=email.from_email,
        )

    transaction.on_commit(enqueue)


# The words of each reminder about a deadline (core.deadlines: due soon, due today, overdue).
_WHICH = {"due-soon": "soon", "due-today": "today", "overdue": "overdue"}


def deadline_reminder(name: str, reminder, *, subjects: dict, title: str, sentence: str, action_text: str):
    """The email reminding someone of a deadline (a `core.deadlines.DueReminder`): what is due (`sentence`,
    for example 'An action you own in the plan "Neglect"'), by when, and the link. `subjects` maps
    due-soon / due-today / overdue to the subject line. Each app's named reminder email calls this with its
    own words and its own `emails/<name>` templates, which include emails/_deadline_reminder.*."""
    return render_email(
        name,
        to=reminder.recipient.email,
        subject=subjects[reminder.which],
        context={
            "recipient_name": reminder.recipient.name,
            "title": title,
            "sentence": sentence,
            "due_on": reminder.due_on,
            "which": _WHICH[reminder.which],
            "link": reminder.link,
            "action_text": action_text,
        },
    )
