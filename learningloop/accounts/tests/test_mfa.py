"""Two-factor authentication: required for the roles in MFA_REQUIRED_ROLES, set up by the user."""

import re
import time

import pytest
from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core.cache import cache
from django.urls import reverse

from .factories import PASSWORD


def _mfa_steps(client, user):
    """The "mfa" steps allauth has recorded for this user in the client's session."""

    class _Request:
        session = client.session

    return [r for r in get_authentication_records(_Request(), user) if r["method"] == "mfa"]


@pytest.fixture(autouse=True)
def _mfa_for_admins(settings):
    settings.MFA_REQUIRED_ROLES = ["bu_admin"]
    cache.clear()
    yield
    cache.clear()


def _code(secret, offset=0):
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30 + offset))


# allauth announces a new authenticator (authenticator_added, which marks the session as having passed MFA)
# once the activation is committed: tests that activate one run in real transactions, as in production.
activates = pytest.mark.django_db(transaction=True)


def _activate_totp(client):
    """Reauthenticate (allauth asks for the password first), then activate with a correct code."""
    response = client.get(reverse("mfa_activate_totp"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_reauthenticate"))
    reauth = client.post(response["Location"], {"password": PASSWORD})
    assert reauth.status_code == 302
    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200
    assert page.text.count("<h1") == 1
    secret = re.search(r'id="authenticator_secret"[^>]*>([A-Z2-7]+)<', page.text).group(1)
    wrong = client.post(
        reverse("mfa_activate_totp"), {"code": "000000" if _code(secret) != "000000" else "111111"}
    )
    assert wrong.status_code == 200
    assert 'href="#id_code"' in wrong.text
    response = client.post(reverse("mfa_activate_totp"), {"code": _code(secret)})
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_view_recovery_codes")
    return secret


@pytest.mark.django_db
def test_admin_without_authenticator_is_sent_to_set_one_up(admin_client_, bu_admin):
    response = admin_client_.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
    assert _mfa_steps(admin_client_, bu_admin) == []
    # Their own account pages stay open so they can do it.
    assert admin_client_.get(reverse("account_overview")).status_code == 200


@activates
def test_activation_gives_recovery_codes_then_the_service_opens(admin_client_, bu_admin):
    _activate_totp(admin_client_)
    codes_page = admin_client_.get(reverse("mfa_view_recovery_codes"))
    assert codes_page.status_code == 200
    assert codes_page.text.count("<h1") == 1
    codes = re.findall(r"<li><code>(\w+)</code></li>", codes_page.text)
    assert len(codes) == 10
    assert admin_client_.get(reverse("home")).status_code == 200
    # Typing a valid code to activate the app counts as this session's second factor.
    assert [step["type"] for step in _mfa_steps(admin_client_, bu_admin)] == ["totp"]
    assert admin_client_.get(reverse("mfa_index")).status_code == 200


@activates
def test_signing_in_again_asks_for_a_code_and_accepts_a_recovery_code(admin_client_, bu_admin, client):
    _activate_totp(admin_client_)
    codes = re.findall(
        r"<li><code>(\w+)</code></li>", admin_client_.get(reverse("mfa_view_recovery_codes")).text
    )

    response = client.post(reverse("account_login"), {"login": bu_admin.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session
    page = client.get(reverse("mfa_authenticate"))
    assert page.status_code == 200 and page.text.count("<h1") == 1
    wrong = client.post(reverse("mfa_authenticate"), {"code": "12345678"})
    assert wrong.status_code == 200 and "govuk-error-summary" in wrong.text
    response = client.post(reverse("mfa_authenticate"), {"code": codes[0]})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(bu_admin.pk)
    assert client.get(reverse("home")).status_code == 200


@pytest.mark.django_db
def test_roles_not_listed_are_never_redirected(lead_client, agency_lead):
    assert lead_client.get(reverse("home")).status_code == 200
    assert lead_client.get(reverse("partnership:agency_list")).status_code == 200
    assert not Authenticator.objects.filter(user=agency_lead).exists()


@pytest.mark.django_db
def test_session_does_not_pass_mfa_without_an_authenticator(admin_client_, bu_admin):
    for _ in range(2):
        assert admin_client_.get(reverse("home")).status_code == 302
    assert _mfa_steps(admin_client_, bu_admin) == []


@activates
def test_mfa_step_belongs_to_one_user(admin_client_, bu_admin, make_persona):
    """A session that checked one user's authenticator does not let another user skip the check."""
    _activate_totp(admin_client_)
    assert admin_client_.get(reverse("home")).status_code == 200
    from learningloop.accounts.tests.factories import UserFactory

    second_admin = UserFactory(roles=["bu_admin"], agency=bu_admin.agency)
    session = admin_client_.session
    session["_auth_user_id"] = str(second_admin.pk)  # simulate a session reused by someone else
    session["_auth_user_hash"] = second_admin.get_session_auth_hash()
    session.save()
    assert admin_client_.get(reverse("home")).status_code == 302


@activates
def test_removing_the_authenticator_closes_the_service_again(admin_client_, bu_admin):
    secret = _activate_totp(admin_client_)
    assert admin_client_.get(reverse("home")).status_code == 200
    page = admin_client_.get(reverse("mfa_deactivate_totp"))
    assert page.status_code == 200 and page.text.count("<h1") == 1
    response = admin_client_.post(reverse("mfa_deactivate_totp"), {})
    if response.status_code == 200 and "code" in response.text:  # some versions ask for a fresh code
        response = admin_client_.post(reverse("mfa_deactivate_totp"), {"code": _code(secret, 1)})
    assert response.status_code == 302
    assert not Authenticator.objects.filter(user=bu_admin, type=Authenticator.Type.TOTP).exists()
    assert admin_client_.get(reverse("home")).status_code == 302


@pytest.mark.django_db
def test_cspr_panel_members_must_set_up_mfa_whatever_their_role(settings, agency_lead, home_agency, client):
    import datetime

    from learningloop.partnership.tests.factories import GroupFactory, MembershipFactory, PersonFactory

    settings.MFA_REQUIRED_ROLES = []
    settings.MFA_REQUIRED_FOR_RESTRICTED = True
    client.force_login(agency_lead)
    assert client.get("/").status_code == 200  # not on the panel: no MFA needed
    panel = GroupFactory(name="CSPR Panel", handles_case_reviews=True)
    MembershipFactory(
        person=PersonFactory(agency=home_agency, user=agency_lead),
        group=panel,
        start_date=datetime.date(2024, 1, 1),
    )
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/totp/activate/"
