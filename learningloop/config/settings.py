"""Learning Loop settings. Every value that differs between machines comes from an environment
variable (documented in docs/configuration.md); the defaults suit a developer's machine.
Production uses learningloop.config.production, which insists on the secure values."""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from .env import env_bool, env_int, env_list, env_str
from .mailers import mailers_from_env

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env_str("LEARNINGLOOP_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DJANGO_DEBUG", True)
SECRET_KEY = env_str("DJANGO_SECRET_KEY", "insecure-development-key-never-use-in-production")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "learningloop.core",
    "learningloop.accounts",
    "learningloop.partnership",
    "learningloop.learning",
    "learningloop.dissemination",
    "learningloop.improvement",
    "learningloop.performance",
    "learningloop.assurance",
    "learningloop.workforce",
    "learningloop.governance",
    "learningloop.reports",
    "learningloop.website",
    "learningloop.api",
    # Demo data and the large-partnership generator (seed_demo, generate_large_partnership); production.py
    # removes it.
    "learningloop.devdata",
    "learningloop.accounts.admin_site.LearningLoopAdminConfig",  # Django's admin, signing in via allauth
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.microsoft",
    "django_htmx",
    "django_tasks_db",
    "auditlog",
    "rest_framework",
    "drf_spectacular",
    "django_filters",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "learningloop.accounts.middleware.SessionIdleTimeoutMiddleware",  # before MFA: idle sessions end first
    "learningloop.accounts.middleware.RequireMultiFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "learningloop.core.audit.AuditlogMiddleware",
    "learningloop.workforce.practitioners.middleware.PractitionerConfinementMiddleware",  # ADR 0020
    "learningloop.core.spreadsheets.ExportRequestMiddleware",  # large downloads built by the worker, ADR 0038
]

ROOT_URLCONF = "learningloop.config.urls"
WSGI_APPLICATION = "learningloop.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "learningloop" / "jinja2"],
        "APP_DIRS": True,
        "OPTIONS": {
            "environment": "learningloop.core.jinja.environment",
            "context_processors": [
                "django.template.context_processors.csp",
                "django.contrib.messages.context_processors.messages",
                "learningloop.core.context_processors.layout",
                "learningloop.partnership.context_processors.partnership",
            ],
        },
    },
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "learningloop" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'learningloop.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", "timeout": 20}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"

