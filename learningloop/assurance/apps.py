"""Assurance: multi-agency and single-agency audits, the Section 11 and Section 175/157 self-assessment
cycle, surveys, complaints and compliments, agencies' own learning.
"""

from django.apps import AppConfig


class AssuranceConfig(AppConfig):
    name = "learningloop.assurance"
    label = "assurance"

    def ready(self):
        from auditlog.registry import auditlog

        from learningloop.core import navigation

        from . import deadline_kinds, models

        for model in models.AUDITED:
            auditlog.register(model, exclude_fields=["version"])
        deadline_kinds.register()
        navigation.register_page(
            "impact",
            "Self-assessment",
            "assurance:cycle_list",
            "assurance.view",
            ("/assurance/self-assessment/", "/assurance/returns/", "/assurance/standards/"),
            order=40,
        )
        navigation.register_page(
            "impact", "Audits", "assurance:audit_list", "assurance.view", "/assurance/audits/", order=41
        )
        navigation.register_page(
            "impact",
            "Agency learning",
            "assurance:contribution_list",
            "assurance.view",
            "/assurance/agency-learning/",
            order=42,
        )
        navigation.register_page(
            "impact",
            "Complaints and compliments",
            "assurance:feedback_list",
            "assurance.view",
            "/assurance/complaints-and-compliments/",
            order=43,
        )

    def load_preset(self) -> str:
        """The assurance part of the framework preset (called by `manage.py load_framework`)."""
        from .preset import preset_load

        return preset_load()
