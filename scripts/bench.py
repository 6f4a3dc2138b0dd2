"""Server-side timings of the main pages on the demo data: `make bench` (after `make db`).

For each page in PAGES: 3 warm-up requests, then 30 timed requests with Django's test Client, signed in as
the demo business-unit administrator. Prints median and 95th-percentile time, SQL queries per request and
response size. It only prints: there is no timed assertion. Everything runs inside a transaction that is
rolled back, so the demo database is left as it was. Works on PostgreSQL too: DATABASE_URL=... make bench.
BENCH_EMAIL=someone@example.org (or --user-email) chooses which business unit administrator signs in;
--database-url points it at another database, such as the generated large partnership (`make bench-large`).

Later issues add their pages to PAGES: (label, URL name, object kind or None). A URL name that does not
resolve yet is skipped with a note.
"""

import argparse
import logging
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "learningloop.config.settings")


def _arguments(argv=None):
    parser = argparse.ArgumentParser(description="Server time and SQL queries per main page.")
    parser.add_argument(
        "--database-url", help="Measure this database (default: DATABASE_URL or the demo one)"
    )
    parser.add_argument("--user-email", help="Sign in as this business unit administrator (or BENCH_EMAIL)")
    return parser.parse_args(argv)


ARGS = _arguments()
if ARGS.database_url:  # before django.setup(), which reads DATABASE_URL through the settings
    os.environ["DATABASE_URL"] = ARGS.database_url
if ARGS.user_email:
    os.environ["BENCH_EMAIL"] = ARGS.user_email

import django  # noqa: E402

django.setup()

from django.contrib import admin  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import NoReverseMatch, reverse  # noqa: E402

from learningloop.accounts.models import User  # noqa: E402
from learningloop.core.policy import Role  # noqa: E402
from learningloop.dissemination.models import DisseminationPlan  # noqa: E402
from learningloop.learning.models import (  # noqa: E402
    CaseReview,
    Finding,
    KeyMessage,
    LearningActivity,
    SummaryOfLearning,
)
from learningloop.partnership.models import Agency, Group  # noqa: E402

WARM_UPS = 3
REQUESTS = 30

# (label, URL name, kind of object the URL needs or None). Add new main pages here.
PAGES = [
    ("Home", "home", None),
    ("Agency list", "partnership:agency_list", None),
    ("Agency detail", "partnership:agency_detail", "agency"),
    ("People list", "partnership:person_list", None),
    ("Group list", "partnership:group_list", None),
    ("Group detail", "partnership:group_detail", "group"),
    ("Audit trail", "core:audit_list", None),
    ("Accessibility", "accessibility", None),
    ("Activity list", "learning:activity_list", None),
    ("Activity detail", "learning:activity_detail", "activity"),
    ("Finding detail", "learning:finding_detail", "finding"),
    ("Review list", "learning:review_list", None),
    ("Review detail", "learning:review_detail", "review"),
    ("Statutory deadlines", "learning:statutory_deadlines", None),
    ("Summary list", "learning:summary_list", None),
    ("Summary detail", "learning:summary_detail", "summary"),
    ("Dissemination plan list", "dissemination:plan_list", None),
    ("Dissemination plan detail", "dissemination:plan_detail", "dissemination_plan"),
    ("Briefing list", "dissemination:briefing_list", None),
    ("Request list", "dissemination:request_list", None),
    ("Outstanding responses", "dissemination:outstanding_responses", None),
    ("Action list", "improvement:action_list", None),
    ("My agency's actions", "improvement:my_actions", None),
    ("Learning trail", "reports:trail_index", None),
    ("Key message trail", "reports:key_message_trail", "key_message"),
    ("Impact dashboard", "performance:dashboard", None),
    ("Indicator list", "performance:indicator_list", None),
    ("Indicator detail", "performance:indicator_detail", "indicator"),
    ("Late and missing returns", "performance:late_list", None),
]


def _busiest_agency():
    return Agency.objects.annotate(n=Count("people")).order_by("-n", "pk").first()


def _busiest_group():
    return Group.objects.annotate(n=Count("memberships")).order_by("-n", "pk").first()


def _busiest_activity():
    return LearningActivity.objects.annotate(n=Count("findings")).order_by("-n", "pk").first()


def _busiest_finding():
    # The finding page compares the finding with every earlier one: the latest with the most themes is the
    # heaviest.
    return Finding.objects.annotate(n=Count("themes")).order_by("-n", "-created_at", "-pk").first()


def _busiest_review():
    return (
        CaseReview.objects.annotate(
            n=Count("milestones", distinct=True) + Count("monitoring_entries", distinct=True)
        )
        .order_by("-n", "pk")
        .first()
    )


def _busiest_summary():
    return SummaryOfLearning.objects.annotate(n=Count("key_messages")).order_by("-n", "pk").first()


