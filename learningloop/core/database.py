"""Keeping the database's query planner informed.

PostgreSQL gathers planner statistics itself (autovacuum's ANALYZE). SQLite never does: without
statistics it cannot tell a small partial index (the few late returns) from a large one (every return),
and it chooses the large one. The daily run (core.reminders) therefore runs ANALYZE on SQLite, as the
large-partnership generator does after a bulk load on either database; on millions of rows it takes
seconds."""

from django.db import connection


def refresh_planner_statistics() -> None:
    """ANALYZE the whole database, now."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def run_planner_statistics(today) -> int:
    """The daily run's part: SQLite only (PostgreSQL's autovacuum does it). No email: it reports 0 sent."""
    if connection.vendor == "sqlite":
        refresh_planner_statistics()
    return 0
