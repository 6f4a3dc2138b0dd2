"""Signing in and out, throttling, password reset and closed self sign-up."""

import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from learningloop.accounts.models import User
from learningloop.core.tests.worker import run_worker

from .factories import PASSWORD, UserFactory

WRONG = "The email address and/or password you specified are not correct."


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()
    yield
    cache.clear()


def _sign_in(client, email, password):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def _error_summary(html):
    match = re.search(r'<div class="govuk-error-summary".*?</ul>', html, re.S)
    return match.group(0) if match else None


@pytest.mark.django_db
def test_sign_in_page(client):
    html = client.get(reverse("account_login")).text
    assert html.count("<h1") == 1
    assert "novalidate" in html
    assert 'href="/accounts/password/reset/"' in html and "Forgot your password?" in html
    assert "Email address" in html and "Sign in with Microsoft" not in html


@pytest.mark.django_db
def test_right_password_goes_home(client):
    user = UserFactory()
    response = _sign_in(client, user.email, PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert client.get(reverse("home")).status_code == 200


@pytest.mark.django_db
def test_email_is_matched_case_insensitively(client):
    user = UserFactory(email="pat@example.org")
    assert _sign_in(client, "PAT@Example.org", PASSWORD).status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


@pytest.mark.django_db
def test_wrong_password_shows_error_summary_without_revealing_the_account(client):
    user = UserFactory()
    known = _sign_in(client, user.email, "not-the-password")
    unknown = _sign_in(client, "nobody@example.org", "not-the-password")
    assert known.status_code == unknown.status_code == 200
    summary = _error_summary(known.text)
    assert summary and WRONG in summary
    assert summary == _error_summary(unknown.text)
    assert known.text.count(WRONG) == unknown.text.count(WRONG)
    assert "<title>Error: Sign in" in known.text
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_failed_sign_ins_are_throttled_per_email(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login_failed": "100/m/ip,3/5m/key"}
    user = UserFactory()
    for _ in range(3):
        assert WRONG in _sign_in(client, user.email, "wrong-password").text
    refused = _sign_in(client, user.email, PASSWORD)  # even the right password is refused for now
    assert refused.status_code == 200
    assert "Too many failed login attempts. Try again later." in _error_summary(refused.text)
    assert "_auth_user_id" not in client.session
    # Another email address is not affected.
    other = UserFactory()
    assert _sign_in(client, other.email, PASSWORD).status_code == 302


@pytest.mark.django_db
def test_sign_out_ends_the_session(client):
    user = UserFactory()
    client.force_login(user)
    page = client.get(reverse("account_logout"))
    assert page.status_code == 200 and page.text.count("<h1") == 1
    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    home = client.get(reverse("home"))
    assert home.status_code == 302
    assert home["Location"].startswith(reverse("account_login"))


@pytest.mark.django_db
def test_sign_out_needs_post(client):
    client.force_login(UserFactory())
    client.get(reverse("account_logout"))
    assert client.get(reverse("home")).status_code == 200


@pytest.mark.django_db(transaction=True)
def test_password_reset_by_email_link(client):
    user = UserFactory(email="reset.me@example.org")
    response = client.post(reverse("account_reset_password"), {"email": "Reset.Me@example.org"})
    assert response.status_code == 302
    done = client.get(response["Location"])
    assert "Check your email" in done.text
    assert mail.outbox == []  # queued, not sent inside the request
    run_worker()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["reset.me@example.org"]
    link = re.search(r"https?://[^/\s]+(/accounts/password/reset/key/\S+)", message.body).group(1)
    form_page = client.get(link, follow=True)
    assert "Set a new password" in form_page.text
    action = form_page.redirect_chain[-1][0] if form_page.redirect_chain else link
    new_password = "a-brand-new-long-passphrase"
    set_response = client.post(action, {"password1": new_password, "password2": new_password})
    assert set_response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(new_password)
    # The link works once.
    assert "This link has expired" in client.get(link, follow=True).text


@pytest.mark.django_db(transaction=True)
def test_password_reset_for_unknown_email_looks_the_same_and_sends_nothing_useful(client):
    response = client.post(reverse("account_reset_password"), {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert "Check your email" in client.get(response["Location"]).text
    run_worker()
    assert not any("/accounts/password/reset/key/" in m.body for m in mail.outbox)


@pytest.mark.django_db
def test_bad_reset_key_page(client):
    html = client.get("/accounts/password/reset/key/1-not-a-key/", follow=True).text
    assert "This link has expired" in html
    assert html.count("<h1") == 1


@pytest.mark.django_db
def test_self_sign_up_is_closed(client):
    before = User.objects.count()
    client.get(reverse("account_signup"))
    response = client.post(
        reverse("account_signup"),
        {
            "email": "new.person@example.org",
            "password1": "a-long-new-passphrase",
            "password2": "a-long-new-passphrase",
        },
    )
    assert response.status_code in (200, 302)
    assert User.objects.count() == before
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_users_cannot_change_their_own_sign_in_email(lead_client, agency_lead):
    page = lead_client.get("/accounts/email/")
    assert page.status_code == 200
    assert "managed by the partnership business unit" in page.content.decode()
    response = lead_client.post("/accounts/email/", {"email": "someone.else@example.org", "action_add": ""})
    assert response.status_code == 405
    agency_lead.refresh_from_db()
    assert agency_lead.email == "agency_lead@example.org"
    from allauth.account.models import EmailAddress

    assert not EmailAddress.objects.filter(email="someone.else@example.org").exists()
