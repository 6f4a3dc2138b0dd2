from django.apps import AppConfig


class PerformanceConfig(AppConfig):
    name = "learningloop.performance"
    label = "performance"
