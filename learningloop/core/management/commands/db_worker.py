"""django-tasks-db's worker, which first makes sure the morning reminder run is queued, so reminders need
no external cron. With --batch (drain the queue and exit: tests, one-off runs) nothing is scheduled."""

from django_tasks_db.management.commands.db_worker import Command as WorkerCommand

from learningloop.core.tasks import schedule_reminders


class Command(WorkerCommand):
    def handle(self, *args, **options):
        if not options.get("batch"):
            schedule_reminders()
        return super().handle(*args, **options)
