from django.apps import AppConfig


class ImprovementConfig(AppConfig):
    name = "learningloop.improvement"
    label = "improvement"

    def ready(self):
        self.register_home_and_navigation()
        from auditlog.registry import auditlog

        from . import models

        for model in models.AUDITED:
            auditlog.register(model, exclude_fields=["version"])

        from . import deadline_kinds

        deadline_kinds.register()

    def register_home_and_navigation(self):
        from learningloop.core import navigation, panels

        from . import attention

        navigation.register_page(
            "practice", "Actions", "improvement:action_list", "actions.view", "/actions/", order=30
        )
        panels.register(
            panels.HomePanel(
                key="improvement.agency_actions",
                order=30,
                template="improvement/_home_actions.html",
                context=attention.agency_actions,
                applies=attention.agency_panel_applies,
            )
        )
        panels.register(
            panels.HomePanel(
                key="improvement.partnership_actions",
                order=30,
                template="improvement/_home_actions.html",
                context=attention.partnership_actions,
                applies=attention.partnership_panel_applies,
            )
        )
