"""The confirmation email of a practitioner's address is queued as the EmailAddress id; the worker makes
the key (allauth's HMAC confirmation, which needs nothing stored) when it sends the email, so no working
link is ever stored in the task table."""

from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from django.db import transaction
from django.tasks import task
from django.urls import reverse

from learningloop.core.emails import site_url
from learningloop.core.tasks import deliver

from .. import emails


def queue_confirmation_email(*, email_address_id: int) -> None:
    transaction.on_commit(lambda: send_confirmation_email.enqueue(email_address_id=email_address_id))


@task
def send_confirmation_email(*, email_address_id: int, attempt: int = 1):
    address = EmailAddress.objects.select_related("user").filter(pk=email_address_id, verified=False).first()
    if address is None or not address.user.is_active:
        return 0
    key = EmailConfirmationHMAC(address).key
    message = emails.practitioner_email_confirmation(
        email=address.email,
        name=address.user.full_name,
        link=site_url(reverse("account_confirm_email", kwargs={"key": key})),
    )

    def retry(*, attempt, run_after):
        send_confirmation_email.using(run_after=run_after).enqueue(
            email_address_id=email_address_id, attempt=attempt
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
