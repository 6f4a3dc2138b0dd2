"""Creating and changing user accounts: the new user sets their own password from an emailed link."""

from collections.abc import Callable

from django.db import transaction

from learningloop.core.concurrency import versioned_save

from ..models import User
from ..tasks import queue_password_link_email

_agency_moves: list[Callable] = []


def register_agency_move(hook: Callable) -> None:
    """`hook(user_ids=[...])` runs in the transaction that moves these users to another agency: an area that
    keeps figures by the user's agency counts them again (the training sessions' tallies, ADR 0043)."""
    if hook not in _agency_moves:
        _agency_moves.append(hook)


@transaction.atomic
def user_update(form) -> User:
    """Save the account edit form (its version claimed: EditConflict if someone saved since it opened); a
    user moved to another agency has every registered agency-move hook run for them."""
    moved = "agency" in form.changed_data
    user = versioned_save(form)
    if moved:
        for hook in _agency_moves:
            hook(user_ids=[user.pk])
    return user


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
