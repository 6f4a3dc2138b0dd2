from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "learningloop.core"
    label = "core"

    def ready(self):
        from . import form_safety

        form_safety.install()
        from .database import run_planner_statistics
        from .reminders import register_daily_run
        from .spreadsheets import run_export_clean_up

        register_daily_run("Old spreadsheet exports", run_export_clean_up)
        register_daily_run("Database planner statistics", run_planner_statistics)
