"""Django's MAILERS setting from environment variables (documented in docs/configuration.md).

EMAIL_BACKEND chooses how email leaves the service: `smtp`, `notify` (GOV.UK Notify), `console` (printed,
for a developer's machine) or `locmem`; a dotted backend path also works. Without EMAIL_BACKEND, setting
NOTIFY_API_KEY chooses Notify."""

from django.core.exceptions import ImproperlyConfigured

from .env import env_bool, env_int, env_str

BACKENDS = {
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "console": "django.core.mail.backends.console.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
    "notify": "learningloop.core.notify.NotifyEmailBackend",
}


def mailers_from_env(default: str) -> dict:
    name = env_str("EMAIL_BACKEND", "notify" if env_str("NOTIFY_API_KEY", "") else default).strip()
    backend = BACKENDS.get(name.lower(), name)
    if "." not in backend:
        raise ImproperlyConfigured(
            f"EMAIL_BACKEND must be one of {', '.join(BACKENDS)} or a backend's dotted path, not {name!r}."
        )
    options = {}
    if backend == BACKENDS["smtp"]:
        options = {
            "host": env_str("EMAIL_HOST", "localhost"),
            "port": env_int("EMAIL_PORT", 25),
            "username": env_str("EMAIL_HOST_USER", ""),
            "password": env_str("EMAIL_HOST_PASSWORD", ""),
            "use_tls": env_bool("EMAIL_USE_TLS", False),
            "use_ssl": env_bool("EMAIL_USE_SSL", False),
            "timeout": env_int("EMAIL_TIMEOUT", 30),
        }
    elif backend == BACKENDS["notify"]:
        options = {
            "api_key": env_str("NOTIFY_API_KEY", ""),
            "template_id": env_str("NOTIFY_TEMPLATE_ID", ""),
            "base_url": env_str("NOTIFY_BASE_URL", "https://api.notifications.service.gov.uk"),
            "email_reply_to_id": env_str("NOTIFY_EMAIL_REPLY_TO_ID", ""),
        }
        if not options["api_key"] or not options["template_id"]:
            raise ImproperlyConfigured("Sending by GOV.UK Notify needs NOTIFY_API_KEY and NOTIFY_TEMPLATE_ID")
    return {"default": {"BACKEND": backend, "OPTIONS": options}}
