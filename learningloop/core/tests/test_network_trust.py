"""Behind the reverse proxy: whose address the sign-in throttles and the audit trail see, and where the
throttles are kept.

The proxy connects from 10.0.0.1 and appends the address it saw to X-Forwarded-For. With
ALLAUTH_TRUSTED_PROXY_COUNT=1 the last entry is the person's address; with 0 (the default) the header is
ignored, so a client cannot pick an address to dodge the throttle or to put in the audit trail."""

import pytest
from auditlog.models import LogEntry
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.urls import reverse

from learningloop.accounts.tests.factories import PASSWORD, UserFactory
from learningloop.learning.models import ActivityDocument
from learningloop.learning.tests.factories_register import PDF_BYTES, ActivityFactory

from .test_deploy_checks import _manage, _production_env

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.1"
LOCKED = "Too many failed login attempts. Try again later."


@pytest.fixture(autouse=True)
def _fresh_throttles():
    cache.clear()
    yield
    cache.clear()


def _behind_proxy(forwarded_for):
    """A browser whose requests reach the service through the proxy, which reports `forwarded_for`."""
    return Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded_for)


def _sign_in(client, email, password):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def _fail_until_locked(client):
    """Ten failed sign-ins a minute from one address (each with a different email address, so only the
    per-address limit of the default LOGIN_FAILED_RATE_LIMIT, 10/m/ip, applies); the eleventh is refused."""
    for i in range(10):
        assert LOCKED not in _sign_in(client, f"guess{i}@example.org", "wrong-password").text
    assert LOCKED in _sign_in(client, "guess-last@example.org", "wrong-password").text


def test_behind_a_trusted_proxy_one_person_locked_out_does_not_lock_out_another(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    _fail_until_locked(_behind_proxy("203.0.113.5"))
    colleague = UserFactory(email="colleague@example.org")
    other = _behind_proxy("198.51.100.20")
    assert _sign_in(other, colleague.email, PASSWORD).status_code == 302
    assert other.session["_auth_user_id"] == str(colleague.pk)


def test_behind_a_trusted_proxy_only_the_proxys_entry_counts(settings):
    """A client that writes its own X-Forwarded-For gets the proxy's entry appended after it: the made-up
    addresses in front do not give it a fresh allowance."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    _fail_until_locked(_behind_proxy("203.0.113.5"))
    dodging = _behind_proxy("192.0.2.99, 203.0.113.5")
    assert LOCKED in _sign_in(dodging, "another-guess@example.org", "wrong-password").text


def test_without_trusted_proxies_a_spoofed_forwarded_for_does_not_dodge_the_throttle(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    _fail_until_locked(_behind_proxy("203.0.113.5"))
    user = UserFactory(email="someone@example.org")
    spoofing = _behind_proxy("198.51.100.20")
    response = _sign_in(spoofing, user.email, PASSWORD)
    assert LOCKED in response.text
    assert "_auth_user_id" not in spoofing.session


def test_too_few_forwarded_addresses_is_not_a_server_error(settings):
    """Two trusted proxies but only one address in the header (the request skipped a proxy): the
    connecting address is used, and the page answers normally."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 2
    user = UserFactory(email="skipped@example.org")
    assert _sign_in(_behind_proxy("203.0.113.5"), user.email, PASSWORD).status_code == 302


def test_throttles_are_kept_in_the_shared_database_cache(settings):
    """Every worker reads the same table, and it survives a restart: the failed sign-ins are rows in it."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    assert settings.CACHES["default"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    _fail_until_locked(_behind_proxy("203.0.113.5"))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {settings.CACHES['default']['LOCATION']}")  # noqa: S608
        assert cursor.fetchone()[0] >= 1


def _upload_document(client):
    activity = ActivityFactory()
    response = client.post(
        reverse("learning:document_upload", args=[activity.pk]),
        {"file": SimpleUploadedFile("Ofsted letter.pdf", PDF_BYTES)},
    )
    assert response.status_code == 302
    document = ActivityDocument.objects.get()
    return LogEntry.objects.get(content_type__model="activitydocument", object_pk=str(document.pk))


def test_audit_trail_records_the_address_the_trusted_proxy_saw(settings, bu_officer):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    client = _behind_proxy("192.0.2.99, 203.0.113.5")
    client.force_login(bu_officer)
    entry = _upload_document(client)
    assert entry.actor == bu_officer
    assert entry.remote_addr == "203.0.113.5"


def test_audit_trail_ignores_a_spoofed_forwarded_for_without_trusted_proxies(settings, bu_officer):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    client = Client(REMOTE_ADDR="192.0.2.44", HTTP_X_FORWARDED_FOR="198.51.100.66", HTTP_X_FORWARDED_PORT="1")
    client.force_login(bu_officer)
    entry = _upload_document(client)
    assert entry.remote_addr == "192.0.2.44"
    assert entry.remote_port is None


def test_views_of_restricted_records_use_the_same_trusted_address(rf, settings, bu_admin, home_agency):
    from learningloop.core.audit import record_view

    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    request = rf.get("/", REMOTE_ADDR="192.0.2.44", HTTP_X_FORWARDED_FOR="198.51.100.66")
    request.user = bu_admin
    record_view(request, home_agency)
    assert LogEntry.objects.get(action=LogEntry.Action.ACCESS).remote_addr == "192.0.2.44"
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    record_view(request, home_agency)
    assert LogEntry.objects.filter(action=LogEntry.Action.ACCESS).latest("pk").remote_addr == "198.51.100.66"


def _settings_line(result):
    assert result.returncode == 0, result.stderr
    return next(line for line in result.stdout.splitlines() if line.startswith("SETTINGS ")).split()[1:]


def test_production_reads_proxies_cache_and_scanner_from_the_environment():
    script = (
        "from django.conf import settings as s; "
        "print('SETTINGS', s.ALLAUTH_TRUSTED_PROXY_COUNT, s.ALLAUTH_TRUSTED_CLIENT_IP_HEADER, "
        "s.CACHES['default']['BACKEND'], s.CACHES['default']['LOCATION'], s.CLAMAV_SOCKET)"
    )
    defaults = _manage("shell", "-c", script, env=_production_env())
    assert _settings_line(defaults) == [
        "0",
        "None",
        "django.core.cache.backends.db.DatabaseCache",
        "learningloop_cache",
    ]
    configured = _manage(
        "shell",
        "-c",
        script,
        env=_production_env(
            ALLAUTH_TRUSTED_PROXY_COUNT="1",
            ALLAUTH_TRUSTED_CLIENT_IP_HEADER="X-Real-IP",
            DJANGO_CACHE_BACKEND="django.core.cache.backends.redis.RedisCache",
            DJANGO_CACHE_LOCATION="redis://127.0.0.1:6379/1",
            CLAMAV_SOCKET="/run/clamav/clamd.ctl",
        ),
    )
    assert _settings_line(configured) == [
        "1",
        "X-Real-IP",
        "django.core.cache.backends.redis.RedisCache",
        "redis://127.0.0.1:6379/1",
        "/run/clamav/clamd.ctl",
    ]


def test_production_refuses_a_negative_proxy_count():
    result = _manage("check", env=_production_env(ALLAUTH_TRUSTED_PROXY_COUNT="-1"))
    assert result.returncode != 0
    assert "ALLAUTH_TRUSTED_PROXY_COUNT" in result.stderr
