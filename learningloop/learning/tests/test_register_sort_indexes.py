"""The register's page of 50 comes from an index in its default order, newest first with activities not
yet started last, on PostgreSQL too (learning migration 0015): PostgreSQL reads an ordinary index
backwards with empty dates first, so "started_on DESC NULLS LAST" sorted every activity of the register
for each page. The sort says "empty last" only on columns that may be empty (core.filters.SortFilter), so
the title after the date is a plain DESC that the same index carries."""

import datetime

import pytest
from django.db import connection
from django.http import QueryDict

from learningloop.learning.filters import ActivityFilterSet
from learningloop.learning.models import LearningActivity

from .factories_register import ActivityFactory

pytestmark = pytest.mark.django_db


def _page_keys(query_string):
    filters = ActivityFilterSet(data=QueryDict(query_string), queryset=LearningActivity.objects.all())
    return filters.qs.values_list("pk", flat=True)[:50]


def _plan(queryset):
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        # Forbid the whole-table read and the sort: a plan without them exists only if an index gives the
        # order (on a few rows the planner would otherwise rightly prefer them).
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute("EXPLAIN " + sql, params)
        return " ".join(row[0] for row in cursor.fetchall())


@pytest.fixture
def register():
    day = datetime.date(2026, 1, 5)
    made = [
        ActivityFactory(title=f"Audit {n:02d}", started_on=day + datetime.timedelta(days=n % 7))
        for n in range(20)
    ]
    made += [ActivityFactory(title=f"Planned {n}", started_on=None, status="planned") for n in range(3)]
    return made


def test_newest_first_puts_the_activities_not_yet_started_last_and_breaks_ties_by_title(register):
    keys = list(_page_keys(""))
    rows = LearningActivity.objects.in_bulk(keys)
    shown = [(rows[k].started_on, rows[k].title) for k in keys]
    dated = [row for row in shown if row[0] is not None]
    assert dated == sorted(dated, reverse=True)  # newest first, then title Z to A
    assert [title for started, title in shown[-3:]] == ["Planned 2", "Planned 1", "Planned 0"]
    assert all(started is None for started, _title in shown[-3:])


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the index and the plan are PostgreSQL's")
@pytest.mark.parametrize(
    "query_string, index", [("", "activity_started_desc"), ("sort=-completed", "activity_completed_desc")]
)
def test_postgresql_reads_a_page_of_the_register_from_an_index_in_its_order(register, query_string, index):
    plan = _plan(_page_keys(query_string))
    assert index in plan, plan
    assert "Sort" not in plan, plan
