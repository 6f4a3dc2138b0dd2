import time
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from . import session_timeout
from .mfa import has_authenticator, mfa_required, session_passed_mfa

# Paths a user who must set up MFA can still reach: their account pages, sign-out, assets, health.
_ALLOWED_PREFIXES = ("/accounts/", "/static/", "/assets/", "/healthz", "/accessibility")
# ...except the user administration pages under /accounts/users/, which need MFA like the rest.
_NOT_ALLOWED_PREFIXES = ("/accounts/users/",)
# Paths that never need a session at all.
_ASSET_PREFIXES = ("/static/", "/assets/", "/healthz")
ADMIN_PREFIX = "/django-admin/"
SIGN_IN_AGAIN = "For your security, sign in again and enter the code from your authenticator app."


def _exempt(path):
    return path.startswith(_ALLOWED_PREFIXES) and not path.startswith(_NOT_ALLOWED_PREFIXES)


class RequireMultiFactorMiddleware:
    """Every way in goes through allauth's sign-in, which asks for the authenticator code (ADR 0013).

    - A session that did not pass MFA (see accounts.mfa) for a user who HAS an authenticator did not come
      through allauth's sign-in: it is signed out and sent back there, from every page, account pages
      included (they would let it reauthenticate with the password and remove the authenticator).
    - A user who must use MFA (MFA_REQUIRED_ROLES, MFA_REQUIRED_FOR_RESTRICTED, and staff on the Django
      admin) but has no authenticator yet is sent to set one up; only their account pages stay open."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        path = request.path
        if (
            user.is_authenticated
            and not path.startswith(_ASSET_PREFIXES)
            and not session_passed_mfa(request, user)
        ):
            if has_authenticator(user):
                logout(request)
                messages.info(request, SIGN_IN_AGAIN)
                return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
            needs_mfa = (path.startswith(ADMIN_PREFIX) and user.is_staff) or (
                not _exempt(path) and mfa_required(user)
            )
            if needs_mfa:
                messages.info(
                    request, "Your role needs two-factor authentication. Set up an authenticator app."
                )
                return redirect("mfa_activate_totp")
        return self.get_response(request)


class SessionIdleTimeoutMiddleware:
    """Signs out a user whose previous request came longer ago than SESSION_IDLE_TIMEOUT_MINUTES and sends
    them to sign in again, saying why (accounts.session_timeout). Sets request.session_idle (an IdleState)
    for the timeout warning dialog in the page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated and not request.path.startswith(_ASSET_PREFIXES):
            now = time.time()
            if session_timeout.has_expired(request.session, now):
                return _signed_out_for_inactivity(request)
            request.session_idle = session_timeout.record_activity(request.session, now)
        return self.get_response(request)


def _signed_out_for_inactivity(request):
    logout(request)
    messages.info(request, session_timeout.signed_out_message())
    if request.method == "GET" and request.headers.get("HX-Request") != "true":
        next_path = request.get_full_path()
    else:  # a form post or a partial: come back to the page, not to the POST or partial URL
        next_path = _referring_path(request) or reverse(settings.LOGIN_REDIRECT_URL)
    response = redirect_to_login(next_path, settings.LOGIN_URL)
    if request.headers.get("HX-Request") == "true":
        return HttpResponse(headers={"HX-Redirect": response["Location"]})
    return response


def _referring_path(request):
    referer = request.headers.get("Referer", "")
    if not url_has_allowed_host_and_scheme(referer, allowed_hosts={request.get_host()}):
        return None
    parts = urlsplit(referer)
    return parts.path + (f"?{parts.query}" if parts.query else "")
