from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "learningloop.accounts"
    label = "accounts"

    def ready(self):
        from auditlog.registry import auditlog

        from . import middleware  # noqa: F401  (connects the authenticator_removed receiver)
        from .models import User

        auditlog.register(User, exclude_fields=["password", "last_login", "version"])
