"""Background tasks for accounts, run by `manage.py db_worker`.

An email with a password link is queued as the user's id and which email it is; the worker makes the link
(a fresh token) when it sends the email, so no working link is ever stored in the task table."""

from django.db import transaction
from django.tasks import task

from learningloop.core.tasks import deliver

from . import emails
from .models import User

PASSWORD_LINK_EMAILS = {"welcome": emails.welcome, "password_reset": emails.password_reset}


def queue_password_link_email(*, user, which: str, email: str | None = None) -> None:
    """After the transaction commits, queue `which` ("welcome" or "password_reset") for the user."""
    if which not in PASSWORD_LINK_EMAILS:
        raise ValueError(f"Unknown password link email {which!r}")
    user_id = user.pk
    transaction.on_commit(lambda: send_password_link_email.enqueue(user_id=user_id, which=which, email=email))


@task
def send_password_link_email(*, user_id: int, which: str, email: str | None = None, attempt: int = 1):
    """Render and send the email now; nothing to send if the account has gone or been deactivated."""
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return 0
    kwargs = {"user": user, "email": email} if which == "password_reset" else {"user": user}
    message = PASSWORD_LINK_EMAILS[which](**kwargs)

    def retry(*, attempt, run_after):
        # Tried again by id too, so the link is made afresh then and still never stored.
        send_password_link_email.using(run_after=run_after).enqueue(
            user_id=user_id, which=which, email=email, attempt=attempt
        )

    return deliver(
        subject=message.subject,
        body=message.text,
        to=message.to,
        html=message.html,
        from_email=message.from_email,
        retry=retry,
        attempt=attempt,
    )
