"""`manage.py load_framework`: load the framework preset (safe to repeat; never overwrites edits)."""

from django.core.management.base import BaseCommand

from learningloop.partnership.preset import preset_load


class Command(BaseCommand):
    help = (
        "Load the Learning and Improvement Framework preset (groups and terms of reference, agencies, "
        "LDG seats, learning source types, dissemination methods, monitoring processes, audience "
        "groups). Adds only what is missing, matched by name; existing rows are left as they are."
    )

    def handle(self, *args, **options):
        report = preset_load()
        self.stdout.write(report.summary())
        # Areas above partnership add their own part of the preset (assurance: the Section 11 and 175/157
        # standards) through a `load_preset()` on their AppConfig, so this app imports none of them.
        from django.apps import apps

        for config in apps.get_app_configs():
            if callable(getattr(config, "load_preset", None)):
                self.stdout.write(config.load_preset())
