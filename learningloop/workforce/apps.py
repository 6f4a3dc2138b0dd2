from django.apps import AppConfig


class WorkforceConfig(AppConfig):
    name = "learningloop.workforce"
    label = "workforce"

    def ready(self):
        from auditlog.registry import auditlog

        from learningloop.core import navigation, panels
        from learningloop.core.reminders import register_daily_run

        from . import models
        from .schedule import run_training_schedule

        for model in models.AUDITED:
            if not auditlog.contains(model):
                auditlog.register(model, exclude_fields=["version"])
        # Partnership staff: the programme sits in People.
        navigation.register_page(
            "people", "Training", "workforce:course_list", "training.view", "/training/", order=60
        )
        navigation.open_to_practitioners("/training/")
        # Practitioners have their own sections (ADR 0020): Home (their training), Training, Briefings.
        navigation.register_section("practitioner_training", "Training", 60)
        navigation.register_section("practitioner_briefings", "Briefings", 70)
        navigation.register_page(
            "practitioner_training",
            "Programme",
            "workforce:course_list",
            "training.practitioner",
            ("/training/courses/", "/training/sessions/"),
            order=10,
        )
        navigation.register_page(
            "practitioner_training",
            "Your bookings",
            "workforce:my_training",
            "training.practitioner",
            ("/training/mine/", "/training/bookings/"),
            order=20,
        )
        navigation.register_page(
            "practitioner_briefings",
            "Briefings",
            "workforce:published_briefings",
            "training.practitioner",
            "/training/briefings/",
        )
        register_daily_run("Training programme", run_training_schedule)
        from . import attention

        panels.register(
            panels.HomePanel(
                key="workforce.training",
                order=40,
                template="workforce/_home_training.html",
                context=attention.training_panel,
                applies=attention.panel_applies,
            )
        )
        from .programme.figures import register_figures

        register_figures()  # trainers provided, on the agency contribution scorecard
        from .indicator_sources import register_sources

        register_sources()  # fill rate, non-attendance, confidence, practice change feed the dataset
        from learningloop.accounts.users.services import register_agency_move

        from .tallies import session_tallies_of_practitioners

        # The sessions' tallies are by the practitioner's agency (ADR 0043): a move counts theirs again.
        register_agency_move(session_tallies_of_practitioners)
