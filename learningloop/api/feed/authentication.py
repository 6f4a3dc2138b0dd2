"""`Authorization: Bearer <token>` with a personal access token (ADR 0036). Sessions do not authenticate
the feed, so it has no CSRF surface. An unknown, expired or revoked token, or a deactivated user's, is a
401."""

from django.utils import timezone
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from ..models import AccessToken, hash_secret
from ..tokens.services import access_token_mark_used

KEYWORD = "Bearer"
REFUSED = "The access token is not valid: it may be mistyped, expired or revoked"


class AccessTokenAuthentication(authentication.BaseAuthentication):
    def authenticate(self, request):
        parts = authentication.get_authorization_header(request).split()
        if not parts or parts[0].lower() != KEYWORD.lower().encode():
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed("Send the header as: Authorization: Bearer <token>")
        try:
            secret = parts[1].decode("ascii")
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed(REFUSED) from None
        token = (
            AccessToken.objects.usable(timezone.localdate())
            .select_related("user")
            .filter(key_hash=hash_secret(secret))
            .first()
        )
        if token is None or not token.user.is_active:
            raise exceptions.AuthenticationFailed(REFUSED)
        access_token_mark_used(token=token)
        return token.user, token

    def authenticate_header(self, request):
        return f'{KEYWORD} realm="api"'


class AccessTokenScheme(OpenApiAuthenticationExtension):
    """Describes the bearer token in the OpenAPI description."""

    target_class = AccessTokenAuthentication
    name = "personalAccessToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "A personal access token, created on the API tokens page of your account",
        }
