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
