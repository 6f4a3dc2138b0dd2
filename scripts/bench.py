"""Server-side timings of the main pages on the demo data: `make bench` (after `make db`).

For each page in PAGES: 3 warm-up requests, then 30 timed requests with Django's test Client, signed in as
the demo business-unit administrator. Prints median and 95th-percentile time, the median time spent in SQL
(every query timed through connection.execute_wrapper), SQL queries per request and response size. Each main
list is followed by a reference row: the Django admin changelist for the same model and rows (50 a page),
measured with its requests interleaved with the page's, and the page's "x admin" ratio (median / the admin's
median; the goal is 0.5 or less, docs/performance.md). It only prints: there is no timed assertion.
Everything runs inside a transaction that is rolled back, so the demo database is left
as it was. Works on PostgreSQL too: DATABASE_URL=... make bench.
BENCH_EMAIL=someone@example.org (or --user-email) chooses which business unit administrator signs in;
--database-url points it at another database, such as the generated large partnership (`make bench-large`).

Later issues add their pages to PAGES: (label, URL name, object kind or None), and a main list its admin
reference to ADMIN_REFERENCES. A URL name that does not resolve yet is skipped with a note.
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
    parser.add_argument(
        "--only", action="append", default=[], help="Only the pages whose label contains this (repeatable)"
    )
    parser.add_argument(
        "--exports",
        action="store_true",
        help="Time the spreadsheet exports instead: the request, and the background build of a large one",
    )
    parser.add_argument(
        "--serve",
        action="store_true",
        help="Answer timing requests one at a time on stdin (for scripts/bench_growth.py --small/--large)",
    )
    parser.add_argument(
        "--profile",
        action="store_true",
        help="Instead of timing, profile each chosen page (30 requests under cProfile): where the time goes",
    )
    return parser.parse_args(argv)


ARGS = _arguments()
if ARGS.database_url:  # before django.setup(), which reads DATABASE_URL through the settings
    os.environ["DATABASE_URL"] = ARGS.database_url
if ARGS.user_email:
    os.environ["BENCH_EMAIL"] = ARGS.user_email

import django  # noqa: E402

django.setup()

from django.template import engines  # noqa: E402

# Templates as in production (Django turns Jinja's auto_reload off outside DEBUG): compiled once, not checked
# for changes on every render. The bench runs with the development settings otherwise.
engines["jinja2"].env.auto_reload = False

from django.contrib import admin  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.db.models import Case, Count, F, Value, When  # noqa: E402
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
    ("Training programme", "workforce:course_list", None),
    ("Course detail and results", "workforce:course_detail", "course"),
    ("Training session detail", "workforce:session_detail", "training_session"),
    ("Training pool", "workforce:trainer_list", None),
    ("Annual training review", "workforce:review", None),
    # The public learning hub (signed in here, but the pages are the same for anonymous visitors).
    ("Learning hub", "website:index", None),
    ("Learning hub publication", "website:publication", "publication"),
    ("Learning hub Atom feed", "website:feed", None),
    ("Publications (business unit)", "website:manage_list", None),
    ("Website statistics", "website:statistics", None),
    # Governance
    ("Meeting list", "governance:meeting_list", None),
    ("Meeting detail", "governance:meeting_detail", "meeting"),
    ("Work plan", "governance:workplan", None),
    ("Risks and barriers", "governance:risk_list", None),
    ("Highlight reports", "governance:highlight_list", None),
    ("Policies and procedures", "governance:policy_list", None),
    ("Learning events", "governance:event_list", None),
    ("Self-assessment cycles", "assurance:cycle_list", None),
    ("Section 175 overview (500 schools)", "assurance:cycle_detail", "schools_cycle"),
    ("Audit list", "assurance:audit_list", None),
    ("Impact dashboard", "performance:dashboard", None),
    ("Indicator list", "performance:indicator_list", None),
    ("Indicator detail", "performance:indicator_detail", "indicator"),
    ("Late and missing returns", "performance:late_list", None),
    # Requests to agencies for information; complaints and compliments (and their import page)
    ("Ask agencies for information", "dissemination:information_request_create", None),
    ("Complaints and compliments", "assurance:feedback_list", None),
    ("Import complaints and compliments", "assurance:feedback_import", None),
]
# The data feed's pages and the CSV downloads beside the lists (ADR 0036).
PAGES += [
    ("API tokens (everyone's)", "api:token_admin_list", None),
    ("Actions CSV", "improvement:action_export_csv", None),
    ("Indicator values CSV", "performance:indicator_values_export", "indicator"),
    ("Learning trail CSV", "reports:trail_export", None),
    ("Deadlines CSV", "learning:statutory_deadlines_export", None),
]
# The JSON feed, read with a personal access token (sessions do not open it), a full page of 1000 rows each.
FEED = [
    ("Feed: indicators", "api:feed_indicators-list", ""),
    ("Feed: periods", "api:feed_periods-list", ""),
    ("Feed: values", "api:feed_values-list", ""),
    ("Feed: actions", "api:feed_actions-list", ""),
    ("Feed: key messages", "api:feed_key_messages-list", ""),
    ("Feed: deadlines (all)", "api:feed_deadlines-list", "&status=all"),
]
PAGES += [
    ("Survey list", "assurance:survey_list", None),
    ("Survey results (most responses)", "assurance:survey_results", "survey"),
    ("You said, we did", "assurance:yswd_list", None),
    ("You said, we did entry", "assurance:yswd_detail", "you_said_we_did"),
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
    # The trail page gathers every stage of the loop: the heaviest is a message that reaches every stage
    # (communications, responses, actions, briefings), then the one with the most rows. Ranking by the sum
    # alone once chose, at one scale, a message with no action plan: the trail skips its actions query when
    # there is no plan, so the page seemed to gain a query (14 -> 15) between scales when it was only
    # measuring a different shape of message.
    stages = {
        "n_communications": Count("message_plans__audience_plans__communications", distinct=True),
        "n_responses": Count("embedding_requests__responses", distinct=True),
        "n_actions": Count("action_plans__actions", distinct=True),
        "n_briefings": Count("briefings", distinct=True),
    }
    reached = sum((Case(When(**{f"{name}__gt": 0}, then=1), default=0) for name in stages), start=Value(0))
    return (
        KeyMessage.objects.annotate(**stages)
        .annotate(reached=reached, n=sum((F(name) for name in stages), start=Value(0)))
        .order_by("-reached", "-n", "pk")
        .first()
    )


def _busiest_course():
    from learningloop.workforce.models import Course

    return Course.objects.annotate(n=Count("sessions")).order_by("-n", "pk").first()


def _busiest_training_session():
    from learningloop.workforce.models import TrainingSession

    return TrainingSession.objects.annotate(n=Count("bookings")).order_by("-n", "-date", "pk").first()


def _busiest_publication():
    # Public pages are addressed by slug: the bench passes `.pk` as the URL's one argument.
    from types import SimpleNamespace

    from learningloop.website.models import Publication

    item = Publication.objects.live().annotate(n=Count("themes")).order_by("-n", "pk").first()
    return SimpleNamespace(pk=item.slug) if item else None


def _busiest_meeting():
    from learningloop.governance.models import Meeting

    return (
        Meeting.objects.annotate(n=Count("agenda_items") + Count("attendance")).order_by("-n", "pk").first()
    )


def _schools_cycle():
    from learningloop.assurance.models import Cycle

    return Cycle.objects.annotate(n=Count("returns")).order_by("-n", "-pk").first()


def _busiest_indicator():
    from learningloop.performance.models import Indicator

    return Indicator.objects.annotate(n=Count("submissions")).order_by("-n", "pk").first()


def _busiest_survey():
    from learningloop.assurance.models import Survey

    return Survey.objects.annotate(n=Count("responses")).order_by("-n", "pk").first()


# How to find a representative object for each kind: the one with the most related rows.
OBJECTS = {
    "publication": _busiest_publication,
    "meeting": _busiest_meeting,
    "indicator": _busiest_indicator,
    "agency": _busiest_agency,
    "group": _busiest_group,
    "activity": _busiest_activity,
    "finding": _busiest_finding,
    "review": _busiest_review,
    "summary": _busiest_summary,
    "dissemination_plan": _busiest_dissemination_plan,
    "key_message": _busiest_key_message,
    "course": _busiest_course,
    "training_session": _busiest_training_session,
    "schools_cycle": _schools_cycle,
}
OBJECTS["survey"] = _busiest_survey


def _latest_yearly_report():
    from learningloop.reports.models import YearlyReport

    return YearlyReport.objects.order_by("-year").first()


# The partners' yearly report: its builder page reads every section from live data (the documents are timed
# by scripts/bench_yearly.py, `make bench-yearly`).
PAGES.append(("Yearly report builder", "yearly:detail", "yearly_report"))
OBJECTS["yearly_report"] = _latest_yearly_report


def _busiest_you_said_we_did():
    from learningloop.assurance.models import YouSaidWeDid

    links = Count("key_messages", distinct=True) + Count("actions", distinct=True)
    return YouSaidWeDid.objects.annotate(n=links).order_by("-n", "pk").first()


OBJECTS["you_said_we_did"] = _busiest_you_said_we_did

# References: the Django admin's changelist for the same model and rows as each main list, 50 a page, with
# the columns the list shows. Registered here for the run only (the project registers no admin of its own);
# must happen before the first URL is resolved. URL name of the list -> (app label.model, list_display,
# list_select_related).
ADMIN_REFERENCES = {
    "partnership:agency_list": (
        "partnership.Agency",
        ("name", "short_name", "sector", "statutory_role", "is_active"),
        False,
    ),
    "partnership:person_list": (
        "partnership.Person",
        ("full_name", "job_title", "agency", "is_active"),
        True,
    ),
    "partnership:group_list": (
        "partnership.Group",
        ("name", "short_name", "accountable_to", "is_active"),
        True,
    ),
    "core:audit_list": ("auditlog.LogEntry", ("timestamp", "actor", "action", "object_repr"), True),
    "learning:activity_list": (
        "learning.LearningActivity",
        ("title", "source_type", "owning_group", "started_on", "completed_on", "status"),
        True,
    ),
    "learning:review_list": ("learning.CaseReview", ("pseudonym", "kind", "aware_on", "decision"), True),
    "learning:summary_list": (
        "learning.SummaryOfLearning",
        ("title", "subgroup", "status", "updated_at"),
        True,
    ),
    "dissemination:plan_list": ("dissemination.DisseminationPlan", ("summary", "created_at"), True),
    "dissemination:briefing_list": (
        "dissemination.Briefing",
        ("title", "kind", "status", "updated_at"),
        False,
    ),
    "dissemination:request_list": ("dissemination.EmbeddingRequest", ("title", "due_on", "sent_at"), False),
    "dissemination:outstanding_responses": (
        "dissemination.AgencyResponse",
        ("request", "agency", "status", "submitted_at"),
        True,
    ),
    "improvement:action_list": (
        "improvement.Action",
        ("description", "plan", "owner_agency", "owner", "due_on", "status", "progress"),
        True,
    ),
    "improvement:my_actions": (
        "improvement.Action",
        ("description", "plan", "owner_agency", "owner", "due_on", "status", "progress"),
        True,
    ),
}


def _register_admin_references():
    from django.apps import apps

    for model_label, columns, select_related in ADMIN_REFERENCES.values():
        model = apps.get_model(model_label)
        if select_related:  # every foreign key shown, so the reference makes no query per row
            select_related = tuple(c for c in columns if model._meta.get_field(c).is_relation)
        if not admin.site.is_registered(model):
            admin.site.register(
                model, list_display=columns, list_select_related=select_related, list_per_page=50
            )


def admin_reference_url(name):
    model = ADMIN_REFERENCES[name][0].lower().replace(".", "_")
    return reverse(f"admin:{model}_changelist")


_register_admin_references()


class SqlTimer:
    """Sums the time every SQL statement takes (connection.execute_wrapper), per request."""

    def __init__(self):
        self.ms = 0.0

    def __call__(self, execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.ms += (time.perf_counter() - start) * 1000


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


def _feed_client(user):
    import datetime

    from django.utils import timezone

    from learningloop.api.tokens.services import access_token_create

    _token, secret = access_token_create(
        user=user, name="Bench", expires_on=timezone.localdate() + datetime.timedelta(days=1)
    )
    return Client(raise_request_exception=False, HTTP_AUTHORIZATION=f"Bearer {secret}")


def _percentile_95(times):
    times = sorted(times)
    return times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)]


def _body(response) -> bytes:
    """The whole answer: a streamed one (CSV downloads) is read to its end, inside the timing."""
    if response.streaming:
        if not hasattr(response, "_bench_body"):
            response._bench_body = b"".join(response.streaming_content)
        return response._bench_body
    return response.content


def _timed_get(client, url):
    timer = SqlTimer()
    with connection.execute_wrapper(timer):
        start = time.perf_counter()
        response = client.get(url)
        _body(response)
        total = (time.perf_counter() - start) * 1000
    return response, total, timer.ms


def _warm_up(client, url):
    for _ in range(WARM_UPS - 1):
        client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
        _body(response)
    return len(ctx.captured_queries), response


def measure(*targets):
    """Time each (client, url) REQUESTS times, their requests interleaved so that both see the same machine
    load; returns one result per target: (median, p95, median SQL ms, queries, bytes, status)."""
    warm = [_warm_up(client, url) for client, url in targets]
    totals = [[] for _ in targets]
    sqls = [[] for _ in targets]
    statuses = [response.status_code for _, response in warm]
    for _ in range(REQUESTS):
        for i, (client, url) in enumerate(targets):
            response, total, sql = _timed_get(client, url)
            totals[i].append(total)
            sqls[i].append(sql)
            statuses[i] = response.status_code
    return [
        (
            statistics.median(totals[i]),
            _percentile_95(totals[i]),
            statistics.median(sqls[i]),
            warm[i][0],
            len(_body(warm[i][1])),
            statuses[i],
        )
        for i in range(len(targets))
    ]


HEADER = (
    f"{'page':<40} {'median ms':>9} {'p95 ms':>9} {'SQL ms':>8} {'queries':>8} {'bytes':>10} {'x admin':>8}"
)


def row(label, median, p95, sql, queries, size, status, ratio=None):
    note = "" if status == 200 else f"  (HTTP {status})"
    ratio_text = f"{ratio:>8.2f}" if ratio is not None else " " * 8
    print(f"{label:<40} {median:>9.1f} {p95:>9.1f} {sql:>8.1f} {queries:>8} {size:>10,} {ratio_text}{note}")


def profile(label, client, url, requests=REQUESTS, lines=30):
    """Where one page's time goes: cProfile over `requests` requests (after the warm-ups), the functions
    with the most time of their own first, then the most time including what they call."""
    import cProfile
    import pstats

    _warm_up(client, url)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(requests):
        client.get(url)
    profiler.disable()
    print(f"\n=== {label} ({url}), {requests} requests ===")
    dump = Path("var") / f"profile-{'-'.join(label.lower().split())}.prof"
    profiler.dump_stats(dump)  # for a closer look: python -m pstats var/profile-....prof
    print(f"(saved as {dump})")
    stats = pstats.Stats(profiler).strip_dirs()
    stats.sort_stats("tottime").print_stats(lines)
    stats.sort_stats("cumulative").print_stats(lines)


def serve(served):
    """Time one request at a time as scripts/bench_growth.py asks on stdin, a JSON line each way, so that
    two databases' pages can be timed turn about (each request beside the other's, on the same machine
    load): {"warm": label} answers the page's queries, status and bytes after the warm-ups; {"time": label}
    one request's total and SQL milliseconds. Stdout carries nothing else."""
    import json

    out = sys.__stdout__
    print(json.dumps({"labels": list(served)}), file=out, flush=True)
    for line in sys.stdin:
        asked = json.loads(line)
        if "warm" in asked:
            client, url = served[asked["warm"]]
            queries, response = _warm_up(client, url)
            answer = {"queries": queries, "status": response.status_code, "bytes": len(_body(response))}
        else:
            client, url = served[asked["time"]]
            _response, total, sql = _timed_get(client, url)
            answer = {"ms": total, "sql": sql}
        print(json.dumps(answer), file=out, flush=True)


