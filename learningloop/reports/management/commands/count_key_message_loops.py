"""Count every key message's loop again from the dissemination plans, communications, training, responses
and evidence (ADR 0044): after a data fix made past the services, or to check that nothing drifted. Safe to
repeat; it prints how many stored loops changed."""

from django.core.management.base import BaseCommand

from learningloop.reports.loop import loop_update
from learningloop.reports.models import KeyMessageLoop


class Command(BaseCommand):
    help = "Count every key message's loop status again (after a data fix made past the services)"

    def handle(self, *args, **options):
        before = set(KeyMessageLoop.objects.values_list())
        stored = loop_update()
        after = set(KeyMessageLoop.objects.values_list())
        changed = len({row[0] for row in before ^ after})
        self.stdout.write(f"Key messages past identified: {stored:,}. Changed by this count: {changed:,}.")
