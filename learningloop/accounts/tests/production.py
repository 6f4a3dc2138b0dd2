"""The sign-in security values of the PRODUCTION settings, read in a subprocess (the test process already has
the development settings loaded; see core/tests/test_deploy_checks.py), so tests can apply them and check
what a user of the production service would meet."""

import json
import subprocess
import sys

from learningloop.core.tests.test_deploy_checks import BASE_DIR, _production_env

NAMES = [
    "DJANGO_ADMIN_ENABLED",
    "MFA_REQUIRED_ROLES",
    "MFA_REQUIRED_FOR_RESTRICTED",
    "ENTRA_ENFORCES_MFA",
    "SESSION_IDLE_TIMEOUT_MINUTES",
    "SOCIALACCOUNT_PROVIDERS",
]

_SCRIPT = """
import json, django
django.setup()
from django.conf import settings
from django.urls import Resolver404, resolve
values = {name: getattr(settings, name, None) for name in NAMES}
def resolves(path):
    try:
        resolve(path)
        return True
    except Resolver404:
        return False
values["admin_resolves"] = resolves("/django-admin/") or resolves("/django-admin/login/")
print(json.dumps(values))
"""


def production_values(**env):
    """env: extra environment variables (None removes one)."""
    result = subprocess.run(
        [sys.executable, "-c", f"NAMES = {NAMES!r}\n{_SCRIPT}"],
        cwd=BASE_DIR,
        env=_production_env(**env),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])