def _chosen(label):
    """Whether --only (if given) names this page."""
    return not ARGS.only or any(word.lower() in label.lower() for word in ARGS.only)


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
    print(HEADER)
    print("-" * len(HEADER))

    logging.getLogger("django.request").setLevel(logging.CRITICAL)  # failures show as HTTP 500 rows
    with transaction.atomic():
        client = signed_in_client(administrator)
        superuser = User.objects.create_superuser(
            email="bench-superuser@example.invalid", password=None, full_name="Bench superuser"
        )
        admin_client = signed_in_client(superuser)
        skipped = []
        served = {}
        for label, name, kind in PAGES:
            if not _chosen(label):
                continue
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
            if ARGS.profile:
                profile(label, client, url)
                continue
            if ARGS.serve:
                served[label] = (client, url)
                continue
            if name not in ADMIN_REFERENCES:
                row(label, *measure((client, url))[0])
                continue
            page, reference = measure((client, url), (admin_client, admin_reference_url(name)))
            row(label, *page, ratio=page[0] / reference[0])
            row("  reference: admin changelist", *reference)
        feed_client = _feed_client(administrator)
        for label, name, query in FEED:
            if not _chosen(label):
                continue
            url = f"{reverse(name)}?page_size=1000{query}"
            if ARGS.profile:
                profile(label, feed_client, url)
                continue
            if ARGS.serve:
                served[label] = (feed_client, url)
                continue
            row(label, *measure((feed_client, url))[0])
        if ARGS.serve:
            serve(served)
        transaction.set_rollback(True)  # leave no session, superuser, token or audit entry behind

    for note in skipped:
        print(f"skipped  {note}")
    return 0


