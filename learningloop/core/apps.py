from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "learningloop.core"
    label = "core"

    def ready(self):
        from . import form_safety

        form_safety.install()
