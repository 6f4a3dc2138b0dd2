"""The container image (Dockerfile) and the production-shaped install (compose.yaml, deploy/Caddyfile) parse,
have the shape docs/deployment.md promises, and speak the same language as docs/configuration.md: every
variable they give the app is documented there, and every variable production requires is set.

The CI has no container runtime, so nothing is built or started here: the files are read as text/YAML."""

import re
from pathlib import Path

import pytest
import yaml

BASE_DIR = Path(__file__).resolve().parents[3]
APP_SERVICES = ("app1", "app2", "worker", "migrate")
# Written from docs/configuration.md and docs/deployment.md: what a production install cannot go without.
REQUIRED_IN_PRODUCTION = {
    "DJANGO_SETTINGS_MODULE",  # the production settings
    "DJANGO_SECRET_KEY",  # **Required in production**
    "DJANGO_ALLOWED_HOSTS",  # **Required in production**
    "DATABASE_URL",  # PostgreSQL, not the SQLite default
    "SITE_URL",  # links in emails
    "ALLAUTH_TRUSTED_PROXY_COUNT",  # behind the reverse proxy
    "LEARNINGLOOP_MEDIA_ROOT",  # uploads on the shared volume
}
WEASYPRINT_LIBRARIES = {"libpango-1.0-0", "libpangoft2-1.0-0", "libharfbuzz-subset0"}


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((BASE_DIR / "compose.yaml").read_text())


@pytest.fixture(scope="module")
def dockerfile():
    text = (BASE_DIR / "Dockerfile").read_text()
    joined = re.sub(r"\\\n", " ", text)  # continuation lines become one instruction
    lines = [line.strip() for line in joined.splitlines()]
    return [line for line in lines if line and not line.startswith("#")]


def documented_variables() -> set[str]:
    """The variables named in the first column of docs/configuration.md's table."""
    names = set()
    for line in (BASE_DIR / "docs" / "configuration.md").read_text().splitlines():
        if line.startswith("| `"):
            first_cell = line.split("|")[1]
            names.update(re.findall(r"`([A-Z][A-Z0-9_]+)`", first_cell))
    return names


def _final_stage(instructions):
    starts = [i for i, line in enumerate(instructions) if line.upper().startswith("FROM ")]
    return instructions[starts[-1] :]


def test_the_configuration_table_is_found():
    assert {"DJANGO_SECRET_KEY", "DATABASE_URL", "LEARNINGLOOP_FILE_STORAGE"} <= documented_variables()


def test_the_image_runs_gunicorn_as_a_user_who_is_not_root(dockerfile):
    final = _final_stage(dockerfile)
    users = [line.split(None, 1)[1].split(":")[0] for line in final if line.upper().startswith("USER ")]
    assert users, "the image names a USER"
    assert users[-1] not in {"root", "0"}
    cmd = next(line for line in reversed(final) if line.upper().startswith("CMD "))
    assert "gunicorn" in cmd and "learningloop.config.wsgi" in cmd
    # The user is made by the image and CMD comes after the last USER.
    assert any("useradd" in line and users[-1] in line for line in final)
    assert final.index(cmd) > max(i for i, line in enumerate(final) if line.upper().startswith("USER "))


def test_the_image_has_weasyprints_libraries_and_collects_static_files_at_build(dockerfile):
    final = " ".join(_final_stage(dockerfile))
    installed = set(re.findall(r"[a-z0-9][a-z0-9.+-]+", final))
    assert installed >= WEASYPRINT_LIBRARIES
    assert "postgresql-client" in installed  # manage.py backup / restore in the container
    assert "collectstatic" in final
    assert "HEALTHCHECK" in final and "scripts/healthcheck.py" in final
    assert "/healthz" in (BASE_DIR / "scripts" / "healthcheck.py").read_text()


def test_every_variable_the_image_sets_is_documented(dockerfile):
    env_lines = [line[4:] for line in _final_stage(dockerfile) if line.upper().startswith("ENV ")]
    names = {name for line in env_lines for name in re.findall(r"([A-Z][A-Z0-9_]+)=", line)}
    ours = {n for n in names if not n.startswith(("PYTHON", "PIP_"))}
    assert ours and ours <= documented_variables(), sorted(ours - documented_variables())


def test_compose_starts_postgresql_two_app_servers_a_worker_and_a_reverse_proxy(compose):
    services = compose["services"]
    assert services["db"]["image"].startswith("postgres:")
    app_servers = [name for name, s in services.items() if "command" not in s and s.get("build") == "."]
    assert sorted(app_servers) == ["app1", "app2"]  # the image's CMD: gunicorn
    assert services["worker"]["command"][:3] == ["python", "manage.py", "db_worker"]
    proxy = services["proxy"]
    assert proxy["image"].startswith("caddy:")
    assert "./deploy/Caddyfile:/etc/caddy/Caddyfile:ro" in proxy["volumes"]
    # The proxy publishes on loopback only, and waits for healthy app servers.
    assert all(port.startswith("127.0.0.1:") for port in proxy["ports"])
    assert proxy["depends_on"] == {name: {"condition": "service_healthy"} for name in ("app1", "app2")}


def test_the_app_servers_and_the_proxy_check_healthz(compose):
    for name in ("app1", "app2"):
        check = compose["services"][name]["healthcheck"]
        assert check["test"] == ["CMD", "python", "scripts/healthcheck.py"]
    caddyfile = (BASE_DIR / "deploy" / "Caddyfile").read_text()
    assert re.search(r"reverse_proxy\s+app1:8000\s+app2:8000", caddyfile)
    assert "health_uri /healthz" in caddyfile


def test_the_app_servers_and_worker_share_the_uploads_and_wait_for_migrations(compose):
    services = compose["services"]
    for name in ("app1", "app2", "worker"):
        assert "uploads:/data/uploads" in services[name]["volumes"]
        assert services[name]["depends_on"]["migrate"] == {"condition": "service_completed_successfully"}
        assert services[name]["environment"]["LEARNINGLOOP_MEDIA_ROOT"] == "/data/uploads"
    assert "migrate --no-input" in " ".join(services["migrate"]["command"])


@pytest.mark.parametrize("service", APP_SERVICES)
def test_every_variable_compose_gives_the_app_is_documented(compose, service):
    names = set(compose["services"][service]["environment"])
    assert names - documented_variables() == set()


@pytest.mark.parametrize("service", APP_SERVICES)
def test_every_variable_production_requires_is_set(compose, service):
    environment = compose["services"][service]["environment"]
    assert REQUIRED_IN_PRODUCTION - set(environment) == set()
    assert environment["DJANGO_SETTINGS_MODULE"] == "learningloop.config.production"
    assert environment["DATABASE_URL"].startswith("postgres://")


def test_every_value_compose_asks_of_the_operator_is_explained():
    """The ${...} values come from the operator's .env: each is in deploy/example.env or configuration.md."""
    asked = set(re.findall(r"\$\{([A-Z][A-Z0-9_]+)", (BASE_DIR / "compose.yaml").read_text()))
    example = set(re.findall(r"^([A-Z][A-Z0-9_]+)=", (BASE_DIR / "deploy" / "example.env").read_text(), re.M))
    assert asked - (documented_variables() | example) == set()
    # The two secrets have no default: compose stops with a message when they are missing.
    text = (BASE_DIR / "compose.yaml").read_text()
    assert "${DJANGO_SECRET_KEY:?" in text and "${POSTGRES_PASSWORD:?" in text
