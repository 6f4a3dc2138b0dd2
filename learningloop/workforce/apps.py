from django.apps import AppConfig


class WorkforceConfig(AppConfig):
    name = "learningloop.workforce"
    label = "workforce"
