from django.apps import AppConfig


class PartnershipConfig(AppConfig):
    name = "learningloop.partnership"
    label = "partnership"

    def ready(self):
        self.register_home_and_navigation()
        from auditlog.registry import auditlog

        from . import models

        for model in (
            models.Partnership,
            models.Agency,
            models.Person,
            models.Group,
            models.Membership,
            models.LearningSourceType,
            models.DisseminationMethod,
            models.MonitoringProcess,
            models.AudienceGroup,
        ):
            auditlog.register(
                model,
                m2m_fields={"deputies"} if model is models.Membership else None,
                exclude_fields=["version"] if model is not models.Partnership else None,
            )

        from . import deadline_kinds

        deadline_kinds.register()

    def register_home_and_navigation(self):
        from learningloop.core import navigation, policy

        from .rules import chairs_or_officers_a_case_review_group, sits_on_a_case_review_group

        # Restricted details: also current members of a group that handles case reviews (the CSPR Panel) see
        # them; its chair, deputy chair and officers may also change them (ADR 0012).
        policy.register_rule("restricted.view", sits_on_a_case_review_group)
        policy.register_rule("restricted.change", chairs_or_officers_a_case_review_group)
        for order, page in enumerate(
            [
                ("governance", "Agencies", "partnership:agency_list", "/partnership/agencies/"),
                ("people", "People", "partnership:person_list", "/partnership/people/"),
                (
                    "governance",
                    "Groups",
                    "partnership:group_list",
                    ("/partnership/groups/", "/partnership/memberships/"),
                ),
                ("governance", "Framework", "partnership:framework", "/partnership/framework/"),
            ]
        ):
            section, text, name, prefixes = page
            action = "framework.view" if name.endswith("framework") else "partnership.view"
            navigation.register_page(section, text, name, action, prefixes, order=order * 10)
