"""allauth's MFA step of the sign-in, with one addition: a Microsoft Entra ID sign-in whose identity provider
vouched for MFA (see sso.entra_vouched_for_mfa) is recorded as this session's MFA step instead of asking
for the local authenticator code. Everything else is allauth's own step."""

from allauth.mfa import stages as mfa_stages

from . import sso
from .mfa import record_mfa


class AuthenticateStage(mfa_stages.AuthenticateStage):
    def handle(self):
        user = self.login.user
        reason = sso.entra_vouched_for_mfa(self.request, user) if user is not None else None
        if reason:
            record_mfa(self.request, user, type="entra_id", provider=sso.PROVIDER_ID, reason=reason)
            return None, True
        return super().handle()
