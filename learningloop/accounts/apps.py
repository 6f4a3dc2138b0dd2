from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "learningloop.accounts"
    label = "accounts"

    def ready(self):
        from auditlog.registry import auditlog

        from . import checks, mfa, session_timeout  # noqa: F401  (registers checks; connects receivers)
        from .models import User

        auditlog.register(User, exclude_fields=["password", "last_login", "version"])
