from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "learningloop.api"
    label = "api"
    verbose_name = "Data feed for analysts"

    def ready(self):
        from auditlog.registry import auditlog

        from learningloop.core import navigation

        from . import models

        # Creating and revoking a token is on the audit trail; its hash and last use are not.
        auditlog.register(models.AccessToken, exclude_fields=["key_hash", "last_used_at"])
        navigation.register_page(
            "people", "API tokens", "api:token_admin_list", "api.tokens_manage", "/api/tokens/all/", order=90
        )
