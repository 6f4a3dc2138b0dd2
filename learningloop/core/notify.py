"""GOV.UK Notify as a Django email backend (MAILERS BACKEND "learningloop.core.notify.NotifyEmailBackend").

Notify sends from the service's own address and layout, through one generic email template whose content is
`((body))` with the subject `((subject))`: every email goes through it with the plain-text part as the body
(Notify does not take HTML). Set up in docs/configuration.md."""

from django.core.mail.backends.base import BaseEmailBackend
from notifications_python_client.errors import APIError
from notifications_python_client.notifications import NotificationsAPIClient
from requests import RequestException

DEFAULT_BASE_URL = "https://api.notifications.service.gov.uk"


class NotifyError(Exception):
    """Notify did not accept an email. `transient` when trying again later may work (5xx, 429, no answer)."""

    def __init__(self, message, *, status_code=None, transient=False):
        super().__init__(message)
        self.status_code = status_code
        self.transient = transient


class NotifyEmailBackend(BaseEmailBackend):
    def __init__(
        self,
        *,
        api_key,
        template_id,
        base_url=DEFAULT_BASE_URL,
        email_reply_to_id=None,
        timeout=30,
        **kwargs,
    ):
        super().__init__(**kwargs)
        if not api_key or not template_id:
            from django.core.exceptions import ImproperlyConfigured

            raise ImproperlyConfigured("GOV.UK Notify needs NOTIFY_API_KEY and NOTIFY_TEMPLATE_ID.")
        self.template_id = template_id
        self.email_reply_to_id = email_reply_to_id or None
        self.client = NotificationsAPIClient(api_key, base_url=base_url or DEFAULT_BASE_URL, timeout=timeout)

    def send_messages(self, email_messages):
        """Send each message to each recipient; raise NotifyError on the first one Notify refuses."""
        sent = 0
        for message in email_messages:
            for address in message.recipients():
                self._send_one(address, message)
            sent += 1
        return sent

    def _send_one(self, address, message):
        try:
            self.client.send_email_notification(
                email_address=address,
                template_id=self.template_id,
                personalisation={"subject": message.subject, "body": message.body},
                email_reply_to_id=self.email_reply_to_id,
            )
        except APIError as error:
            status = error.status_code
            raise NotifyError(
                f"GOV.UK Notify refused the email ({error})",
                status_code=status,
                transient=status == 429 or status >= 500,
            ) from error
        except RequestException as error:
            raise NotifyError(f"GOV.UK Notify could not be reached ({error})", transient=True) from error
