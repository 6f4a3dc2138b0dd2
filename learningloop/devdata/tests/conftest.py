"""The demo, seeded once for a class of tests (docs/testing.md, "Seeding the demo once").

`manage.py seed_demo` builds the whole demo partnership, which takes seconds; tests that only read it (or
change it and look) share one seeding. The class-scoped fixture seeds inside an outer transaction that it
rolls back at the end of the class; each test's own transaction is a savepoint inside it, so every test
starts from the freshly seeded demo and its changes are rolled back, as if it had seeded the demo itself.
Tests that need an empty database (or seed with other options) stay outside such a class; a module whose
every test reads the demo uses `demo_seeded_for_module` instead. The small generated large partnership
(`manage.py generate_large_partnership --years 1 --scale 0.02`) is built once per module the same way
(`large_partnership_for_module`)."""

import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings


@pytest.fixture(scope="class")
def demo_seeded_once(django_db_setup, django_db_blocker, tmp_path_factory):
    """The output of `manage.py seed_demo`, run once before the first test of the class."""
    yield from _seeded(django_db_blocker, tmp_path_factory)


@pytest.fixture(scope="module")
def demo_seeded_for_module(django_db_setup, django_db_blocker, tmp_path_factory):
    """The output of `manage.py seed_demo`, run once before the first test of the module."""
    yield from _seeded(django_db_blocker, tmp_path_factory)


@pytest.fixture(scope="module")
def large_partnership_for_module(django_db_setup, django_db_blocker, tmp_path_factory):
    """The output of `manage.py load_framework` then `generate_large_partnership` for one year at scale 0.02,
    run once before the first test of the module that asks for it. A test in that module that needs an
    empty database cannot run beside it: put it in another module."""
    yield from _seeded(django_db_blocker, tmp_path_factory, build=generate_small_partnership)


def generate_small_partnership():
    """The framework, then one year of a large partnership at scale 0.02; the generator's report."""
    call_command("load_framework", stdout=io.StringIO())
    out = io.StringIO()
    call_command("generate_large_partnership", "--years", "1", "--scale", "0.02", stdout=out)
    return out.getvalue()


def _seed_demo():
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def _seeded(django_db_blocker, tmp_path_factory, build=_seed_demo):
    test_settings = override_settings(
        DEBUG=True,  # seed_demo refuses to run without DEBUG (its own test checks that)
        # As the suite's `_fast_and_quiet` fixture sets them for every test (learningloop/conftest.py).
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        MAILERS={"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}},
        MEDIA_ROOT=tmp_path_factory.mktemp("demo") / "uploads",
    )
    with test_settings, django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            output = build()
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    try:
        yield output
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
