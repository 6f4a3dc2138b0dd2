from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "learningloop.reports"
    label = "reports"

    def ready(self):
        from learningloop.core import navigation

        navigation.register_page(
            "practice", "Learning trail", "reports:trail_index", "trail.view", "/trail/", order=40
        )
