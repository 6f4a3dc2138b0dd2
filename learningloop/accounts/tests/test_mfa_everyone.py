"""MFA for every user in production (security review, MEDIUM; OWASP ASVS 5.0 L2), and when an Entra ID
single sign-on counts as MFA: only when Entra ID says so (amr claim) or the partnership declares it."""

import time

import jwt
import pytest
from allauth.account.authentication import get_authentication_records
from allauth.mfa.totp.internal.auth import TOTP
from django.core.checks import run_checks
from django.urls import reverse

from learningloop.accounts.adapters import SocialAccountAdapter
from learningloop.conftest import PERSONA_SPECS

from .factories import UserFactory
from .production import production_values
from .test_sso import TENANT, FakeResponse, _start

PRODUCTION = {}


def _production():
    if not PRODUCTION:
        PRODUCTION.update(production_values())
    return PRODUCTION


@pytest.fixture
def production_mfa(settings):
    """The production service's MFA settings, applied to this test's (development) settings."""
    for name in ("MFA_REQUIRED_ROLES", "MFA_REQUIRED_FOR_RESTRICTED", "ENTRA_ENFORCES_MFA"):
        setattr(settings, name, _production()[name])


@pytest.mark.django_db
@pytest.mark.parametrize("persona", sorted(PERSONA_SPECS))
def test_production_asks_every_role_to_set_up_mfa(production_mfa, persona, persona_client):
    response = persona_client(persona).get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


@pytest.mark.django_db
def test_production_asks_a_user_with_no_role_at_all(production_mfa, client, home_agency):
    client.force_login(UserFactory(agency=home_agency, roles=[]))
    assert client.get(reverse("home"))["Location"] == reverse("mfa_activate_totp")


@pytest.mark.django_db
def test_production_mfa_can_be_relaxed_per_role_by_listing_roles(settings, persona_client):
    settings.MFA_REQUIRED_ROLES = ["bu_admin", "agency_lead"]
    settings.MFA_REQUIRED_FOR_RESTRICTED = False
    assert persona_client("agency_lead").get(reverse("home")).status_code == 302
    assert persona_client("read_only").get(reverse("home")).status_code == 200


def test_a_mistyped_role_code_stops_the_service_starting(settings):
    settings.MFA_REQUIRED_ROLES = ["bu_admin", "agency-lead"]
    errors = [e for e in run_checks() if e.id == "accounts.E001"]
    assert len(errors) == 1 and "agency-lead" in errors[0].msg
    settings.MFA_REQUIRED_ROLES = ["*"]
    assert not [e for e in run_checks() if e.id == "accounts.E001"]


def test_production_does_not_take_entra_id_mfa_on_trust_and_asks_entra_for_an_id_token():
    assert _production()["ENTRA_ENFORCES_MFA"] is False
    with_sso = production_values(ENTRA_CLIENT_ID="app-id", ENTRA_CLIENT_SECRET="s", ENTRA_TENANT_ID=TENANT)
    app = with_sso["SOCIALACCOUNT_PROVIDERS"]["microsoft"]["APPS"][0]
    assert "openid" in app["settings"]["scope"]


# --- Entra ID sign-in -------------------------------------------------------------------------------


@pytest.fixture
def sso_on(settings):
    settings.SOCIALACCOUNT_PROVIDERS = {
        "microsoft": {
            "APPS": [{"client_id": "fake-client-id", "secret": "fake-secret", "settings": {"tenant": TENANT}}]
        }
    }
    settings.MFA_REQUIRED_ROLES = ["*"]


def _id_token(**claims):
    now = int(time.time())
    base = {"aud": "fake-client-id", "tid": TENANT, "iss": f"https://login.microsoftonline.com/{TENANT}/v2.0",
            "oid": "ms-10", "iat": now, "exp": now + 3600}  # fmt: skip
    return jwt.encode({**base, **claims}, "not-checked", algorithm="HS256")


