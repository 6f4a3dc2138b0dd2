"""Who gets in: a valid bearer token only (not a session), until it expires or is revoked, within the rate
limit; pages of at most 1000 rows; an OpenAPI description that a real validator accepts."""

import datetime

import pytest
from django.core.cache import cache
from django.test import Client
from openapi_spec_validator import validate

from learningloop.api.models import AccessToken
from learningloop.api.tokens.services import access_token_create, access_token_revoke
from learningloop.performance.models import Indicator

from .helpers import bearer

pytestmark = pytest.mark.django_db
FEED = "/api/v1/indicators/"


def _token(user, expires_on):
    return access_token_create(user=user, name="Excel", expires_on=expires_on)


def test_a_token_works_until_the_end_of_its_expiry_day(agency_lead, time_machine):
    time_machine.move_to(datetime.datetime(2026, 12, 1, 10, 0))
    _, secret = _token(agency_lead, datetime.date(2026, 12, 31))

    time_machine.move_to(datetime.datetime(2026, 12, 31, 23, 0))
    assert bearer(secret).get(FEED).status_code == 200
    time_machine.move_to(datetime.datetime(2027, 1, 1, 0, 30))
    response = bearer(secret).get(FEED)
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == 'Bearer realm="api"'


def test_a_revoked_token_is_refused_at_once(agency_lead, bu_admin):
    token, secret = _token(agency_lead, datetime.date.today() + datetime.timedelta(days=10))
    assert bearer(secret).get(FEED).status_code == 200
    access_token_revoke(token=token, by=bu_admin)
    assert bearer(secret).get(FEED).status_code == 401


def test_a_deactivated_users_token_is_refused(agency_lead):
    _, secret = _token(agency_lead, datetime.date.today() + datetime.timedelta(days=10))
    agency_lead.is_active = False
    agency_lead.save()
    assert bearer(secret).get(FEED).status_code == 401


@pytest.mark.parametrize(
    "header",
    ["Bearer", "Bearer llpat_made-up", "Bearer two words", "Token llpat_made-up", "Bearer caf\u00e9"],
)
def test_a_missing_or_wrong_token_is_a_401(header, agency_lead):
    _token(agency_lead, datetime.date.today() + datetime.timedelta(days=10))
    assert Client(HTTP_AUTHORIZATION=header).get(FEED).status_code == 401
    assert Client().get(FEED).status_code == 401


def test_a_signed_in_session_does_not_open_the_feed(agency_lead):
    client = Client()
    client.force_login(agency_lead)
    for path in (FEED, "/api/v1/actions/", "/api/v1/deadlines/", "/api/schema/"):
        assert client.get(path).status_code == 401, path


def test_a_token_whose_user_lost_their_roles_is_a_403(agency_lead):
    _, secret = _token(agency_lead, datetime.date.today() + datetime.timedelta(days=10))
    agency_lead.roles = []
    agency_lead.save()
    assert bearer(secret).get(FEED).status_code == 403
    assert bearer(secret).get("/api/v1/actions/").status_code == 403


def test_the_feed_is_read_only(agency_lead):
    _, secret = _token(agency_lead, datetime.date.today() + datetime.timedelta(days=10))
    response = bearer(secret).post(FEED, {"code": "new", "name": "New"}, content_type="application/json")
    assert response.status_code == 405
    assert not Indicator.objects.filter(code="new").exists()


def test_over_the_rate_limit_is_a_429(agency_lead, settings):
    cache.clear()
    settings.API_RATE_LIMIT = "3/minute"
    _, secret = _token(agency_lead, datetime.date.today() + datetime.timedelta(days=10))
    client = bearer(secret)
    assert [client.get(FEED).status_code for _ in range(4)] == [200, 200, 200, 429]
    assert "Retry-After" in client.get(FEED).headers


def test_last_use_is_recorded(agency_lead):
    token, secret = _token(agency_lead, datetime.date.today() + datetime.timedelta(days=10))
    assert token.last_used_at is None
    bearer(secret).get(FEED)
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_pages_are_100_rows_by_default_and_1000_at_most(agency_lead):
    Indicator.objects.bulk_create(
        Indicator(code=f"bulk-{n:04d}", name=f"Indicator {n:04d}", position=n) for n in range(1001)
    )
    _, secret = _token(agency_lead, datetime.date.today() + datetime.timedelta(days=10))
    client = bearer(secret)

    first = client.get(FEED).json()
    assert (first["count"], len(first["results"]), first["previous"]) == (1001, 100, None)
    assert first["next"] == "http://testserver/api/v1/indicators/?page=2"
    assert first["results"][0]["code"] == "bulk-0000"
    last = client.get(FEED, {"page": 11}).json()
    assert [r["code"] for r in last["results"]] == ["bulk-1000"]
    assert last["next"] is None
    biggest = client.get(FEED, {"page_size": 5000}).json()
    assert len(biggest["results"]) == 1000
    assert client.get(FEED, {"page": 99}).status_code == 404


def test_the_openapi_description_is_valid_and_describes_every_endpoint(agency_lead):
    _, secret = _token(agency_lead, datetime.date.today() + datetime.timedelta(days=10))
    response = bearer(secret).get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    spec = response.json()

    validate(spec)  # raises if the description is not valid OpenAPI 3

    assert spec["openapi"].startswith("3.")
    assert sorted(p for p in spec["paths"] if "{" not in p) == [
        "/api/v1/actions/",
        "/api/v1/deadlines/",
        "/api/v1/indicators/",
        "/api/v1/key-messages/",
        "/api/v1/periods/",
        "/api/v1/providers/",
        "/api/v1/values/",
    ]
    assert spec["components"]["securitySchemes"]["personalAccessToken"]["scheme"] == "bearer"
    assert all(
        operation["get"]["security"] == [{"personalAccessToken": []}] for operation in spec["paths"].values()
    )
    assert set(spec["paths"]["/api/v1/values/"]["get"]["parameters"][0]) >= {"name", "in"}
    value = spec["components"]["schemas"]["Value"]["properties"]
    assert {"commentary", "period_label", "value"} <= set(value)
    provider = spec["components"]["schemas"]["Provider"]["properties"]
    assert set(provider) == {"indicator", "agency_id", "agency"}
    assert "providers_count" in spec["components"]["schemas"]["Indicator"]["properties"]


def test_only_the_hash_of_a_token_is_stored(agency_lead):
    token, secret = _token(agency_lead, datetime.date.today() + datetime.timedelta(days=10))
    stored = AccessToken.objects.filter(pk=token.pk).values().get()
    assert secret not in [str(v) for v in stored.values()]
    assert stored["shown_start"] == secret[:12]
