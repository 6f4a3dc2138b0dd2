from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "learningloop.reports"
    label = "reports"

    def ready(self):
        from learningloop.core import navigation

        navigation.register_page(
            "practice", "Learning trail", "reports:trail_index", "trail.view", "/trail/", order=40
        )
        self.register_home_panel()

    def register_home_panel(self):
        """The business unit sees how many key messages are at each stage of the loop, evidenced last."""
        from learningloop.core import panels
        from learningloop.core.policy import BUSINESS_UNIT, has_any_role

        from . import trail

        panels.register(
            panels.HomePanel(
                key="reports.loop_stages",
                order=35,
                template="reports/_home_stages.html",
                context=trail.stage_counts,
                applies=lambda user: has_any_role(user, BUSINESS_UNIT),
            )
        )
