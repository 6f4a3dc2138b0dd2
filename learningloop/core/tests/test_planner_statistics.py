"""SQLite gathers no planner statistics by itself: the daily run gathers them, so that the late returns
page counts from the small index of late returns rather than reading every return ever made."""

import datetime

import pytest
from django.db import connection

from learningloop.core.reminders import send_due_reminders
from learningloop.core.tests.query_plans import query_plan
from learningloop.partnership.tests.factories import AgencyFactory
from learningloop.performance.models import DataDue
from learningloop.performance.tests.factories import IndicatorFactory

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.mark.skipif(connection.vendor != "sqlite", reason="PostgreSQL's autovacuum gathers them itself")
def test_after_the_daily_run_sqlite_counts_late_returns_from_their_own_index():
    agency = AgencyFactory(name="Ashdale Police")
    indicator = IndicatorFactory(name="Referrals", providers=[agency])
    day = datetime.timedelta(days=1)
    on_time = [
        DataDue(indicator=indicator, agency=agency, period_start=D(2000, 1, 1) + n * day,
                period_end=D(2000, 1, 1) + n * day, due_on=D(2030, 1, 1), done_on=D(2029, 1, 1))
        for n in range(2000)
    ]  # fmt: skip
    DataDue.objects.bulk_create(on_time)
    late = {"period_start": D(2024, 1, 1), "period_end": D(2024, 1, 31), "due_on": D(2024, 2, 20)}
    DataDue.objects.create(indicator=indicator, agency=agency, done_on=D(2024, 2, 23), **late)
    counting = DataDue.objects.came_in_late().order_by().values_list("agency_id")
    assert "data_due_late" not in query_plan(counting)  # without statistics SQLite reads every return
    counts = send_due_reminders(today=D(2026, 6, 15))
    assert counts["Database planner statistics"] == 0  # no email
    assert "data_due_late" in query_plan(counting)
