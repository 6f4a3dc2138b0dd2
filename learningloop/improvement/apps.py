from django.apps import AppConfig


class ImprovementConfig(AppConfig):
    name = "learningloop.improvement"
    label = "improvement"

    def ready(self):
        from auditlog.registry import auditlog

        from . import models

        for model in models.AUDITED:
            auditlog.register(model, exclude_fields=["version"])

        from . import deadline_kinds

        deadline_kinds.register()
