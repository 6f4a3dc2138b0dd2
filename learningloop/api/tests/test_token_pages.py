"""The API token pages: a user creates a token (shown once), sees and revokes their own; an administrator
sees everyone's and revokes any, on the audit trail; practitioners may have none."""

import datetime
import re

import pytest
from auditlog.models import LogEntry
from django.test import Client

from learningloop.accounts.tests.factories import UserFactory
from learningloop.api.models import AccessToken
from learningloop.core.policy import Role

from .helpers import bearer, token_for

pytestmark = pytest.mark.django_db
TODAY = datetime.datetime(2026, 12, 1, 10, 0)


def _signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def _expiry(day):
    return {
        "expires_on-day": str(day.day),
        "expires_on-month": str(day.month),
        "expires_on-year": str(day.year),
    }


def test_a_new_token_is_shown_once_and_then_works(agency_lead, time_machine):
    time_machine.move_to(TODAY)
    client = _signed_in(agency_lead)

    response = client.post(
        "/api/tokens/new", {"name": "Power BI dashboard", **_expiry(datetime.date(2027, 3, 31))}
    )

    assert response.status_code == 200
    assert response.headers["Cache-Control"].startswith("max-age=0")
    page = response.content.decode()
    secret = re.search(r"llpat_[\w-]+", page).group(0)
    assert "It works until the end of 31 March 2027" in page
    assert bearer(secret).get("/api/v1/actions/").status_code == 200
    listing = client.get("/api/tokens/").content.decode()
    assert "Power BI dashboard" in listing and "31 March 2027" in listing
    assert secret not in listing  # only its first characters
    assert secret[:12] in listing
    token = AccessToken.objects.get()
    assert (token.user, token.name, token.expires_on) == (
        agency_lead,
        "Power BI dashboard",
        datetime.date(2027, 3, 31),
    )


@pytest.mark.parametrize(
    "name, expires_on, message",
    [
        ("", datetime.date(2027, 3, 31), "Enter a name for the token"),
        ("Excel", datetime.date(2026, 12, 1), "The expiry date must be in the future"),
        ("Excel", datetime.date(2027, 12, 3), "The expiry date must be within 366 days"),
    ],
)
def test_a_bad_token_request_explains_itself_and_saves_nothing(
    name, expires_on, message, agency_lead, time_machine
):
    time_machine.move_to(TODAY)
    response = _signed_in(agency_lead).post("/api/tokens/new", {"name": name, **_expiry(expires_on)})
    assert response.status_code == 200
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert message.lower() in page.lower()
    assert not AccessToken.objects.exists()


def test_a_missing_expiry_date_is_asked_for(agency_lead):
    response = _signed_in(agency_lead).post("/api/tokens/new", {"name": "Excel"})
    assert "Enter the expiry date" in response.content.decode()
    assert not AccessToken.objects.exists()


def test_a_year_and_a_day_ahead_is_the_latest_expiry(agency_lead, time_machine):
    time_machine.move_to(TODAY)
    # 1 December 2026 + 366 days = 2 December 2027 (no 29 February between them).
    response = _signed_in(agency_lead).post(
        "/api/tokens/new", {"name": "Excel", **_expiry(datetime.date(2027, 12, 2))}
    )
    assert response.status_code == 200
    assert AccessToken.objects.get().expires_on == datetime.date(2027, 12, 2)


def test_a_user_revokes_their_own_token_and_not_anothers(agency_lead, other_agency_lead):
    mine, secret = token_for(agency_lead, name="Mine")
    theirs, their_secret = token_for(other_agency_lead, name="Theirs")
    client = _signed_in(agency_lead)

    assert client.get(f"/api/tokens/{theirs.pk}/revoke").status_code == 404
    assert client.post(f"/api/tokens/{theirs.pk}/revoke").status_code == 404
    assert "Theirs" not in client.get("/api/tokens/").content.decode()
    response = client.post(f"/api/tokens/{mine.pk}/revoke")

    assert response.status_code == 302 and response["Location"] == "/api/tokens/"
    assert bearer(secret).get("/api/v1/actions/").status_code == 401
    assert bearer(their_secret).get("/api/v1/actions/").status_code == 200
    assert "Revoked" in client.get("/api/tokens/").content.decode()


def test_an_administrator_sees_every_token_and_revokes_any_on_the_audit_trail(bu_admin, agency_lead):
    token, secret = token_for(agency_lead, name="Lead's Excel")
    client = _signed_in(bu_admin)

    page = client.get("/api/tokens/all/").content.decode()
    assert "Lead&#39;s Excel" in page and "Agency Lead" in page and "Northshire Police" in page
    response = client.post(f"/api/tokens/{token.pk}/revoke")

    assert response.status_code == 302 and response["Location"] == "/api/tokens/all/"
    token.refresh_from_db()
    assert token.revoked_by == bu_admin and token.revoked_at is not None
    assert bearer(secret).get("/api/v1/actions/").status_code == 401
    entry = LogEntry.objects.get_for_object(token).filter(action=LogEntry.Action.UPDATE).get()
    assert entry.actor == bu_admin
    assert "revoked_at" in entry.changes_dict
    assert "key_hash" not in str(LogEntry.objects.get_for_object(token).values_list("changes", flat=True))


def test_only_administrators_see_everyones_tokens(agency_lead, bu_officer):
    assert _signed_in(agency_lead).get("/api/tokens/all/").status_code == 403
    assert _signed_in(bu_officer).get("/api/tokens/all/").status_code == 403


def test_practitioners_may_not_create_tokens(partnership, home_agency):
    practitioner = UserFactory(email="nurse@example.org", agency=home_agency, roles=[Role.PRACTITIONER])
    client = _signed_in(practitioner)
    assert client.get("/api/tokens/").status_code == 403
    assert (
        client.post("/api/tokens/new", {"name": "Mine", **_expiry(datetime.date(2027, 1, 31))}).status_code
        == 403
    )
    assert not AccessToken.objects.exists()


def test_the_account_page_leads_staff_to_their_tokens(agency_lead):
    assert 'href="/api/tokens/"' in _signed_in(agency_lead).get("/accounts/").content.decode()
