from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "learningloop.accounts"
    label = "accounts"

    def ready(self):
        from auditlog.registry import auditlog

        from . import checks, mfa  # noqa: F401  (registers the checks; connects the MFA receivers)
        from .models import User

        auditlog.register(User, exclude_fields=["password", "last_login"])