# django-allauth: email and password, no self sign-up, MFA by authenticator app with recovery codes.
ACCOUNT_ADAPTER = "learningloop.accounts.adapters.AccountAdapter"
ACCOUNT_FORMS = {"login": "learningloop.accounts.forms.LoginForm"}
SOCIALACCOUNT_ADAPTER = "learningloop.accounts.adapters.SocialAccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = True
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_RATE_LIMITS = {
    "login_failed": env_str("LOGIN_FAILED_RATE_LIMIT", "10/m/ip,5/5m/key"),
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env_str("MFA_TOTP_ISSUER", "Learning Loop")
# Roles that must have an authenticator app before they can use the service (comma-separated role codes,
# or * for every user whatever their roles: the production default).
MFA_REQUIRED_ROLES = env_list("MFA_REQUIRED_ROLES", ["bu_admin", "bu_officer", "group_chair"])
# Anyone who may see restricted details (for example a CSPR Panel member) must use MFA too.
MFA_REQUIRED_FOR_RESTRICTED = env_bool("MFA_REQUIRED_FOR_RESTRICTED", True)

# --- Sign-in security: every way in goes through allauth's sign-in with MFA (ADR 0013) ---------------
# Django's admin site at /django-admin/ (its login page leads to allauth's sign-in; staff need a session that
# passed MFA). On by default for development only: production.py switches it off unless asked for.
DJANGO_ADMIN_ENABLED = env_bool("DJANGO_ADMIN_ENABLED", True)
# -------------------------------------------------------------------------------------------------------

# Microsoft Entra ID single sign-on, switched on by setting ENTRA_CLIENT_ID (see docs/configuration.md).
ENTRA_CLIENT_ID = env_str("ENTRA_CLIENT_ID", "")
SOCIALACCOUNT_ONLY = False
SOCIALACCOUNT_AUTO_SIGNUP = False
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True
SOCIALACCOUNT_PROVIDERS = {}
if ENTRA_CLIENT_ID:
    SOCIALACCOUNT_PROVIDERS["microsoft"] = {
        "APPS": [
            {
                "client_id": ENTRA_CLIENT_ID,
                "secret": env_str("ENTRA_CLIENT_SECRET"),
                # "openid" adds an id token, whose amr claim says whether Entra ID did MFA (ADR 0013).
                "settings": {"tenant": env_str("ENTRA_TENANT_ID"), "scope": ["openid", "User.Read"]},
            }
        ]
    }

# --- Single sign-on and MFA (ADR 0013) ------------------------------------------------------------------
# An Entra ID sign-in counts as MFA only when its id token's amr claim says "mfa", or when this is true: the
# partnership declares that its Entra ID (Conditional Access) always enforces MFA for this app. Otherwise
# Entra ID users also give the code from their authenticator app here.
ENTRA_ENFORCES_MFA = env_bool("ENTRA_ENFORCES_MFA", False)
# -------------------------------------------------------------------------------------------------------

SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 60 * 60)
# --- Inactivity timeout (ADR 0013) -----------------------------------------------------------------------
# Signed out after this many minutes without a request (server-side); the page warns 2 minutes before.
# SESSION_COOKIE_AGE above stays the longest a session can last, however active.
SESSION_IDLE_TIMEOUT_MINUTES = env_int("SESSION_IDLE_TIMEOUT_MINUTES", 30)
if SESSION_IDLE_TIMEOUT_MINUTES < 5:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("SESSION_IDLE_TIMEOUT_MINUTES must be at least 5.")
# -------------------------------------------------------------------------------------------------------
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "build" / "static"]
WHITENOISE_ROOT = BASE_DIR / "build" / "root"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
MEDIA_ROOT = Path(env_str("LEARNINGLOOP_MEDIA_ROOT", str(VAR_DIR / "uploads")))
# --- Where uploaded files live (docs/deployment.md, ADR 0026) -----------------------------------------
# Every read and write of an uploaded file goes through Django's default storage: a local folder (MEDIA_ROOT)
# unless LEARNINGLOOP_FILE_STORAGE=s3 puts them in an S3-compatible bucket (django-storages, installed from
# requirements-s3.txt), so several app servers and workers see the same files. Credentials come the way boto3
# finds them (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, or the machine's role); nothing is public.
FILE_STORAGE = env_str("LEARNINGLOOP_FILE_STORAGE", "local").strip().lower()
if FILE_STORAGE == "s3":
    import importlib.util

    _bucket = env_str("LEARNINGLOOP_S3_BUCKET", "")
    if not _bucket:
        raise ImproperlyConfigured("LEARNINGLOOP_FILE_STORAGE=s3 needs LEARNINGLOOP_S3_BUCKET.")
    if importlib.util.find_spec("storages") is None or importlib.util.find_spec("boto3") is None:
        raise ImproperlyConfigured(
            "LEARNINGLOOP_FILE_STORAGE=s3 needs django-storages and boto3: pip install -r requirements-s3.txt"
        )
    _s3_options = {
        "bucket_name": _bucket,
        "endpoint_url": env_str("LEARNINGLOOP_S3_ENDPOINT_URL", "") or None,
        "region_name": env_str("LEARNINGLOOP_S3_REGION", "") or None,
        "location": env_str("LEARNINGLOOP_S3_PREFIX", ""),
        "default_acl": None,  # the bucket's own (private) policy; files are served only through the app
        "file_overwrite": False,  # a name already taken gets a new one, never replaces someone's file
        "querystring_auth": True,
    }
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": _s3_options}
elif FILE_STORAGE != "local":
    raise ImproperlyConfigured(f"LEARNINGLOOP_FILE_STORAGE must be local or s3, not {FILE_STORAGE!r}.")
# ----------------------------------------------------------------------------------------------------------
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# Email: how it leaves the service (SMTP, GOV.UK Notify or the console), from EMAIL_BACKEND and the
# EMAIL_* / NOTIFY_* variables (config/mailers.py, docs/configuration.md). Django 6.1's MAILERS setting
# replaces the deprecated EMAIL_BACKEND/EMAIL_HOST/... settings; the environment variables keep their names.
MAILERS = mailers_from_env(default="console")
# The address of the service as people reach it, for links in emails (no trailing slash).
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# The hour (local time, 0-23) at which the worker sends each morning's reminders (core.tasks).
REMINDERS_HOUR = env_int("REMINDERS_HOUR", 7)
if not 0 <= REMINDERS_HOUR <= 23:
    raise ImproperlyConfigured("REMINDERS_HOUR must be an hour from 0 to 23")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Learning Loop <learning-loop@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

AUDITLOG_DISABLE_REMOTE_ADDR = False
AUDITLOG_INCLUDE_ALL_MODELS = False

