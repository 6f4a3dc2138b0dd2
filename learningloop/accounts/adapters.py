import ipaddress

from allauth.account.adapter import DefaultAccountAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.core.exceptions import ImproperlyConfigured, PermissionDenied

from learningloop.core.emails import queue_message

from . import sso


class AccountAdapter(DefaultAccountAdapter):
    """Accounts are created by the business unit, never by self sign-up; emails go out by the worker."""

    def is_open_for_signup(self, request):
        return False

    def send_mail(self, template_prefix, email, context):
        context = {"email": email, "current_site": self._get_current_site(), **context}
        message = self.render_mail(template_prefix, email, context)
        queue_message(message)

    def _get_current_site(self):
        from django.contrib.sites.shortcuts import get_current_site

        return get_current_site(self.request)

    def get_client_ip(self, request):
        """As allauth (ALLAUTH_TRUSTED_PROXY_COUNT), except that a request whose X-Forwarded-For lists fewer
        addresses than there are trusted proxies (it did not come through them all) counts as coming from
        the address that connected, instead of failing with a server error."""
        try:
            return super().get_client_ip(request)
        except ImproperlyConfigured:
            try:
                return str(ipaddress.ip_address((request.META.get("REMOTE_ADDR") or "").strip()))
            except ValueError:
                raise PermissionDenied("Unable to determine client IP address") from None


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    """Single sign-on signs in existing users only (matched on their verified email address)."""

    def is_open_for_signup(self, request, sociallogin):
        return False

    def is_email_verified(self, provider, email):
        """Trust Microsoft's email address only from the partnership's own tenant, never a shared one."""
        if provider.id == sso.PROVIDER_ID and provider.app:
            tenant = (provider.app.settings.get("tenant") or "common").lower()
            return tenant not in sso.SHARED_TENANTS
        return super().is_email_verified(provider, email)
