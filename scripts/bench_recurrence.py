"""How well and how fast the finding page's recurrence suggestions find an earlier finding that describes
the same practice problem in other words: `make bench-recurrence` (SQLite) and
`make bench-recurrence-postgres` (a throwaway PostgreSQL cluster). A script, not a test: it only prints.

The labelled set is learningloop/learning/tests/data/recurrence_pairs.json (pairs written for this purpose,
no real case text). The distractors are the findings already in the database: the generated large
partnership (ten years; built here with load_framework and generate_large_partnership when the database has
no learning activities yet). Every pair's earlier finding is added, each in its own activity on a date in
the last ten years; then each later finding is written in turn, in a new activity, its suggestions are
taken exactly as the finding page takes them (Finding.objects.similar_to), and the later finding is
removed again. It counts how often the earlier twin is in the top five, with no themes tagged on either
finding ("text-only") and with both tagged with the pair's themes ("with-themes"), and times each call.
Then it removes about half of the distractors and times the calls again, to show the time does not grow
with the number of findings. Everything runs in a transaction that is rolled back: the database is left as
it was (except for a first build of the large partnership).
"""

import argparse
import datetime
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "learningloop.config.settings")
PAIRS = ROOT / "learningloop" / "learning" / "tests" / "data" / "recurrence_pairs.json"


def _arguments(argv=None):
    parser = argparse.ArgumentParser(description="Recall@5 and time of the recurrence suggestions.")
    parser.add_argument("--database-url", help="Measure this database (default: DATABASE_URL)")
    parser.add_argument("--k", type=int, default=5, help="How many top suggestions count (default 5)")
    parser.add_argument("--misses", action="store_true", help="Also list the pairs whose twin was missed")
    parser.add_argument("--no-half", action="store_true", help="Skip the second timing at half the findings")
    return parser.parse_args(argv)


ARGS = _arguments()
if ARGS.database_url:
    os.environ["DATABASE_URL"] = ARGS.database_url

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from learningloop.learning.models import (  # noqa: E402
    ActivityStatus,
    Finding,
    FindingKind,
    LearningActivity,
    Theme,
)
from learningloop.partnership.models import LearningSourceType  # noqa: E402


class Rollback(Exception):
    pass


def _build_if_empty():
    call_command("migrate", verbosity=0, interactive=False)
    if not LearningActivity.objects.exists():
        print("Building the large partnership (ten years) as distractors…", flush=True)
        call_command("load_framework", verbosity=0)
        call_command("generate_large_partnership", years=10, verbosity=0)


def _activity(title, source_type, day):
    return LearningActivity.objects.create(
        title=title,
        source_type=source_type,
        status=ActivityStatus.COMPLETED,
        started_on=day,
        completed_on=day,
    )


def _rank_of(later, earlier_pk, k):
    started, cpu = time.perf_counter(), time.process_time()
    suggestions = Finding.objects.similar_to(later)
    elapsed = (time.perf_counter() - started) * 1000
    CPU.append((time.process_time() - cpu) * 1000)
    top = [s.finding.pk for s in suggestions]
    rank = top.index(earlier_pk) + 1 if earlier_pk in top else None
    return rank, elapsed


def _run(pairs, earlier, source_type, themes, *, tagged, k):
    """[the twin's place among the suggestions, or None] per pair, and the times."""
    ranks, times = [], []
    now = timezone.now()
    for number, (pair, first) in enumerate(zip(pairs, earlier, strict=True)):
        activity = _activity(f"Bench later activity {number}", source_type, now.date())
        later = Finding.objects.create(
            activity=activity, text=pair["later"], kind=FindingKind.IMPROVEMENT, created_at=now
        )
        if tagged:
            chosen = [themes[n] for n in pair["themes"]]
            later.themes.set(chosen)
            first.themes.set(chosen)
        else:
            first.themes.clear()
        later = Finding.objects.select_related("activity").prefetch_related("themes").get(pk=later.pk)
        rank, elapsed = _rank_of(later, first.pk, k)
        ranks.append(rank)
        times.append(elapsed)
        activity.delete()
    return ranks, times


def _recall(pairs, ranks, k, which=None):
    chosen = [r for p, r in zip(pairs, ranks, strict=True) if which is None or p.get("set", "first") == which]
    return sum(1 for r in chosen if r is not None and r <= k) / len(chosen) if chosen else float("nan")


