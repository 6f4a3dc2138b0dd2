from django.apps import AppConfig


class AssuranceConfig(AppConfig):
    name = "learningloop.assurance"
    label = "assurance"
