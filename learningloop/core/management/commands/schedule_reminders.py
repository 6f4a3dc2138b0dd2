"""Make sure the worker has the next morning's reminder run queued (the worker does this itself when it
starts; this is for a deployment that wants to be sure, and it is idempotent)."""

from django.core.management.base import BaseCommand

from learningloop.core.tasks import next_reminder_run, schedule_reminders


class Command(BaseCommand):
    help = "Queue the next morning's reminder run unless one is already queued"

    def handle(self, *args, **options):
        if schedule_reminders():
            self.stdout.write(f"Reminders queued for {next_reminder_run():%d %B %Y %H:%M}")
        else:
            self.stdout.write("Reminders were already queued")
