from allauth.mfa.models import Authenticator
from allauth.mfa.signals import authenticator_removed
from django.conf import settings
from django.contrib import messages
from django.dispatch import receiver
from django.shortcuts import redirect

from learningloop.core.policy import can, has_any_role

# Paths a user who must set up MFA can still reach: their account pages, sign-out, assets, health.
_ALLOWED_PREFIXES = ("/accounts/", "/static/", "/assets/", "/healthz", "/accessibility")
# ...except the user administration pages under /accounts/users/, which need MFA like the rest.
_NOT_ALLOWED_PREFIXES = ("/accounts/users/",)
_SESSION_KEY = "learningloop_mfa_ok"


def _exempt(path):
    return path.startswith(_ALLOWED_PREFIXES) and not path.startswith(_NOT_ALLOWED_PREFIXES)


class RequireMultiFactorMiddleware:
    """Users who may see restricted details (when MFA_REQUIRED_FOR_RESTRICTED is on) and users whose roles
    are listed in MFA_REQUIRED_ROLES must set up an authenticator app first.

    Once an authenticator app is found the session remembers it (keyed to the user's id, so it cannot be
    carried over to another account) to save a query per request; removing the app clears it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and request.session.get(_SESSION_KEY) != user.pk
            and not _exempt(request.path)
            and _mfa_required(user)
        ):
            if Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
                request.session[_SESSION_KEY] = user.pk
            else:
                messages.info(
                    request, "Your role needs two-factor authentication. Set up an authenticator app."
                )
                return redirect("mfa_activate_totp")
        return self.get_response(request)


def _mfa_required(user) -> bool:
    if has_any_role(user, settings.MFA_REQUIRED_ROLES):
        return True
    return settings.MFA_REQUIRED_FOR_RESTRICTED and can(user, "restricted.view")


@receiver(authenticator_removed)
def _forget_checked_authenticator(sender, request=None, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session.pop(_SESSION_KEY, None)
