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
