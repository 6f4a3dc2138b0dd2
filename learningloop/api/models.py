"""Personal access tokens for the data feed (ADR 0036). A token is shown once when it is created; only
its SHA-256 hash is kept, with the first characters so its owner can tell tokens apart."""

import datetime
import hashlib
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

TOKEN_PREFIX = "llpat_"
SHOWN_CHARACTERS = 12  # the prefix and the first characters of the secret, shown in the token lists


def new_secret() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def longest_life() -> datetime.timedelta:
    return datetime.timedelta(days=settings.API_TOKEN_MAX_DAYS)


class AccessTokenQuerySet(models.QuerySet):
    def visible_to(self, user):
        """A user's own tokens; an administrator (api.tokens_manage) sees everyone's."""
        from learningloop.core.policy import can

        if not getattr(user, "is_authenticated", False):
            return self.none()
        if can(user, "api.tokens_manage"):
            return self
        return self.filter(user=user)

    def usable(self, today=None):
        """Not revoked and not past its expiry date (a token works until the end of that day)."""
        today = today or timezone.localdate()
        return self.filter(revoked_at__isnull=True, expires_on__gte=today)

    def for_list(self):
        return self.select_related("user", "user__agency", "revoked_by").order_by("-created_at", "-pk")


class AccessToken(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="access_tokens")
    name = models.CharField(max_length=100, help_text="For example ‘Power BI dashboard’")
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    shown_start = models.CharField(max_length=SHOWN_CHARACTERS, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    expires_on = models.DateField("expiry date")
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = AccessTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.name} ({self.shown_start}…)"

    def clean(self):
        if self.expires_on and self._state.adding:
            today = timezone.localdate()
            if self.expires_on <= today:
                raise ValidationError({"expires_on": "The expiry date must be in the future"})
            if self.expires_on > today + longest_life():
                raise ValidationError(
                    {"expires_on": f"The expiry date must be within {settings.API_TOKEN_MAX_DAYS} days"}
                )

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    def is_expired(self, today=None) -> bool:
        return self.expires_on < (today or timezone.localdate())

    @property
    def scope_agency_id(self):
        return self.user.agency_id
