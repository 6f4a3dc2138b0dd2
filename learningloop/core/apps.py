from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "learningloop.core"
    label = "core"
