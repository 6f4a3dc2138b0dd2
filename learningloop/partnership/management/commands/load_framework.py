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
        report = preset_load()  # with the areas' own parts, registered in core.presets
        self.stdout.write(report.summary())
