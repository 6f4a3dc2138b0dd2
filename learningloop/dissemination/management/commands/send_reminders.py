"""Send the reminders that are due today. Run it once a day (cron or a systemd timer); running it more
often is harmless, because each reminder is sent once through the reminder ledger.

Later issues add their reminder functions to REMINDERS."""

from importlib import import_module

from django.core.management.base import BaseCommand

# (label, "module:function") — each function takes today=None and returns how many reminders it sent.
REMINDERS = [
    ("Responses to requests to agencies", "learningloop.dissemination.reminders:send_response_reminders"),
]


def _load(target):
    module, name = target.split(":")
    return getattr(import_module(module), name)


def run_all(today=None) -> dict[str, int]:
    return {label: _load(target)(today=today) for label, target in REMINDERS}


class Command(BaseCommand):
    help = "Send the reminders due today (each reminder is sent once, however often this runs)"

    def handle(self, *args, **options):
        for label, count in run_all().items():
            self.stdout.write(f"{label}: {count} reminder{'s' if count != 1 else ''} queued")
