"""Several app servers behind a load balancer agree on everything a person sees: sessions, sign-in throttles
and the cache live in the database (or a configured shared cache), uploaded files in the configured storage
(a local folder by default, an S3-compatible bucket as an option), and the registries in core are filled
from code when the apps load, never by a request.

The production settings are imported in subprocesses: the test process already has the development ones."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps
from django.core.files.storage import default_storage
from django.db import models
from django.urls import reverse

from learningloop.core import deadlines, navigation, panels, policy

BASE_DIR = Path(__file__).resolve().parents[3]
PRINT_SETTINGS = (
    "import json, django; django.setup(); from django.conf import settings as s; "
    "print(json.dumps({'storage': s.STORAGES['default'], 'session': s.SESSION_ENGINE, "
    "'cache': s.CACHES['default']['BACKEND']}))"
)


def _settings(tmp_path, pythonpath=None, **env_overrides):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "LEARNINGLOOP_"))}
    env.pop("DATABASE_URL", None)
    env.update(
        DJANGO_SETTINGS_MODULE="learningloop.config.production",
        DJANGO_SECRET_KEY="x" * 60,
        DJANGO_ALLOWED_HOSTS="learning.example.org",
        LEARNINGLOOP_VAR_DIR=str(tmp_path),
    )
    if pythonpath:
        env["PYTHONPATH"] = str(pythonpath)
    env.update(env_overrides)
    result = subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return result


def _fake_s3_libraries(folder: Path) -> Path:
    """Empty `storages` and `boto3` packages: enough for the settings to see them installed."""
    for name in ("storages", "boto3"):
        (folder / name).mkdir(parents=True)
        (folder / name / "__init__.py").write_text("")
    return folder


def test_production_keeps_sessions_and_cache_in_the_database_and_files_in_a_local_folder(tmp_path):
    result = _settings(tmp_path)
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout.strip().splitlines()[-1])
    assert shown["session"] == "django.contrib.sessions.backends.db"
    assert shown["cache"] == "django.core.cache.backends.db.DatabaseCache"
    assert shown["storage"] == {"BACKEND": "django.core.files.storage.FileSystemStorage"}


def test_an_s3_compatible_bucket_is_chosen_by_environment_variables(tmp_path):
    result = _settings(
        tmp_path,
        pythonpath=_fake_s3_libraries(tmp_path / "libs"),
        LEARNINGLOOP_FILE_STORAGE="s3",
        LEARNINGLOOP_S3_BUCKET="nscp-uploads",
        LEARNINGLOOP_S3_ENDPOINT_URL="https://objects.example.org",
        LEARNINGLOOP_S3_REGION="eu-west-2",
    )
    assert result.returncode == 0, result.stderr
    storage = json.loads(result.stdout.strip().splitlines()[-1])["storage"]
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    options = storage["OPTIONS"]
    assert options["bucket_name"] == "nscp-uploads"
    assert options["endpoint_url"] == "https://objects.example.org"
    assert options["region_name"] == "eu-west-2"
    # Private files that never replace one another.
    assert options["default_acl"] is None and options["file_overwrite"] is False


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"LEARNINGLOOP_FILE_STORAGE": "s3"}, "needs LEARNINGLOOP_S3_BUCKET"),
        ({"LEARNINGLOOP_FILE_STORAGE": "ftp"}, "must be local or s3, not 'ftp'"),
    ],
)
def test_an_incomplete_storage_choice_stops_the_service_with_a_message(tmp_path, env, message):
    result = _settings(tmp_path, **env)
    assert result.returncode != 0
    assert message in result.stderr


def test_s3_without_its_libraries_says_what_to_install(tmp_path):
    result = _settings(tmp_path, LEARNINGLOOP_FILE_STORAGE="s3", LEARNINGLOOP_S3_BUCKET="b")
    import importlib.util

    if importlib.util.find_spec("storages") and importlib.util.find_spec("boto3"):
        pytest.skip("django-storages and boto3 are installed here")
    assert result.returncode != 0
    assert "requirements-s3.txt" in result.stderr


def test_every_uploaded_file_field_uses_the_configured_storage():
    file_fields = [
        (model.__name__, field.name, field.storage)
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, models.FileField)
    ]
    assert file_fields, "the app stores uploads in FileFields"
    assert [(m, f) for m, f, storage in file_fields if storage is not default_storage] == []


def _registries():
    return {
        "policy": repr(sorted((k, sorted(map(str, v))) for k, v in policy.POLICY.items())),
        "rules": repr(sorted(policy.EXTRA_RULES)) + repr(sorted(policy.STATE_RULES)),
        "navigation": repr([(s.key, [p.url_name for p in s.pages]) for s in navigation.sections()]),
        "panels": repr(sorted(panels._PANELS)),
        "deadlines": repr(sorted(deadlines.REGISTRY)),
    }


@pytest.mark.django_db
def test_requests_do_not_change_what_each_server_holds_in_memory(persona_client):
    """What each server keeps in memory is filled from code when the apps load: serving pages to different
    people leaves it exactly as it was, so two servers never disagree."""
    before = _registries()
    for persona in ("bu_admin", "agency_lead", "read_only"):
        client = persona_client(persona)
        for name in (
            "home",
            "learning:activity_list",
            "improvement:action_list",
            "dissemination:request_list",
        ):
            assert client.get(reverse(name)).status_code == 200
    assert _registries() == before
