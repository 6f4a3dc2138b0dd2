"""A mistyped role code in MFA_REQUIRED_ROLES would quietly switch MFA off for that role: refuse to start."""

from django.conf import settings
from django.core.checks import Error, register

from learningloop.core.policy import ALL_ROLES

from .mfa import EVERY_USER


@register()
def check_mfa_required_roles(app_configs=None, **kwargs):
    unknown = sorted(set(settings.MFA_REQUIRED_ROLES) - ALL_ROLES - {EVERY_USER})
    if not unknown:
        return []
    return [
        Error(
            f"MFA_REQUIRED_ROLES lists unknown role codes: {', '.join(unknown)}.",
            hint=f"Use * (every user) or role codes from: {', '.join(sorted(ALL_ROLES))}.",
            id="accounts.E001",
        )
    ]
