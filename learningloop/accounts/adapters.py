import ipaddress

from allauth.account.adapter import DefaultAccountAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.core.exceptions import ImproperlyConfigured, PermissionDenied

from learningloop.core.emails import queue_email

from . import emails, sso
from .tasks import queue_password_link_email

# allauth emails that carry a working code or key (none is switched on in this service).
CARRIES_A_SECRET = {
    "account/email/login_code",
    "account/email/password_reset_code",
    "account/email/email_confirmation",
    "account/email/email_confirmation_signup",
}


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
        """allauth's emails go out as this service's own (accounts/emails.py) and by the worker. A password
        reset is queued as the user's id: the worker makes the link, so it is never stored in the task
        table. allauth's other emails are not switched on here (no sign-up, no email verification, no
        security notifications); if one is, allauth's text goes out on this service's layout."""
        if template_prefix == "account/email/password_reset_key":
            queue_password_link_email(user=context["user"], which="password_reset", email=email)
        elif template_prefix in CARRIES_A_SECRET:
            raise ImproperlyConfigured(
                f"{template_prefix} carries a code or key, which would be stored in the task table: "
                "queue it by id and render it in the worker (as accounts.tasks does for password links)."
            )
        elif template_prefix == "account/email/unknown_account":
            queue_email(emails.unknown_account(email=email))
        else:
            context = {"email": email, "current_site": self._get_current_site(), **context}
            message = self.render_mail(template_prefix, email, context)
            queue_email(emails.account_notice(to=email, subject=message.subject, text=message.body))

    def format_email_subject(self, subject):
        return f"Learning Loop: {subject}"

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
