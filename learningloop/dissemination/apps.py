from django.apps import AppConfig


class DisseminationConfig(AppConfig):
    name = "learningloop.dissemination"
    label = "dissemination"

    def ready(self):
        from auditlog.registry import auditlog

        from . import models

        for model in models.AUDITED:
            auditlog.register(model, exclude_fields=["version"])

        from . import deadline_kinds

        deadline_kinds.register()
