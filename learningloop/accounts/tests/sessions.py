"""Signed-in test sessions that passed MFA, recorded exactly as allauth records a real sign-in.

`client.force_login(user)` makes a session that never went through allauth's sign-in: it has no
authentication records, so the MFA middleware treats it as password-less-and-code-less. Tests (and the
benchmark) that need a user who signed in with password AND authenticator code use `sign_in_with_mfa`."""

from types import SimpleNamespace

from allauth.account.internal.flows.login import record_authentication


def sign_in_with_mfa(client, user):
    client.force_login(user)
    session = client.session
    request = SimpleNamespace(session=session, user=user, META={})
    record_authentication(request, user, "password", email=user.email)
    record_authentication(request, user, "mfa", type="totp")
    session.save()
    return client
