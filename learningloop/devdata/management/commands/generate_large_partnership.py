"""`manage.py generate_large_partnership`: a fictional large partnership over N years, for the benchmark.

Run on an empty database after `migrate` and `load_framework` (`make bench-large` does all three). The
data-building functions live in learningloop/devdata/large/, one module per domain area.
"""

import random
import time

from dateutil.relativedelta import relativedelta
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from learningloop.core.database import refresh_planner_statistics
from learningloop.devdata import large as largedata
from learningloop.learning.models import LearningActivity
from learningloop.partnership.models import Partnership


class Command(BaseCommand):
    help = (
        "Build a fictional large partnership (about 70 agencies, 500 schools, 3,000 people, 150 users and, "
        "each year, 120 learning activities, 10 case reviews, 50 summaries with 200 key messages, 20 "
        "requests to agencies, 2,500 actions with 10,000 updates...) for measuring "
        "the pages at scale. Refuses to run on a database that already has learning activities unless "
        "--force is given. Deterministic for a given --seed and day."
    )

    def add_arguments(self, parser):
        parser.add_argument("--years", type=int, default=10, help="How many years of history (default 10)")
        parser.add_argument("--scale", type=float, default=1.0, help="Multiply every volume (default 1.0)")
        parser.add_argument("--seed", type=int, default=1, help="Random seed (default 1)")
        parser.add_argument("--force", action="store_true", help="Run even if there are activities already")
        parser.add_argument(
            "--password",
            default=None,
            help="Give every generated user this password (default: none, they cannot sign in with one)",
        )

    def handle(self, *args, years, scale, seed, force, password, **options):
        if years < 1 or scale <= 0:
            raise CommandError("--years must be at least 1 and --scale more than 0")
        if not Partnership.objects.exists():
            raise CommandError("No partnership yet: run `manage.py load_framework` first.")
        if LearningActivity.objects.exists() and not force:
            raise CommandError(
                f"This database already has {LearningActivity.objects.count()} learning activities: "
                "the generator is meant for an empty one. Add --force to add a large partnership anyway."
            )
        today = timezone.localdate()
        ctx = largedata.Context(
            rng=random.Random(seed),
            years=years,
            scale=scale,
            today=today,
            start=today - relativedelta(years=years) + relativedelta(days=1),
            password=password,
        )
        self.stdout.write(f"Generating a large partnership: {years} years, scale {scale}, seed {seed}")
        totals = {}
        started = time.perf_counter()
        with transaction.atomic():
            for number, (label, build, names) in enumerate(largedata.AREAS, start=1):
                step = time.perf_counter()
                self.stdout.write(f"  [{number:>2}/{len(largedata.AREAS)}] {label}...", ending="\r")
                self.stdout.flush()  # progress shows while a large area is still being built
                counts = build(ctx)
                counts = counts if isinstance(counts, tuple) else (counts,)
                totals.update(zip(names, counts, strict=True))
                figures = ", ".join(f"{c:,} {n}" for n, c in zip(names, counts, strict=True))
                self.stdout.write(
                    f"  [{number:>2}/{len(largedata.AREAS)}] {label:<24} {figures}  "
                    f"({time.perf_counter() - step:.1f} s, {time.perf_counter() - started:.0f} s so far)"
                )
        # Fresh planner statistics for millions of new rows, as autovacuum (PostgreSQL) and the daily run's
        # ANALYZE (SQLite, core.database) would gather later: without them the first benchmark measures
        # plans made for empty tables, and SQLite never picks a partial index.
        refresh_planner_statistics()
        elapsed = time.perf_counter() - started
        self.stdout.write(f"Total: {sum(totals.values()):,} rows in {elapsed:.1f} s")
        self.stdout.write(f"Business unit administrator: {largedata.ADMIN_EMAIL}")
