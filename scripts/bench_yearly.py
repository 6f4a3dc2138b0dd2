"""How long the yearly report's documents take on the demo data: `make bench-yearly` (after `make db`).

For last reporting year's report (signed off: read from its snapshot) and this year's draft (every section
read from live data), times the builder page, the PDF (core.documents.render_pdf, tagged PDF/UA) and the
Word document, each made three times, and prints the first time (charts drawn: core.charts keeps the last
pictures drawn in the process, so the page, PDF and Word each draw their own kind once) and the median of the
other two, with the sizes. The goal is under 5 seconds for each document, the first time. It only prints:
there is no timed assertion. Everything runs inside a transaction that is rolled back.

Before timing, it imports matplotlib and WeasyPrint (about a second, once per server process, which a
running server has already paid) and forgets every chart drawn."""

import datetime
import logging
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "learningloop.config.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from learningloop.accounts.models import User  # noqa: E402
from learningloop.accounts.tests.sessions import sign_in_with_mfa  # noqa: E402
from learningloop.core.policy import Role  # noqa: E402
from learningloop.reports.models import YearlyReport  # noqa: E402

RUNS = 3
GOAL_SECONDS = 5.0


def _timed(client, url):
    """The first of RUNS requests, the median of the others, and the size of the answer."""
    times, size = [], 0
    for _ in range(RUNS):
        started = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - started)
        assert response.status_code == 200, f"{url}: {response.status_code}"
        size = len(response.content)
    return times[0], statistics.median(times[1:]), size


def main() -> int:
    users = User.objects.filter(is_active=True).order_by("pk")
    administrator = next((u for u in users if Role.BU_ADMIN in (u.roles or [])), None)
    if administrator is None:
        print("No administrator in this database: load the demo data first (`make db`), then run this again.")
        return 1
    logging.getLogger("weasyprint").setLevel(logging.ERROR)  # its notes on matplotlib's SVG styles
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0
    print(f"Load average {load:.1f} on {os.cpu_count()} CPUs: on a busy machine every time here is longer.")
    import matplotlib.figure  # noqa: F401  (what a running server process has already imported)
    import weasyprint  # noqa: F401

    from learningloop.core import charts

    charts.forget()
    print("Seconds: the first time (charts drawn), then the median of the next two (charts already drawn).")
    print(f"{'Yearly report':<24}{'page':>14}{'PDF':>14}{'Word':>14}{'PDF size':>10}{'Word size':>10}  goal")
    with transaction.atomic():
        reports = list(YearlyReport.objects.order_by("-year")[:2])
        if not reports:
            # A generated large partnership has no report: draft last reporting year's from its ten years of
            # records (rolled back with everything else here).
            from learningloop.reports.yearly import services

            today = datetime.date.today()
            start_month = settings.YEARLY_REPORT_START_MONTH
            last_full = today.year - 1 if today.month >= start_month else today.year - 2
            reports = [services.yearly_report_create(year=last_full)]
        # The demo administrator has no authenticator app: a session that passed MFA, as make bench signs in.
        client = sign_in_with_mfa(Client(), administrator)
        for report in reports:
            page = _timed(client, reverse("yearly:detail", args=[report.pk]))
            pdf = _timed(client, reverse("yearly:pdf", args=[report.pk]))
            word = _timed(client, reverse("yearly:docx", args=[report.pk]))
            verdict = "met" if max(pdf[0], word[0]) < GOAL_SECONDS else f"MISSED (over {GOAL_SECONDS:.0f} s)"
            label = f"{report.label} ({report.get_status_display().lower()})"
            cells = "".join(f"{f'{first:.2f} / {then:.2f}':>14}" for first, then, _size in (page, pdf, word))
            print(f"{label:<24}{cells}{pdf[2] / 1024:>8.0f}kB{word[2] / 1024:>8.0f}kB  {verdict}")
        transaction.set_rollback(True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
