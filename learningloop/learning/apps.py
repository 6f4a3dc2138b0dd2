from django.apps import AppConfig


def _install_finding_search(sender, using, **kwargs):
    """The findings' full-text index (ADR 0024): created after every migrate, safe to repeat."""
    from .recurrence.search import install

    install(using)


class LearningConfig(AppConfig):
    name = "learningloop.learning"
    label = "learning"

    def ready(self):
        self.register_home_and_navigation()
        from django.db.models.signals import post_migrate

        post_migrate.connect(_install_finding_search, sender=self)
        from learningloop.core import presets

        from .preset import preset_part

        presets.register(preset_part)
        from auditlog.registry import auditlog

        from . import models

        auditlog.register(models.Theme, exclude_fields=["version"])
        auditlog.register(models.Priority, exclude_fields=["version"])
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
            exclude_fields=["version"],
        )
        auditlog.register(models.MonitoringEntry)
        auditlog.register(models.DeadlineRule, exclude_fields=["version"])
        auditlog.register(models.SummaryOfLearning, exclude_fields=["version"])
        auditlog.register(models.KeyMessage, m2m_fields={"audiences", "workforce_groups"})
        auditlog.register(models.RecurrenceMark)

        from . import deadline_kinds

        deadline_kinds.register()

    def register_home_and_navigation(self):
        from learningloop.core import navigation, panels
        from learningloop.core.policy import can

        from .attention import attention_now

        learning = "/learning/"
        register = tuple(
            learning + p + "/" for p in ("activities", "documents", "findings", "themes", "priorities")
        )
        navigation.register_page(
            "learning", "Learning register", "learning:activity_list", "learning.view", register, order=10
        )
        navigation.register_page(
            "learning",
            "Case reviews",
            "learning:review_list",
            "review.view",
            ("/learning/reviews/", "/learning/deadlines/"),
            order=20,
        )
        navigation.register_page(
            "learning",
            "Summaries of learning",
            "learning:summary_list",
            "summary.view",
            "/learning/summaries/",
            order=30,
        )
        panels.register(
            panels.HomePanel(
                key="learning.attention",
                order=10,
                template="learning/_home_attention.html",
                context=lambda user: {"attention": attention_now()},
                applies=lambda user: can(user, "learning.manage"),
            )
        )
