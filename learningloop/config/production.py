"""Production settings: the development defaults with every secure option switched on.
The secret key and allowed hosts have no default here: the server will not start without them."""

import os

os.environ.setdefault("DJANGO_DEBUG", "false")

from .env import env_bool, env_int, env_list, env_str  # noqa: E402
from .mailers import mailers_from_env  # noqa: E402
from .settings import *  # noqa: E402,F403

DEBUG = False
# No demo data or generators in production: their commands and modules are not installed.
INSTALLED_APPS = [app for app in INSTALLED_APPS if app != "learningloop.devdata"]  # noqa: F405
SECRET_KEY = env_str("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", [])
if not ALLOWED_HOSTS:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS must list the host names the service answers on.")

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"
MAILERS = mailers_from_env(default="smtp")
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Sign-in security (ADR 0013) -----------------------------------------------------------------------
# The Django admin is off unless DJANGO_ADMIN_ENABLED=true; when on, its login leads to allauth's sign-in.
DJANGO_ADMIN_ENABLED = env_bool("DJANGO_ADMIN_ENABLED", False)
# MFA for every user (OWASP ASVS 5.0 L2). Listing role codes instead relaxes it for the others: a risk to
# record (docs/configuration.md). MFA_REQUIRED_FOR_RESTRICTED stays on from settings.py.
MFA_REQUIRED_ROLES = env_list("MFA_REQUIRED_ROLES", ["*"])
# -------------------------------------------------------------------------------------------------------
