import json
from unittest import mock

import pytest
from django.db import DatabaseError


@pytest.mark.django_db
def test_healthz_answers_200_with_json_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert json.loads(response.content) == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_answers_503_when_the_database_does_not(client):
    with mock.patch("learningloop.core.views.connection.cursor", side_effect=DatabaseError("down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content)["database"] == "error"


@pytest.mark.django_db
def test_login_is_required_everywhere_but_public_pages(client):
    assert client.get("/").status_code == 302
    assert client.get("/partnership/agencies/")["Location"].startswith("/accounts/login/")
    assert client.get("/accessibility").status_code == 200
    assert client.get("/accounts/login/").status_code == 200


@pytest.mark.django_db
def test_pages_carry_a_strict_content_security_policy_with_a_nonce(client, bu_officer):
    client.force_login(bu_officer)
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self' 'nonce-" in csp
    assert "unsafe-inline" not in csp
    nonce = csp.split("'nonce-")[1].split("'")[0]
    html = response.content.decode()
    # every inline script carries the nonce, and htmx comes from our own static files
    assert html.count("<script") == html.count(f'nonce="{nonce}"')
    assert "/static/django_htmx/htmx" in html


@pytest.mark.django_db
def test_header_shows_the_partnership_name_and_navigation(client, bu_officer):
    client.force_login(bu_officer)
    html = client.get("/").content.decode()
    assert "Northshire Safeguarding Children Partnership" in html
    assert "Partnership" in html and "Sign out" in html
    assert "Audit trail" not in html  # only administrators see it


@pytest.mark.django_db
def test_success_messages_show_as_a_notification_banner(client, bu_officer):
    from django.contrib.messages import constants
    from django.contrib.messages.storage.cookie import CookieStorage
    from django.http import HttpRequest, HttpResponse

    client.force_login(bu_officer)
    # Put a success message in the messages cookie, as a view that saved something would.
    storage, carrier = CookieStorage(HttpRequest()), HttpResponse()
    storage.add(constants.SUCCESS, "Agency created")
    storage.update(carrier)
    client.cookies.update(carrier.cookies)
    html = client.get("/").content.decode()
    assert "govuk-notification-banner--success" in html
    assert "Agency created" in html
