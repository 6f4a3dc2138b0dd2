"""Shared fixtures: the personas every authorisation test uses."""

import pytest
from django.test import Client

from learningloop.accounts.tests.factories import UserFactory
from learningloop.core import kept
from learningloop.core.policy import Role
from learningloop.partnership.models import Partnership, StatutoryRole
from learningloop.partnership.tests.factories import AgencyFactory


@pytest.fixture(autouse=True)
def _fast_and_quiet(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    settings.MEDIA_ROOT = tmp_path / "uploads"
    # MFA enforcement has its own tests (accounts/tests/test_mfa.py); personas sign in without it.
    settings.MFA_REQUIRED_ROLES = []
    settings.MFA_REQUIRED_FOR_RESTRICTED = False
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _reference_rows_read_each_time(monkeypatch):
    # A process keeps the partnership's name and the filters' choices for a minute (core/kept.py); a
    # test's rolled-back rows send no signal, and the query-count tests compare two requests. Tests read
    # them on every page; core/tests/test_kept.py and partnership/tests/test_heading.py test the keeping.
    monkeypatch.setattr(kept, "KEPT_SECONDS", 0)
    kept.forget()


@pytest.fixture
def kept_clock(monkeypatch):
    """Rows kept for a minute, as in production, on a clock the test moves: kept_clock[0] += seconds."""
    monkeypatch.setattr(kept, "KEPT_SECONDS", 60)
    now = [5000.0]
    monkeypatch.setattr(kept.time, "monotonic", lambda: now[0])
    return now


@pytest.fixture
def partnership(db):
    return Partnership.objects.create(name="Northshire Safeguarding Children Partnership", short_name="NSCP")


@pytest.fixture
def business_unit(db):
    return AgencyFactory(name="Partnership business unit", statutory_role=StatutoryRole.BUSINESS_UNIT)


@pytest.fixture
def home_agency(db):
    return AgencyFactory(name="Northshire Police", statutory_role=StatutoryRole.POLICE)


@pytest.fixture
def other_agency(db):
    return AgencyFactory(name="Northshire Hospitals NHS Trust", statutory_role=StatutoryRole.HEALTH)


PERSONA_SPECS = {
    # name: (roles, which agency fixture)
    "bu_admin": ([Role.BU_ADMIN], "business_unit"),
    "bu_officer": ([Role.BU_OFFICER], "business_unit"),
    "group_chair": ([Role.GROUP_CHAIR], "home_agency"),
    "agency_lead": ([Role.AGENCY_LEAD], "home_agency"),
    "agency_member": ([Role.AGENCY_MEMBER], "home_agency"),
    "other_agency_lead": ([Role.AGENCY_LEAD], "other_agency"),
    "scrutineer": ([Role.SCRUTINEER], "business_unit"),
    "read_only": ([Role.READ_ONLY], "home_agency"),
}
PERSONAS = [*PERSONA_SPECS, "anonymous"]


@pytest.fixture
def make_persona(request, partnership):
    def make(name):
        if name == "anonymous":
            return None
        roles, agency_fixture = PERSONA_SPECS[name]
        agency = request.getfixturevalue(agency_fixture)
        return UserFactory(email=f"{name}@example.org", full_name=name.replace("_", " ").title(),
                           agency=agency, roles=list(roles))  # fmt: skip

    return make


@pytest.fixture
def mfa_client():
    """mfa_client(user) -> a test client signed in as allauth signs people in with password and
    authenticator code (force_login alone gives a session that never passed MFA)."""
    from learningloop.accounts.tests.sessions import sign_in_with_mfa

    return lambda user: sign_in_with_mfa(Client(), user)


def _client_for(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def bu_admin(make_persona):
    return make_persona("bu_admin")


@pytest.fixture
def bu_officer(make_persona):
    return make_persona("bu_officer")


@pytest.fixture
def group_chair(make_persona):
    return make_persona("group_chair")


@pytest.fixture
def agency_lead(make_persona):
    return make_persona("agency_lead")


@pytest.fixture
def other_agency_lead(make_persona):
    return make_persona("other_agency_lead")


@pytest.fixture
def scrutineer(make_persona):
    return make_persona("scrutineer")


@pytest.fixture
def officer_client(bu_officer):
    return _client_for(bu_officer)


@pytest.fixture
def admin_client_(bu_admin):
    return _client_for(bu_admin)


@pytest.fixture
def lead_client(agency_lead):
    return _client_for(agency_lead)


@pytest.fixture
def scrutineer_client(scrutineer):
    return _client_for(scrutineer)


@pytest.fixture
def persona_client(make_persona):
    """persona_client("agency_lead") -> a signed-in test client (anonymous gives a plain client)."""

    def make(name):
        return _client_for(make_persona(name))

    return make


@pytest.fixture
def walk_objects(db, home_agency, other_agency):
    """One of each record type, owned by the home agency, for URLs that take an id."""
    import importlib
    import pkgutil

    import learningloop
    from learningloop.core.tests import walk_objects as builder

    objects = builder.build(home_agency=home_agency, other_agency=other_agency)
    # Apps add their own records in tests/walk_builders*.py modules with an extend(objects) function.
    for module in pkgutil.walk_packages(learningloop.__path__, "learningloop."):
        if ".tests.walk_builders" in module.name:
            importlib.import_module(module.name).extend(objects)
    return objects
