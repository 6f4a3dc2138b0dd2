"""The emails of accounts: a new account's welcome, a password reset and a reset asked for an address
that has no account.

`welcome` and `password_reset` carry a working password link (a fresh token), so they are rendered only by
the background worker (accounts.tasks.send_password_link_email, queued with `queue_password_link_email`):
the task table holds the user's id, never the link."""

import datetime

from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from learningloop.core.emails import Email, render_email, site_url


def _password_link(user) -> str:
    """A working link to set a password (allauth's reset page), with a token made now."""
    path = reverse(
        "account_reset_password_from_key",
        kwargs={"uidb36": user_pk_to_url_str(user), "key": default_token_generator.make_token(user)},
    )
    return site_url(path)


def _link_expires_on() -> datetime.date:
    expires = timezone.now() + datetime.timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT)
    return timezone.localtime(expires).date()


def welcome(*, user) -> Email:
    """To someone the business unit has given an account: set a password, then sign in."""
    return render_email(
        "welcome",
        to=user.email,
        subject="Your Learning Loop account",
        context={
            "recipient_name": user.full_name,
            "sign_in_email": user.email,
            "link": _password_link(user),
            "due_on": _link_expires_on(),
        },
    )


def password_reset(*, user, email=None) -> Email:
    """To someone who asked to reset their password (allauth's reset form)."""
    return render_email(
        "password_reset",
        to=email or user.email,
        subject="Reset your Learning Loop password",
        context={
            "recipient_name": user.full_name,
            "link": _password_link(user),
            "due_on": _link_expires_on(),
        },
    )


def unknown_account(*, email) -> Email:
    """To an address that has no account, when someone asked to reset its password (no link to reset)."""
    return render_email(
        "unknown_account",
        to=email,
        subject="Learning Loop password reset: no account for this email address",
        context={"link": site_url(reverse("account_login"))},
    )


def account_notice(*, to, subject, text) -> Email:
    """One of allauth's other emails (security notices such as "your password has been changed"; none is
    switched on in this service today): allauth's own plain text, on this service's layout."""
    paragraphs = [" ".join(part.split("\n")).strip() for part in text.strip().split("\n\n")]
    return render_email(
        "account_notice",
        to=to,
        subject=subject,
        context={"body": text.strip(), "paragraphs": [p for p in paragraphs if p]},
    )
