"""The database's plan for a queryset, as one line of text (SQLite's EXPLAIN QUERY PLAN details), for tests
that check which index a page's query uses."""

from django.db import connection


def query_plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        return " ".join(str(row[-1]) for row in cursor.fetchall())
