from allauth.account.adapter import DefaultAccountAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter

from learningloop.core.emails import queue_message

from . import sso


class AccountAdapter(DefaultAccountAdapter):
    """Accounts are created by the business unit, never by self sign-up; emails go out by the worker."""

    def is_open_for_signup(self, request):
        return False

    def get_login_stages(self):
        """allauth's stages, with its MFA step replaced by ours (which also trusts Entra ID's MFA)."""
        return [
            "learningloop.accounts.stages.AuthenticateStage"
            if path == "allauth.mfa.stages.AuthenticateStage"
            else path
            for path in super().get_login_stages()
        ]

    def send_mail(self, template_prefix, email, context):
        context = {"email": email, "current_site": self._get_current_site(), **context}
        message = self.render_mail(template_prefix, email, context)
        queue_message(message)

    def _get_current_site(self):
        from django.contrib.sites.shortcuts import get_current_site

        return get_current_site(self.request)


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
