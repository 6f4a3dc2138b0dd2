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
        self.register_yearly_report()
        self.register_loop_update()

    def register_loop_update(self):
        """Every write the areas say touched a key message's loop counts its stored loop again (ADR 0044)."""
        from learningloop.learning.loop import register_loop_update

        from .loop import loop_update

        register_loop_update(loop_update)

    def register_yearly_report(self):
        """The partners' yearly report: its audit trail, a page under Governance, its deadline and its public
        kind."""
        from auditlog.registry import auditlog

        from learningloop.core import navigation

        from . import deadline_kinds, models
        from .yearly import public

        # Who drafted, edited, signed off, withdrew and published is in the audit trail; the snapshot (the
        # stored figures) is written once, at the third sign-off, and stays out of it.
        auditlog.register(models.YearlyReport, exclude_fields=["version", "snapshot"])
        auditlog.register(models.SignOff)
        auditlog.register(models.NextReportDue)

        navigation.register_page(
            "governance", "Yearly report", "yearly:list", "yearly.view", "/yearly-reports/", order=28
        )
        deadline_kinds.register()
        public.register()

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
