"""Writes of personal access tokens: create (the secret is returned once and never stored) and revoke."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from learningloop.core.policy import can

from ..models import SHOWN_CHARACTERS, AccessToken, hash_secret, new_secret


def access_token_create(*, user, name, expires_on) -> tuple[AccessToken, str]:
    """A new token for `user`: (the token, its secret). Only the secret's hash is saved."""
    if not can(user, "api.tokens"):
        raise PermissionDenied("You may not create access tokens")
    secret = new_secret()
    token = AccessToken(
        user=user,
        name=name.strip(),
        expires_on=expires_on,
        key_hash=hash_secret(secret),
        shown_start=secret[:SHOWN_CHARACTERS],
    )
    with transaction.atomic():
        token.full_clean()
        token.save()
    return token, secret


def access_token_revoke(*, token, by) -> AccessToken:
    """Revoke a token: its owner their own, an administrator anyone's. Revoking twice changes nothing."""
    if token.user_id != by.pk and not can(by, "api.tokens_manage"):
        raise PermissionDenied("You may revoke only your own tokens")
    with transaction.atomic():
        locked = AccessToken.objects.select_for_update().get(pk=token.pk)
        if locked.revoked_at is None:
            locked.revoked_at = timezone.now()
            locked.revoked_by = by
            locked.full_clean()
            locked.save(update_fields=["revoked_at", "revoked_by"])
    return locked


def access_token_mark_used(*, token) -> None:
    """Note when a token was last used (at most once a minute, so reads stay reads)."""
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        AccessToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
