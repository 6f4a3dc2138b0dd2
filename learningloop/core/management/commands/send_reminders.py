"""Send the reminders that are due today, for every kind of deadline in the registry. The worker runs the
same thing every morning by itself (core.tasks.send_due_reminders); this command is for a catch-up or a
check. Running it more often is harmless: each reminder is sent once through the reminder ledger."""

from django.core.management.base import BaseCommand

from learningloop.core.reminders import send_due_reminders


def run_all(today=None) -> dict[str, int]:
    return send_due_reminders(today=today)


class Command(BaseCommand):
    help = "Send the reminders due today (each reminder is sent once, however often this runs)"

    def handle(self, *args, **options):
        for label, count in run_all().items():
            self.stdout.write(f"{label}: {count} reminder{'s' if count != 1 else ''} queued")
