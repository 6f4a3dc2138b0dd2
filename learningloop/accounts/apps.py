from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "learningloop.accounts"
    label = "accounts"

    def ready(self):
        from auditlog.registry import auditlog

        from . import mfa  # noqa: F401  (connects the authenticator_added and _removed receivers)
        from .models import User

        auditlog.register(User, exclude_fields=["password", "last_login"])
