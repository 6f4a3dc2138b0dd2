from django.apps import AppConfig


class DisseminationConfig(AppConfig):
    name = "learningloop.dissemination"
    label = "dissemination"

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
        from learningloop.core.policy import can

        from . import attention

        navigation.register_page(
            "practice",
            "Dissemination",
            "dissemination:plan_list",
            "dissemination.view",
            ("/dissemination/plans/", "/dissemination/communications/", "/dissemination/briefings/"),
            order=10,
        )
        navigation.register_page(
            "practice",
            "Requests to agencies",
            "dissemination:request_list",
            "embedding.view",
            ("/dissemination/requests/", "/dissemination/responses/", "/dissemination/evidence/"),
            order=20,
        )
        panels.register(
            panels.HomePanel(
                key="dissemination.agency_requests",
                order=20,
                template="dissemination/_home_requests.html",
                context=attention.agency_requests_panel,
                applies=lambda user: bool(user.agency_id),
            )
        )
        # On a case review's page: its requests to agencies for information (chronologies for a rapid review).
        panels.register_record_panel(
            panels.RecordPanel(
                key="dissemination.review_information_requests",
                record="learning.CaseReview",
                order=10,
                template="dissemination/_review_information_requests.html",
                context=attention.review_information_requests,
                applies=lambda user: can(user, "embedding.view"),
            )
        )
        panels.register(
            panels.HomePanel(
                key="dissemination.overdue_responses",
                order=25,
                template="dissemination/_home_overdue_responses.html",
                context=attention.overdue_responses_panel,
                applies=lambda user: can(user, "embedding.outstanding"),
            )
        )
