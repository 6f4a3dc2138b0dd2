"""Creating user accounts: the new user sets their own password from an emailed link."""

from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str
from django.db import transaction
from django.urls import reverse

from learningloop.core.emails import queue_email

from .models import User


def password_link(request, user):
    path = reverse(
        "account_reset_password_from_key",
        kwargs={"uidb36": user_pk_to_url_str(user), "key": default_token_generator.make_token(user)},
    )
    return request.build_absolute_uri(path)


@transaction.atomic
def create_user(request, *, full_name, email, agency, roles, person=None):
    user = User.objects.create_user(
        email=email, password=None, full_name=full_name, agency=agency, roles=roles
    )
    if person is not None:
        person.user = user
        person.save(update_fields=["user"])
    queue_email(
        subject="Your Learning Loop account",
        body=(
            f"Hello {user.full_name},\n\n"
            "The partnership business unit has set up a Learning Loop account for you.\n\n"
            f"Set your password here (the link works once):\n{password_link(request, user)}\n\n"
            f"Then sign in with this email address: {user.email}\n\n"
            "If you were not expecting this email, tell the partnership business unit.\n"
        ),
        to=[user.email],
    )
    return user
