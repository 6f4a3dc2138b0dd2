"""Has THIS session passed a second factor? (ADR 0013)

allauth keeps a log of the authentication steps of the current session ("authentication records", bound to
the user's id). A session has passed MFA when that log holds an "mfa" step for the signed-in user:
- allauth's own sign-in step with an authenticator app or a recovery code (type "totp"/"recovery_codes"),
- allauth's MFA reauthentication,
- activating an authenticator app in this session (the user has just typed a valid code; recorded below),
- a Microsoft Entra ID sign-in whose identity provider vouched for MFA (type "entra_id", see sso.py).

Whether an authenticator merely EXISTS for the user says nothing about the session, so it is never enough."""

from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY, get_authentication_records
from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator
from allauth.mfa.signals import authenticator_added, authenticator_removed
from django.conf import settings
from django.dispatch import receiver

from learningloop.core.policy import Role, can, has_any_role

# MFA_REQUIRED_ROLES may hold this instead of role codes: every signed-in user, whatever their roles.
EVERY_USER = "*"
MFA_METHOD = "mfa"


def session_passed_mfa(request, user) -> bool:
    return any(record.get("method") == MFA_METHOD for record in get_authentication_records(request, user))


def record_mfa(request, user, **details) -> None:
    """Add an "mfa" step to this session's authentication records (allauth's own log)."""
    record_authentication(request, user, MFA_METHOD, **details)


def has_authenticator(user) -> bool:
    return Authenticator.objects.filter(
        user=user, type__in=[Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]
    ).exists()


def mfa_required(user) -> bool:
    roles = settings.MFA_REQUIRED_ROLES
    # Practitioners (workforce, ADR 0020) see only the training programme, their own bookings and published
    # briefings: "*" means every member of the partnership's staff; list "practitioner" to require it of them.
    if has_any_role(user, [Role.PRACTITIONER]):
        return Role.PRACTITIONER in roles
    if EVERY_USER in roles or has_any_role(user, roles):
        return True
    return settings.MFA_REQUIRED_FOR_RESTRICTED and can(user, "restricted.view")


@receiver(authenticator_added)
def _activation_passes_mfa(sender, request=None, user=None, authenticator=None, **kwargs):
    """Activating an app means the user just typed a valid code from it, in this session."""
    if request is not None and user is not None and authenticator.type == Authenticator.Type.TOTP:
        record_mfa(request, user, id=authenticator.pk, type=authenticator.type, activated=True)


@receiver(authenticator_removed)
def _removal_forgets_mfa(sender, request=None, **kwargs):
    """Without an authenticator the session no longer counts as MFA-passed: a user who must use MFA is sent
    to set up a new app (other sessions of the user keep their own records until they end)."""
    if request is None or not hasattr(request, "session"):
        return
    records = request.session.get(AUTHENTICATION_METHODS_SESSION_KEY)
    if isinstance(records, list):
        request.session[AUTHENTICATION_METHODS_SESSION_KEY] = [
            record for record in records if record.get("method") != MFA_METHOD
        ]