EXPORTS = [
    ("Action list export (Excel)", "improvement:action_export"),
    ("Activity list export (CSV)", "learning:activity_export_csv"),
    ("Activity list export (Excel)", "learning:activity_export_xlsx"),
    ("Agency list export (CSV)", "partnership:agency_export"),
]
EXPORT_RUNS = 3


def _body_size(response):
    return len(_body(response))


def bench_exports():
    """Per export: the request's time (what holds an app server's worker: the whole download when it is
    small, or queueing it and the redirect when it is large), then, for a queued one, the background build."""
    from learningloop.core.models import SpreadsheetExport
    from learningloop.core.spreadsheets import background_threshold, build_in_background

    administrator = find_administrator()
    threshold = background_threshold()
    print(f"Spreadsheet exports as {administrator.email}; built in the background above {threshold:,} rows")
    columns = ("request ms", 10), ("status", 6), ("bytes", 10), ("worker ms", 10), ("rows", 8)
    columns += (("file bytes", 11),)
    print(f"{'export':<32} " + " ".join(f"{name:>{width}}" for name, width in columns))
    logging.getLogger("django.request").setLevel(logging.CRITICAL)
    with transaction.atomic():
        client = signed_in_client(administrator)
        for label, name in EXPORTS:
            url = reverse(name)
            requests, builds = [], []
            for _ in range(EXPORT_RUNS):
                start = time.perf_counter()
                response = client.get(url)
                size = _body_size(response)
                requests.append((time.perf_counter() - start) * 1000)
                export = None
                if response.status_code == 302:
                    export = SpreadsheetExport.objects.order_by("-pk").first()
                    start = time.perf_counter()
                    build_in_background(export.pk)
                    builds.append((time.perf_counter() - start) * 1000)
                    export.refresh_from_db()
            worker = f"{statistics.median(builds):>10.0f}" if builds else f"{'-':>10}"
            rows = f"{export.written_rows:>8,}" if export else f"{'-':>8}"
            file_size = f"{export.file.size:>11,}" if export else f"{'-':>11}"
            print(
                f"{label:<32} {statistics.median(requests):>10.0f} {response.status_code:>6} {size:>10,} "
                f"{worker} {rows} {file_size}"
            )
            if export:
                for done in SpreadsheetExport.objects.exclude(file=""):
                    done.file.delete(save=False)
        transaction.set_rollback(True)
    return 0


if __name__ == "__main__":
    sys.exit(bench_exports() if ARGS.exports else main())
