"""Microsoft Entra ID single sign-on: off by default (404), and when on it signs in existing users only."""

import json
from urllib.parse import parse_qs, urlparse

import pytest
from django.urls import reverse

from learningloop.accounts.adapters import SocialAccountAdapter
from learningloop.accounts.models import User

from .factories import UserFactory

TENANT = "11111111-2222-3333-4444-555555555555"


@pytest.fixture
def sso_on(settings):
    settings.SOCIALACCOUNT_PROVIDERS = {
        "microsoft": {
            "APPS": [{"client_id": "fake-client-id", "secret": "fake-secret", "settings": {"tenant": TENANT}}]
        }
    }


class FakeResponse:
    def __init__(self, data):
        self.status_code = 200
        self._data = data
        self.headers = {"content-type": "application/json"}
        self.text = json.dumps(data)
        self.content = self.text.encode()

    def json(self):
        return self._data


@pytest.fixture
def microsoft(monkeypatch):
    """Stands in for login.microsoftonline.com (token exchange) and Graph (/me): no network calls."""
    calls = []
    profile = {}

    class FakeSession:
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def request(self, method, url, **kwargs):
            calls.append((method, url))
            return FakeResponse({"access_token": "token", "token_type": "Bearer", "expires_in": 3600})

        def get(self, url, **kwargs):
            calls.append(("GET", url))
            return FakeResponse(profile)

    monkeypatch.setattr(SocialAccountAdapter, "get_requests_session", lambda self: FakeSession())
    return calls, profile


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["microsoft_login", "microsoft_callback"])
def test_sso_routes_are_404_when_not_configured(client, settings, name):
    settings.SOCIALACCOUNT_PROVIDERS = {}
    assert client.get(reverse(name)).status_code == 404
    assert client.post(reverse(name)).status_code == 404


@pytest.mark.django_db
def test_sign_in_page_offers_microsoft_only_when_configured(client, settings):
    settings.SOCIALACCOUNT_PROVIDERS = {}
    assert "Sign in with Microsoft" not in client.get(reverse("account_login")).text
    settings.SOCIALACCOUNT_PROVIDERS = {
        "microsoft": {"APPS": [{"client_id": "x", "secret": "y", "settings": {"tenant": TENANT}}]}
    }
    assert "Sign in with Microsoft" in client.get(reverse("account_login")).text


def _start(client):
    response = client.post(reverse("microsoft_login"), {"process": "login"})
    assert response.status_code == 302
    location = urlparse(response["Location"])
    assert location.netloc == "login.microsoftonline.com"
    assert location.path == f"/{TENANT}/oauth2/v2.0/authorize"
    query = parse_qs(location.query)
    assert query["client_id"] == ["fake-client-id"]
    return query["state"][0]


@pytest.mark.django_db
def test_login_redirects_to_the_tenant(client, sso_on, microsoft):
    _start(client)
    assert microsoft[0] == []  # nothing sent to Microsoft by us yet


@pytest.mark.django_db
def test_callback_signs_in_an_existing_user_by_email(client, sso_on, microsoft):
    calls, profile = microsoft
    user = UserFactory(email="sam.jones@northshire.example")
    profile.update({"id": "ms-1", "mail": "Sam.Jones@northshire.example", "displayName": "Sam Jones"})
    state = _start(client)
    response = client.get(reverse("microsoft_callback"), {"code": "auth-code", "state": state})
    assert response.status_code == 302, response.content[:500]
    assert response["Location"] == reverse("home")
    assert client.session["_auth_user_id"] == str(user.pk)
    assert any(TENANT in url and url.endswith("/oauth2/v2.0/token") for _, url in calls)
    assert client.get(reverse("home")).status_code == 200


@pytest.mark.django_db
def test_callback_refuses_unknown_email(client, sso_on, microsoft):
    _, profile = microsoft
    UserFactory(email="someone.else@northshire.example")
    profile.update({"id": "ms-2", "mail": "stranger@elsewhere.example", "displayName": "A Stranger"})
    state = _start(client)
    count = User.objects.count()
    response = client.get(reverse("microsoft_callback"), {"code": "auth-code", "state": state})
    assert response.status_code in (200, 302)
    assert "_auth_user_id" not in client.session
    assert User.objects.count() == count
    assert not User.objects.filter(email__iexact="stranger@elsewhere.example").exists()


@pytest.mark.django_db
def test_shared_tenant_email_is_not_trusted(client, settings, microsoft):
    """With the multi-tenant 'common' endpoint anyone's directory could claim an address: no sign-in."""
    settings.SOCIALACCOUNT_PROVIDERS = {
        "microsoft": {
            "APPS": [{"client_id": "fake-client-id", "secret": "s", "settings": {"tenant": "common"}}]
        }
    }
    _, profile = microsoft
    UserFactory(email="sam.jones@northshire.example")
    profile.update({"id": "ms-3", "mail": "sam.jones@northshire.example"})
    response = client.post(reverse("microsoft_login"), {"process": "login"})
    state = parse_qs(urlparse(response["Location"]).query)["state"][0]
    client.get(reverse("microsoft_callback"), {"code": "auth-code", "state": state})
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_sso_still_asks_for_the_authenticator_code(client, sso_on, microsoft):
    from allauth.mfa.totp.internal.auth import TOTP

    _, profile = microsoft
    user = UserFactory(email="sam.jones@northshire.example", roles=["bu_admin"])
    TOTP.activate(user, "JBSWY3DPEHPK3PXP")
    profile.update({"id": "ms-4", "mail": "sam.jones@northshire.example"})
    state = _start(client)
    response = client.get(reverse("microsoft_callback"), {"code": "auth-code", "state": state})
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session