# Network trust, shared throttles and upload scanning (docs/configuration.md, ADR 0015).
# Behind the reverse proxy every request comes from the proxy's address: trust the last
# ALLAUTH_TRUSTED_PROXY_COUNT entries of X-Forwarded-For (the proxies' own), never more, so sign-in throttles
# and the audit trail see the person's address and a client cannot choose it. 0 (the default) trusts no
# header at all. Throttles live in a cache every worker shares (Django's database cache unless another is
# configured), so they hold across workers and restarts; `manage.py createcachetable` makes its table.
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("ALLAUTH_TRUSTED_PROXY_COUNT", 0)
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = env_str("ALLAUTH_TRUSTED_CLIENT_IP_HEADER", "") or None
if ALLAUTH_TRUSTED_PROXY_COUNT < 0:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("ALLAUTH_TRUSTED_PROXY_COUNT must be 0 or more.")
CACHES = {
    "default": {
        "BACKEND": env_str("DJANGO_CACHE_BACKEND", "django.core.cache.backends.db.DatabaseCache"),
        "LOCATION": env_str("DJANGO_CACHE_LOCATION", "learningloop_cache"),
    }
}
# Uploads are scanned by ClamAV's daemon when CLAMAV_SOCKET names its socket (a unix socket path, or
# tcp://host:port); a file is then refused if the scan finds something, fails or cannot reach the daemon.
# Empty (the default) scans nothing; the structural checks in core.uploads run either way.
CLAMAV_SOCKET = env_str("CLAMAV_SOCKET", "")
CLAMAV_TIMEOUT = env_int("CLAMAV_TIMEOUT", 30)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # WeasyPrint reports each step of every PDF ("weasyprint.progress") and each SVG presentation
        # attribute of a chart that its CSS parser ignores: hundreds of lines a document, none actionable.
        # Its errors still reach the log.
        "weasyprint": {"level": env_str("WEASYPRINT_LOG_LEVEL", "ERROR")},
        "weasyprint.progress": {"level": env_str("WEASYPRINT_LOG_LEVEL", "ERROR")},
    },
}

# --- Practitioners' self-registration for training (ADR 0020) -----------------------------------------
# Sign-up is open to practitioners only, with a work email at a domain the business unit approved; allauth's
# email confirmation is mandatory for them (ACCOUNT_EMAIL_VERIFICATION above stays "none" for partnership
# staff, whose accounts the business unit sets up). The adapter extends accounts.adapters.AccountAdapter.
ACCOUNT_ADAPTER = "learningloop.workforce.practitioners.adapters.PractitionerAccountAdapter"
ACCOUNT_FORMS["signup"] = "learningloop.workforce.practitioners.forms.PractitionerSignupForm"
ACCOUNT_EMAIL_CONFIRMATION_HMAC = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_RATE_LIMITS["signup"] = env_str("SIGNUP_RATE_LIMIT", "20/m/ip")
# -------------------------------------------------------------------------------------------------------

# Imports of CSV and Excel files (core.imports): a file with more rows than this is checked and saved by
# the background worker, with a progress page; a file with more than IMPORT_MAX_ROWS rows is refused.
IMPORT_BACKGROUND_ROWS = env_int("IMPORT_BACKGROUND_ROWS", 2000)
# A CSV or Excel download with more rows than this is built by the background worker (ADR 0038).
SPREADSHEET_BACKGROUND_ROWS = env_int("SPREADSHEET_BACKGROUND_ROWS", 2000)
# Files built that way (and their records) are deleted by the daily run this many days after they are built.
SPREADSHEET_EXPORT_KEEP_DAYS = env_int("SPREADSHEET_EXPORT_KEEP_DAYS", 7)
IMPORT_MAX_ROWS = env_int("IMPORT_MAX_ROWS", 200000)

# --- The data feed for analysts (learningloop.api, ADR 0036) -------------------------------------------
# A read-only JSON API (Django REST framework) authenticated only by personal access tokens sent as
# `Authorization: Bearer <token>`: sessions never authenticate it, so it has no CSRF surface. Each token is
# rate-limited by its user on the shared database cache (CACHES["default"]); over the limit is a 429.
API_TOKEN_MAX_DAYS = env_int("API_TOKEN_MAX_DAYS", 366)
API_RATE_LIMIT = env_str("API_RATE_LIMIT", "1200/hour")
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["learningloop.api.feed.authentication.AccessTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "learningloop.api.feed.paging.FeedPagination",
    "PAGE_SIZE": 100,
    "DEFAULT_THROTTLE_CLASSES": ["learningloop.api.feed.paging.FeedRateThrottle"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "COERCE_DECIMAL_TO_STRING": False,  # numbers stay numbers for Power BI and Excel
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Learning Loop data feed",
    "DESCRIPTION": "Read-only data for analysts: the dataset, improvement actions, key messages with their "
    "loop status, and deadlines. Each token sees what its user sees on the pages.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "SERVE_AUTHENTICATION": ["learningloop.api.feed.authentication.AccessTokenAuthentication"],
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
}
# -------------------------------------------------------------------------------------------------------

# Surveys' answer forms at /have-your-say/ (assurance.surveys): answers sent from one client address
# (core.audit.client_ip, as the sign-in throttles see it) are limited through django-allauth's rate limiter
# in the shared cache: every form sent counts, and the next one over the limit gets a plain 429 page. The
# default lets a class of 30 on one school network answer within 10 minutes.
ACCOUNT_RATE_LIMITS["survey_response"] = env_str("SURVEY_RATE_LIMIT", "30/10m/ip")

# The partners' yearly report (reports.yearly, ADR 0035): the month its reporting year starts (4: April to
# March, the financial year English public bodies report in; 9 would be September to August).
YEARLY_REPORT_START_MONTH = env_int("YEARLY_REPORT_START_MONTH", 4)
if not 1 <= YEARLY_REPORT_START_MONTH <= 12:
    raise ValueError("YEARLY_REPORT_START_MONTH must be a month number from 1 to 12")
