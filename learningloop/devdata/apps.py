from django.apps import AppConfig


class DevdataConfig(AppConfig):
    """Demo data and the large-partnership generator: installed for development and tests, never in
    production (learningloop/config/production.py removes it)."""

    name = "learningloop.devdata"
    label = "devdata"