def _busiest_dissemination_plan():
    return (
        DisseminationPlan.objects.annotate(n=Count("message_plans__audience_plans__communications"))
        .order_by("-n", "pk")
        .first()
    )


def _busiest_key_message():
    # The trail page gathers every stage of the loop: the message with the most of each is the heaviest.
    return (
        KeyMessage.objects.annotate(
            n=Count("message_plans__audience_plans__communications", distinct=True)
            + Count("embedding_requests__responses", distinct=True)
            + Count("action_plans__actions", distinct=True)
            + Count("briefings", distinct=True)
        )
        .order_by("-n", "pk")
        .first()
    )


def _busiest_indicator():
    from learningloop.performance.models import Indicator

    return Indicator.objects.annotate(n=Count("submissions")).order_by("-n", "pk").first()


# How to find a representative object for each kind: the one with the most related rows.
OBJECTS = {
    "indicator": _busiest_indicator,
    "agency": _busiest_agency,
    "group": _busiest_group,
    "activity": _busiest_activity,
    "finding": _busiest_finding,
    "review": _busiest_review,
    "summary": _busiest_summary,
    "dissemination_plan": _busiest_dissemination_plan,
    "key_message": _busiest_key_message,
}

# Reference: the Django admin's changelist for the same agencies (registered here for the run only if
# the project does not register Agency itself). Must happen before the first URL is resolved.
if not admin.site.is_registered(Agency):
    admin.site.register(Agency, list_display=("name", "short_name", "sector", "statutory_role", "is_active"))
ADMIN_REFERENCE = ("Reference: admin agency changelist", "admin:partnership_agency_changelist")


def find_administrator():
    """BENCH_EMAIL if set, else a business unit administrator: the demo one (linked to a person) first."""
    users = User.objects.filter(is_active=True).select_related("person").order_by("pk")
    if os.environ.get("BENCH_EMAIL"):
        users = users.filter(email__iexact=os.environ["BENCH_EMAIL"])
    admins = [u for u in users if Role.BU_ADMIN in (u.roles or [])]
    linked = [u for u in admins if getattr(u, "person", None) is not None]
    return (linked or admins or [None])[0]


def signed_in_client(user):
    from learningloop.accounts.tests.sessions import sign_in_with_mfa

    client = Client(raise_request_exception=False)  # a page that fails shows as HTTP 500 in the table
    # The demo administrator has no authenticator app; sign in as a session that passed MFA would be, so the
    # pages themselves are measured rather than the redirect to set one up.
    return sign_in_with_mfa(client, user)


def measure(client, url):
    status = None
    queries = 0
    size = 0
    for i in range(WARM_UPS):
        if i == WARM_UPS - 1:
            with CaptureQueriesContext(connection) as ctx:
                response = client.get(url)
            queries = len(ctx.captured_queries)
        else:
            response = client.get(url)
        status, size = response.status_code, len(response.content)
    times = []
    for _ in range(REQUESTS):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        status = response.status_code
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)]
    return statistics.median(times), p95, queries, size, status


def row(label, median, p95, queries, size, status):
    note = "" if status == 200 else f"  (HTTP {status})"
    print(f"{label:<40} {median:>9.1f} {p95:>9.1f} {queries:>8} {size:>10,}{note}")


def main():
    engine = connection.settings_dict["ENGINE"].rsplit(".", 1)[-1]
    print(f"Learning Loop bench: database {engine} {connection.settings_dict['NAME']}")
    administrator = find_administrator()
    if administrator is None:
        print(
            "No active user with the role bu_admin (business unit administrator) in this database.\n"
            "Load the demo data first: `make db` (runs manage.py seed_demo), then `make bench` again."
        )
        return 1
    print(f"Signed in as {administrator.email} (bu_admin); {WARM_UPS} warm-ups, {REQUESTS} timed requests")
    print()
    print(f"{'page':<40} {'median ms':>9} {'p95 ms':>9} {'queries':>8} {'bytes':>10}")
    print("-" * 80)

    logging.getLogger("django.request").setLevel(logging.CRITICAL)  # failures show as HTTP 500 rows
    with transaction.atomic():
        client = signed_in_client(administrator)
        skipped = []
        for label, name, kind in PAGES:
            args = []
            if kind is not None:
                obj = OBJECTS[kind]()
                if obj is None:
                    skipped.append(f"{label}: no {kind} in the database")
                    continue
                args = [obj.pk]
            try:
                url = reverse(name, args=args)
            except NoReverseMatch:
                skipped.append(f"{label}: URL name {name!r} does not resolve yet")
                continue
            row(label, *measure(client, url))

        label, name = ADMIN_REFERENCE
        superuser = User.objects.create_superuser(
            email="bench-superuser@example.invalid", password=None, full_name="Bench superuser"
        )
        row(label, *measure(signed_in_client(superuser), reverse(name)))
        transaction.set_rollback(True)  # leave no session, superuser or audit entry behind

    for note in skipped:
        print(f"skipped  {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
