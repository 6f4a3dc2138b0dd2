"""Assurance: multi-agency and single-agency audits, the Section 11 and Section 175/157 self-assessment
cycle, surveys, complaints and compliments, agencies' own learning.
"""

from django.apps import AppConfig


class AssuranceConfig(AppConfig):
    name = "learningloop.assurance"
    label = "assurance"

    def ready(self):
        from auditlog.registry import auditlog

        from learningloop.core import navigation, presets

        from . import deadline_kinds, models
        from .preset import preset_load

        presets.register(preset_load)  # the Section 11 and 175/157 standards, part of load_framework

        for model in models.AUDITED:
            auditlog.register(model, exclude_fields=["version"])
        deadline_kinds.register()
        from .feedback import imports as feedback_imports

        feedback_imports.register()  # complaints and compliments from a file (core.imports)
        from .selfassessment.figures import register_figures

        register_figures()  # Section 11 returns on time, on the agency contribution scorecard
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
        navigation.register_page(
            "impact",
            "You said, we did",
            "assurance:yswd_list",
            "assurance.view",
            "/assurance/you-said-we-did/",
            order=45,
        )
        from .publishing import register_kind

        register_kind()  # "You said, we did" on the public learning hub (core.publishing)
        from learningloop.core.reminders import register_daily_run

        from .evidence.services import survey_evidence_update

        def run_survey_evidence(today) -> int:
            """Survey evidence of impact worked out again daily (survey writes do it too); no email."""
            survey_evidence_update(today)
            return 0

        register_daily_run("Survey evidence of impact", run_survey_evidence)
        navigation.register_page(
            "impact", "Surveys", "assurance:survey_list", "surveys.view", "/assurance/surveys/", order=44
        )
        from .surveys import imports as survey_imports
        from .surveys.urls import PUBLIC_PREFIX

        survey_imports.register()  # responses from a CSV or Excel file, through core.imports
        navigation.open_to_practitioners(PUBLIC_PREFIX)  # practitioners answer surveys too
