from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "learningloop.learning"
    label = "learning"

    def ready(self):
        from auditlog.registry import auditlog

        from . import models

        auditlog.register(models.Theme)
        auditlog.register(models.Priority)
        auditlog.register(models.WorkforceGroup)
        auditlog.register(
            models.LearningActivity,
            m2m_fields={"provider_agencies", "priorities"},
            exclude_fields=["version"],
        )
        auditlog.register(models.ActivityDocument)
        auditlog.register(models.Finding, m2m_fields={"themes"}, exclude_fields=["version"])
        auditlog.register(models.CaseReview, exclude_fields=["version"])
        # Restricted details: changes are logged without their values, so the trail never repeats them.
        auditlog.register(
            models.ChildDetails,
            mask_fields=["child_name", "date_of_birth", "address", "case_reference"],
            mask_callable="learningloop.core.audit.mask_restricted",
        )
        auditlog.register(models.MonitoringEntry)
        auditlog.register(models.DeadlineRule)
        auditlog.register(models.SummaryOfLearning, exclude_fields=["version"])
        auditlog.register(models.KeyMessage, m2m_fields={"audiences", "workforce_groups"})

        from . import deadline_kinds

        deadline_kinds.register()
