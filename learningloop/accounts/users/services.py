"""Creating user accounts: the new user sets their own password from an emailed link."""

from django.db import transaction

from ..models import User
from ..tasks import queue_password_link_email


@transaction.atomic
def create_user(request, *, full_name, email, agency, roles, person=None):
    user = User.objects.create_user(
        email=email, password=None, full_name=full_name, agency=agency, roles=roles
    )
    if person is not None:
        person.user = user
        person.save(update_fields=["user"])
    # The worker makes the password link when it sends the email, so the link is never stored.
    queue_password_link_email(user=user, which="welcome")
    return user
