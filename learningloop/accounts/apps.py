from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "learningloop.accounts"
    label = "accounts"

    def ready(self):
        self.register_home_and_navigation()
        from auditlog.registry import auditlog

        from . import checks, mfa, session_timeout  # noqa: F401  (registers checks; connects receivers)
        from .models import User

        auditlog.register(User, exclude_fields=["password", "last_login", "version"])

    def register_home_and_navigation(self):
        from learningloop.core import navigation

        # Practitioners manage their own account; the user administration stays closed to them.
        navigation.open_to_practitioners("/accounts/", closed=("/accounts/users/",))
        navigation.register_page(
            "people", "Users", "accounts:user_list", "accounts.manage", "/accounts/users/", order=20
        )
