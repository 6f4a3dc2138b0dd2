from django.apps import AppConfig


class PartnershipConfig(AppConfig):
    name = "learningloop.partnership"
    label = "partnership"

    def ready(self):
        from auditlog.registry import auditlog

        from . import models

        for model in (
            models.Partnership,
            models.Agency,
            models.Person,
            models.Group,
            models.Membership,
            models.LearningSourceType,
            models.DisseminationMethod,
            models.MonitoringProcess,
            models.AudienceGroup,
        ):
            auditlog.register(model, m2m_fields={"deputies"} if model is models.Membership else None)

        from . import deadline_kinds

        deadline_kinds.register()
