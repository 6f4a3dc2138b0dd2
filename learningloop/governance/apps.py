"""Governance: meetings, quorum and attendance, the annual work plan, highlight reports, risks, policies and
procedures, learning events.
"""

from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "learningloop.governance"
    label = "governance"

    def ready(self):
        from auditlog.registry import auditlog

        from learningloop.core import navigation, panels

        from . import attention, deadline_kinds, models

        for model in models.AUDITED:
            auditlog.register(model, exclude_fields=["version", "sequence", "updated_at"])
        deadline_kinds.register()
        from .meetings.figures import register_figures

        register_figures()  # LDG attendance, on the agency contribution scorecard
        from .events.figures import register_figures as register_event_figures

        register_event_figures()  # attendees at learning events, on the same scorecard
        from .events import imports

        imports.register()
        for text, url_name, prefix, order in (
            ("Meetings", "governance:meeting_list", "/governance/meetings/", 20),
            ("Work plan", "governance:workplan", "/governance/work-plan/", 22),
            ("Risks and barriers", "governance:risk_list", "/governance/risks/", 23),
            ("Highlight reports", "governance:highlight_list", "/governance/highlight-reports/", 24),
            ("Policies and procedures", "governance:policy_list", "/governance/policies/", 25),
            ("Learning events", "governance:event_list", "/governance/events/", 26),
        ):
            navigation.register_page("governance", text, url_name, "governance.view", prefix, order=order)
        panels.register(
            panels.HomePanel(
                key="governance.meeting_tasks",
                order=35,
                template="governance/_home_tasks.html",
                context=attention.meeting_tasks,
            )
        )