def _report(pairs, text_ranks, theme_ranks, k):
    sets = sorted({p.get("set", "first") for p in pairs})
    print(f"recall@{k} text-only {_recall(pairs, text_ranks, k):.2f}, "
          f"with-themes {_recall(pairs, theme_ranks, k):.2f} ({len(pairs)} pairs)")  # fmt: skip
    if len(sets) > 1:
        for which in sets:
            count = sum(1 for p in pairs if p.get("set", "first") == which)
            print(f"  {which} pairs ({count}): text-only {_recall(pairs, text_ranks, k, which):.2f}, "
                  f"with-themes {_recall(pairs, theme_ranks, k, which):.2f}")  # fmt: skip
    if ARGS.misses:
        for pair, a, b in zip(pairs, text_ranks, theme_ranks, strict=True):
            if a is None or a > k or b is None or b > k:
                print(f"  missed [{pair.get('set', 'first')}] {pair['topic']}: text-only {a}, themes {b}")


CPU = []  # this process's processor time per call: the whole work on SQLite, Python's part on PostgreSQL


def _ms(times):
    ordered, cpu = sorted(times), sorted(CPU)
    CPU.clear()

    def p95(values):
        return values[int(0.95 * (len(values) - 1))]

    return (f"median {statistics.median(ordered):.1f} ms, p95 {p95(ordered):.1f} ms (processor time of "
            f"this process: median {statistics.median(cpu):.1f} ms, p95 {p95(cpu):.1f} ms)")  # fmt: skip


def main():
    _build_if_empty()
    pairs = json.loads(PAIRS.read_text())["pairs"]
    rng = random.Random(12)
    try:
        with transaction.atomic():
            source_type = LearningSourceType.objects.order_by("pk").first()
            themes = {t.name: t for t in Theme.objects.all()}
            missing = {n for p in pairs for n in p["themes"]} - set(themes)
            if missing:
                raise SystemExit(f"Run load_framework first: no themes {sorted(missing)}")
            today = timezone.localdate()
            earlier = []
            for number, pair in enumerate(pairs):
                day = today - datetime.timedelta(days=rng.randint(180, 3650))
                activity = _activity(f"Bench earlier activity {number}", source_type, day)
                moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
                earlier.append(
                    Finding.objects.create(
                        activity=activity,
                        text=pair["earlier"],
                        kind=FindingKind.IMPROVEMENT,
                        created_at=moment,
                    )
                )
            total = Finding.objects.count()
            print("Load average (1, 5, 15 min): " + ", ".join(f"{x:.2f}" for x in os.getloadavg()))
            print(f"Database: {connection.vendor}; {total} findings ({total - len(pairs)} distractors), "
                  f"{len(pairs)} labelled pairs")  # fmt: skip
            text_ranks, times_text = _run(pairs, earlier, source_type, themes, tagged=False, k=ARGS.k)
            theme_ranks, times_themes = _run(pairs, earlier, source_type, themes, tagged=True, k=ARGS.k)
            times = times_text + times_themes
            _report(pairs, text_ranks, theme_ranks, ARGS.k)
            print(f"suggestion time at {total} findings: {_ms(times)}")
            if ARGS.no_half:
                raise Rollback
            keep = {f.pk for f in earlier}
            distractors = list(
                Finding.objects.exclude(pk__in=keep)
                .filter(action_plans__isnull=True)
                .values_list("pk", flat=True)
            )
            dropped = rng.sample(distractors, len(distractors) // 2)
            for start in range(0, len(dropped), 500):
                Finding.objects.filter(pk__in=dropped[start : start + 500]).delete()
            half = Finding.objects.count()
            _, fewer_a = _run(pairs, earlier, source_type, themes, tagged=False, k=ARGS.k)
            _, fewer_b = _run(pairs, earlier, source_type, themes, tagged=True, k=ARGS.k)
            print(f"suggestion time at {half} findings: {_ms(fewer_a + fewer_b)}")
            print("Load average (1, 5, 15 min): " + ", ".join(f"{x:.2f}" for x in os.getloadavg()))
            raise Rollback
    except Rollback:
        pass


if __name__ == "__main__":
    main()
