"""Signed out after 30 minutes without activity (security review, LOW: sessions lived 8 hours whatever the
user did), with GOV.UK's timeout warning in the page two minutes before."""

import datetime
import re

import pytest
import time_machine
from django.urls import reverse

from .production import production_values

START = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)


def _at(minutes, seconds=0):
    return time_machine.travel(START + datetime.timedelta(minutes=minutes, seconds=seconds), tick=False)


@pytest.fixture
def signed_in(lead_client, agency_lead):
    with _at(0):
        lead_client.force_login(agency_lead)
    return lead_client


def _signed_in(client):
    return "_auth_user_id" in client.session


@pytest.mark.django_db
def test_31_minutes_without_activity_signs_out_and_says_why(signed_in):
    with _at(31):
        response = signed_in.get("/partnership/agencies/?page=1")
        assert response.status_code == 302
        assert response["Location"] == "/accounts/login/?next=/partnership/agencies/%3Fpage%3D1"
        assert not _signed_in(signed_in)
        page = signed_in.get(response["Location"])
    assert page.status_code == 200
    assert "You were signed out after 30 minutes without activity." in page.text


@pytest.mark.django_db
def test_using_the_service_keeps_the_session(signed_in):
    # 09:00 sign in, 09:29 a page, 09:58 a page, 10:27 a page: never 30 minutes apart.
    for minutes in (29, 58, 87):
        with _at(minutes):
            assert signed_in.get(reverse("home")).status_code == 200
            assert _signed_in(signed_in)
    with _at(87 + 31):
        assert signed_in.get(reverse("home")).status_code == 302
        assert not _signed_in(signed_in)


@pytest.mark.django_db
def test_exactly_30_minutes_is_still_within_the_limit(signed_in):
    with _at(30):
        assert signed_in.get(reverse("home")).status_code == 200


@pytest.mark.django_db
def test_the_timeout_comes_from_the_setting(settings, signed_in):
    settings.SESSION_IDLE_TIMEOUT_MINUTES = 10
    with _at(11):
        response = signed_in.get(reverse("home"))
        assert response.status_code == 302
        page = signed_in.get(response["Location"])
    assert "You were signed out after 10 minutes without activity." in page.text


@pytest.mark.django_db
def test_stay_signed_in_counts_as_activity(signed_in):
    with _at(28):
        response = signed_in.post(reverse("session_keep_alive"))
        assert response.status_code == 200
        assert response.json() == {"seconds_left": 30 * 60}
    with _at(28 + 29):
        assert signed_in.get(reverse("home")).status_code == 200


@pytest.mark.django_db
def test_keep_alive_after_the_timeout_does_not_revive_the_session(signed_in):
    with _at(45):
        response = signed_in.post(reverse("session_keep_alive"))
        assert response.status_code == 302
        assert not _signed_in(signed_in)


@pytest.mark.django_db
def test_keep_alive_only_answers_a_post_from_a_signed_in_user(signed_in, client):
    with _at(1):
        assert signed_in.get(reverse("session_keep_alive")).status_code == 405
        response = client.post(reverse("session_keep_alive"))
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


@pytest.mark.django_db
def test_a_form_posted_after_the_timeout_saves_nothing_and_comes_back_to_the_form(officer_client, bu_officer):
    from learningloop.partnership.models import Agency

    form_url = reverse("partnership:agency_create")
    with _at(0):
        officer_client.force_login(bu_officer)
    count = Agency.objects.count()
    with _at(40):
        response = officer_client.post(
            form_url, {"name": "Too late", "short_name": "TL"}, HTTP_REFERER=f"http://testserver{form_url}"
        )
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={form_url}"
    assert Agency.objects.count() == count


@pytest.mark.django_db
def test_a_partial_page_request_after_the_timeout_sends_the_whole_page_to_sign_in(signed_in):
    with _at(40):
        response = signed_in.get(reverse("home"), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert response["HX-Redirect"].startswith("/accounts/login/")


@pytest.mark.django_db
def test_each_signed_in_page_carries_the_timeout_warning(signed_in):
    with _at(5):
        signed_in.get(reverse("home"))  # activity recorded at 09:05
    with _at(5, 40):
        page = signed_in.get(reverse("home"))
    dialog = re.search(r"<dialog[^>]*>", page.text).group(0)
    assert 'aria-labelledby="session-timeout-heading"' in dialog
    assert 'data-seconds-left="1760"' in dialog  # 30 minutes after 09:05, seen at 09:05:40
    assert 'data-warning-seconds="120"' in dialog
    assert f'data-keep-alive-url="{reverse("session_keep_alive")}"' in dialog
    assert 'aria-live="polite"' in page.text
    assert "Stay signed in" in page.text and "Sign out" in page.text
    # The script comes from our static files, with the page's CSP nonce, and is not inline.
    nonce = re.search(r"'nonce-([^']+)'", page["Content-Security-Policy"]).group(1)
    script = re.search(r'<script src="/static/accounts/session-timeout\.js"[^>]*>\s*</script>', page.text)
    assert script and f'nonce="{nonce}"' in script.group(0)


@pytest.mark.django_db
def test_signed_out_pages_have_no_timeout_warning(client):
    assert "session-timeout-dialog" not in client.get(reverse("account_login")).text


def test_production_signs_out_after_30_minutes_without_activity():
    assert production_values()["SESSION_IDLE_TIMEOUT_MINUTES"] == 30
    assert production_values(SESSION_IDLE_TIMEOUT_MINUTES="15")["SESSION_IDLE_TIMEOUT_MINUTES"] == 15