@pytest.fixture
def entra(monkeypatch):
    """Microsoft's token endpoint (with an id token when `token["id_token"]` is set) and Graph's /me."""
    token = {"access_token": "token", "token_type": "Bearer", "expires_in": 3600}
    profile = {"id": "ms-10", "mail": "sam.jones@northshire.example", "displayName": "Sam Jones"}

    class FakeSession:
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def request(self, method, url, **kwargs):
            return FakeResponse(dict(token))

        def get(self, url, **kwargs):
            return FakeResponse(profile)

    monkeypatch.setattr(SocialAccountAdapter, "get_requests_session", lambda self: FakeSession())
    return token


@pytest.fixture
def sam(home_agency):
    return UserFactory(email="sam.jones@northshire.example", agency=home_agency, roles=["agency_member"])


def _sso_sign_in(client):
    state = _start(client)
    return client.get(reverse("microsoft_callback"), {"code": "auth-code", "state": state})


def _mfa_steps(client, user):
    class _Request:
        session = client.session

    return [r for r in get_authentication_records(_Request(), user) if r["method"] == "mfa"]


@pytest.mark.django_db
def test_entra_mfa_in_the_id_token_counts_as_mfa(client, sso_on, entra, sam):
    entra["id_token"] = _id_token(amr=["pwd", "mfa"])
    response = _sso_sign_in(client)
    assert response["Location"] == reverse("home")
    assert client.get(reverse("home")).status_code == 200  # no local authenticator needed
    assert [(s["type"], s["reason"]) for s in _mfa_steps(client, sam)] == [("entra_id", "amr")]


@pytest.mark.django_db
def test_entra_mfa_replaces_the_local_code_for_a_user_who_has_an_app(client, sso_on, entra, sam):
    TOTP.activate(sam, "JBSWY3DPEHPK3PXP")
    entra["id_token"] = _id_token(amr=["pwd", "mfa"])
    assert _sso_sign_in(client)["Location"] == reverse("home")
    assert client.get(reverse("home")).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    "claims",
    [
        {"amr": ["pwd"]},  # password only at Entra ID
        {},  # no amr claim (Entra ID's v2.0 id tokens often leave it out)
        {"amr": ["mfa"], "aud": "another-app"},  # a token for another application
        {"amr": ["mfa"], "oid": "ms-someone-else"},  # a token about another person
        {
            "amr": ["mfa"],
            "tid": "99999999-2222-3333-4444-555555555555",
            "iss": "https://login.microsoftonline.com/x/v2.0",
        },
        {"amr": ["mfa"], "exp": 1},  # expired
    ],
)
def test_without_entra_mfa_the_local_authenticator_step_is_still_needed(client, sso_on, entra, sam, claims):
    entra["id_token"] = _id_token(**claims)
    _sso_sign_in(client)
    assert client.session["_auth_user_id"] == str(sam.pk)
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
    assert _mfa_steps(client, sam) == []


@pytest.mark.django_db
def test_without_an_id_token_a_user_with_an_app_gives_its_code(client, sso_on, entra, sam):
    TOTP.activate(sam, "JBSWY3DPEHPK3PXP")
    response = _sso_sign_in(client)
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_partnership_can_declare_that_its_entra_id_enforces_mfa(client, settings, sso_on, entra, sam):
    settings.ENTRA_ENFORCES_MFA = True
    assert _sso_sign_in(client)["Location"] == reverse("home")
    assert client.get(reverse("home")).status_code == 200
    assert [s["reason"] for s in _mfa_steps(client, sam)] == ["declared"]


@pytest.mark.django_db
def test_the_declaration_does_not_cover_password_sign_in(client, settings, sam):
    settings.ENTRA_ENFORCES_MFA = True
    settings.MFA_REQUIRED_ROLES = ["*"]
    client.post(reverse("account_login"), {"login": sam.email, "password": "correct-horse-battery-staple"})
    assert client.session["_auth_user_id"] == str(sam.pk)
    assert client.get(reverse("home"))["Location"] == reverse("mfa_activate_totp")
