"""Every way in goes through allauth's sign-in with the authenticator step (security review, HIGH).

Before: /django-admin/login/ signed a business unit administrator in with a password alone (no authenticator
code, no sign-in throttle), and the MFA check only asked whether an authenticator EXISTED."""

import time

import pytest
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.urls import reverse

from .factories import PASSWORD, UserFactory
from .production import production_values

SECRET = "JBSWY3DPEHPK3PXP"


@pytest.fixture(autouse=True)
def _mfa_for_admins(settings, db):
    settings.MFA_REQUIRED_ROLES = ["bu_admin"]
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def staff_admin(business_unit):
    """A business unit administrator with Django admin rights who has set up an authenticator app."""
    user = UserFactory(email="chief@example.org", roles=["bu_admin"], agency=business_unit, is_staff=True,
                       is_superuser=True)  # fmt: skip
    TOTP.activate(user, SECRET)
    return user


def _code():
    return format_hotp_value(hotp_value(SECRET, int(time.time()) // 30))


@pytest.mark.django_db
def test_admin_login_page_leads_to_allauth_sign_in(client):
    response = client.get("/django-admin/login/?next=/django-admin/accounts/user/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/django-admin/accounts/user/"


@pytest.mark.django_db
def test_admin_login_refuses_a_next_address_on_another_site(client):
    response = client.get("/django-admin/login/", {"next": "https://evil.example/"})
    assert response["Location"] == "/accounts/login/?next=/django-admin/"


@pytest.mark.django_db
def test_password_alone_through_the_admin_login_signs_nobody_in(client, staff_admin):
    response = client.post(
        "/django-admin/login/?next=/django-admin/",
        {"username": staff_admin.email, "password": PASSWORD, "next": "/django-admin/"},
    )
    assert "_auth_user_id" not in client.session
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert client.get("/django-admin/").status_code == 302
    assert client.get(reverse("home")).status_code == 302


@pytest.mark.django_db
def test_staff_reach_the_admin_through_allauth_sign_in_with_their_code(client, staff_admin):
    response = client.post(reverse("account_login"), {"login": staff_admin.email, "password": PASSWORD})
    assert response["Location"] == reverse("mfa_authenticate")
    assert client.get("/django-admin/").status_code == 302  # not signed in until the code is given
    client.post(reverse("mfa_authenticate"), {"code": _code()})
    assert client.session["_auth_user_id"] == str(staff_admin.pk)
    assert client.get("/django-admin/").status_code == 200
    assert client.get("/django-admin/login/").status_code == 302  # already in: straight to the admin


@pytest.mark.django_db
def test_signed_in_non_staff_are_told_the_admin_is_not_for_them(lead_client):
    page = lead_client.get("/django-admin/login/")
    assert page.status_code == 200
    assert "You cannot use the site administration" in page.text
    assert page.text.count("<h1") == 1


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/django-admin/", "/accounts/2fa/", "/accounts/2fa/totp/deactivate/"])
def test_session_without_the_code_is_signed_out_although_an_authenticator_exists(client, staff_admin, path):
    """A session that skipped the code (here: force_login, as the old admin login did) is sent back through
    sign-in from every page, account pages included: they would let it remove the authenticator."""
    client.force_login(staff_admin)
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={path}"
    assert "_auth_user_id" not in client.session
    notices = " ".join(m.message for m in get_messages(response.wsgi_request))
    assert "enter the code from your authenticator app" in notices


@pytest.mark.django_db
def test_session_that_passed_mfa_opens_the_service(mfa_client, staff_admin):
    client = mfa_client(staff_admin)
    assert client.get(reverse("home")).status_code == 200
    assert client.get("/django-admin/").status_code == 200


@pytest.mark.django_db
def test_staff_without_an_authenticator_set_one_up_before_the_admin(client, business_unit):
    """Whatever their role (here none that needs MFA), staff need a session that passed MFA for the admin."""
    staff = UserFactory(roles=["read_only"], agency=business_unit, is_staff=True, is_superuser=True)
    client.force_login(staff)
    assert client.get(reverse("home")).status_code == 200
    response = client.get("/django-admin/")
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_production_has_no_django_admin_unless_asked_for():
    assert production_values()["admin_resolves"] is False
    assert production_values(DJANGO_ADMIN_ENABLED="true")["admin_resolves"] is True
