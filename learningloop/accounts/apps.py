from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "learningloop.accounts"
    label = "accounts"

    def ready(self):
        self.register_home_and_navigation()
        from auditlog.registry import auditlog

        from . import middleware  # noqa: F401  (connects the authenticator_removed receiver)
        from .models import User

        auditlog.register(User, exclude_fields=["password", "last_login"])

    def register_home_and_navigation(self):
        from learningloop.core import navigation

        navigation.register_page(
            "admin", "Users", "accounts:user_list", "accounts.manage", "/accounts/users/", order=20
        )
