from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "learningloop.reports"
    label = "reports"
