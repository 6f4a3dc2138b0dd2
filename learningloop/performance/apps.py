from django.apps import AppConfig


class PerformanceConfig(AppConfig):
    name = "learningloop.performance"
    label = "performance"

    def ready(self):
        from auditlog.registry import auditlog

        from learningloop.core import navigation, presets

        from . import deadline_kinds, imports, models  # noqa: F401 - imports registers the file kind
        from .preset import indicators_load

        navigation.register_page(
            "impact", "Dashboard", "performance:dashboard", "impact.view", "/impact/", order=10
        )
        navigation.register_page(
            "impact",
            "Indicators",
            "performance:indicator_list",
            "impact.view",
            ("/impact/indicators/", "/impact/values/"),
            order=20,
        )
        navigation.register_page(
            "impact", "Late returns", "performance:late_list", "impact.view", "/impact/late/", order=40
        )
        navigation.register_page(
            "impact",
            "Agency contribution",
            "performance:contribution_list",
            "impact.view",
            "/impact/agencies/",
            order=50,
        )
        presets.register(indicators_load)
        from .contribution.figures import register_figures

        register_figures()
        deadline_kinds.register()
        from learningloop.core.reminders import register_daily_run

        from .schedule import run_computed_values, run_data_dues

        register_daily_run("Data returns owed", run_data_dues)
        register_daily_run("Computed indicator values", run_computed_values)
        for model in (models.Indicator, models.Submission, models.Story, models.ImpactEvidence):
            auditlog.register(model, exclude_fields=["version"])
