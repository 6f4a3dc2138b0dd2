from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "learningloop.governance"
    label = "governance"
