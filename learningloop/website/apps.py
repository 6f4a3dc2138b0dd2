from django.apps import AppConfig


class WebsiteConfig(AppConfig):
    name = "learningloop.website"
    label = "website"
    verbose_name = "Public learning hub"

    def ready(self):
        from auditlog.registry import auditlog

        from learningloop.core import navigation

        from . import models
        from .publishing import kinds, reach

        for model in (models.Publication, models.PublicationCheck):
            auditlog.register(model, exclude_fields=["version", "search_text"])
        kinds.register()
        reach.register()
        # The hub is public: a practitioner reads it as anyone may; its publishing pages under
        # /publications/manage/ refuse them by policy.
        navigation.open_to_practitioners("/publications/")
        navigation.register_page(
            "learning",
            "Publications",
            "website:manage_list",
            "website.manage",
            "/publications/manage/",
            order=90,
        )
