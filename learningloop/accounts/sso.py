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


# --- Did Entra ID itself do multi-factor authentication? (ADR 0013) -------------------------------------
# The callback below reads the id token Entra ID returns beside the access token (scope "openid") and notes
# in the session whether its `amr` claim holds "mfa". The sign-in's MFA step (accounts/stages.py) then
# counts an Entra ID sign-in as MFA only when that note says so for the same account, or when the
# partnership declares that its Entra ID always enforces MFA (ENTRA_ENFORCES_MFA). Otherwise the user still
# gives the code from their authenticator app here (or sets one up).
ENTRA_MFA_SESSION_KEY = "learningloop_entra_mfa"


def id_token_claims(token_response, client_id, tenant, object_id) -> dict:
    """The claims of the id token in a token response, or {} when there is none or it is not for this app,
    this tenant and this user. The token came straight from Microsoft's token endpoint over TLS, so its
    signature is not checked again (OpenID Connect Core 3.1.3.7, item 6); audience, expiry, tenant and user
    are."""
    import jwt

    raw = (token_response or {}).get("id_token")
    if not raw or not isinstance(raw, str):
        return {}
    try:
        claims = jwt.decode(
            raw,
            options={"verify_signature": False, "verify_aud": True, "verify_exp": True, "require": ["exp"]},
            audience=client_id,
        )
    except jwt.PyJWTError:
        return {}
    tenant = (tenant or "").lower()
    issuer = str(claims.get("iss", "")).lower()
    if (
        tenant
        and tenant not in SHARED_TENANTS
        and str(claims.get("tid", "")).lower() != tenant
        and not issuer.startswith(f"https://login.microsoftonline.com/{tenant}/")
    ):
        return {}
    if str(claims.get("oid", "")) != str(object_id):
        return {}
    return claims


def _entra_adapter_class():
    from allauth.socialaccount.providers.microsoft.views import MicrosoftGraphOAuth2Adapter

    class EntraIDOAuth2Adapter(MicrosoftGraphOAuth2Adapter):
        def complete_login(self, request, app, token, **kwargs):
            login = super().complete_login(request, app, token, **kwargs)
            claims = id_token_claims(
                kwargs.get("response"), app.client_id, app.settings.get("tenant"), login.account.uid
            )
            amr = claims.get("amr") if isinstance(claims.get("amr"), list) else []
            request.session[ENTRA_MFA_SESSION_KEY] = {"uid": login.account.uid, "mfa": "mfa" in amr}
            return login

    return EntraIDOAuth2Adapter


def entra_login_view():
    from allauth.socialaccount.providers.oauth2.views import OAuth2LoginView

    return OAuth2LoginView.adapter_view(_entra_adapter_class())


def entra_callback_view():
    from allauth.socialaccount.providers.oauth2.views import OAuth2CallbackView

    return OAuth2CallbackView.adapter_view(_entra_adapter_class())


def entra_vouched_for_mfa(request, user) -> str | None:
    """Why this sign-in, if it has just come from Entra ID, counts as MFA: "declared" (ENTRA_ENFORCES_MFA),
    "amr" (the id token says so), or None."""
    from allauth.account.authentication import get_authentication_records
    from django.conf import settings

    records = get_authentication_records(request, user)
    note = request.session.pop(ENTRA_MFA_SESSION_KEY, None)
    last = records[-1] if records else {}
    if last.get("method") != "socialaccount" or last.get("provider") != PROVIDER_ID:
        return None
    if settings.ENTRA_ENFORCES_MFA:
        return "declared"
    if isinstance(note, dict) and note.get("uid") == last.get("uid") and note.get("mfa") is True:
        return "amr"
    return None
