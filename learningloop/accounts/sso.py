"""Microsoft Entra ID single sign-on: off unless a Microsoft app is configured (ENTRA_CLIENT_ID).

allauth's provider views raise SocialApp.DoesNotExist (a 500) when the provider app is installed but no
app is configured. `only_when_configured` wraps those views so they answer 404 instead."""

import functools

from django.http import Http404
from django.urls import NoReverseMatch, reverse

PROVIDER_ID = "microsoft"
# Tenants that accept accounts from any directory: their email addresses are not ours to trust.
SHARED_TENANTS = {"common", "organizations", "consumers"}


def microsoft_app(request=None):
    """The configured Microsoft app (from settings or the database), or None."""
    from allauth.socialaccount.adapter import get_adapter

    apps = get_adapter(request).list_apps(request, provider=PROVIDER_ID)
    return apps[0] if apps else None


def microsoft_configured(request=None) -> bool:
    return microsoft_app(request) is not None


def microsoft_login_url(request=None):
    if not microsoft_configured(request):
        return None
    try:
        return reverse("microsoft_login")
    except NoReverseMatch:
        return None


def only_when_configured(view):
    """Wrap one of allauth's Microsoft views: 404 when single sign-on is switched off.

    functools.wraps keeps the wrapped view's module and name, so the authorisation walk still treats the
    route as one of allauth's pages (walked by test_walk_account_pages_never_fail, which accepts 404)."""

    @functools.wraps(view)
    def guarded(request, *args, **kwargs):
        if not microsoft_configured(request):
            raise Http404("Single sign-on is not switched on")
        return view(request, *args, **kwargs)

    return guarded
