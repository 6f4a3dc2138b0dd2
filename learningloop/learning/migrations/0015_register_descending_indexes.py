"""PostgreSQL only: indexes for the register's two descending sorts on dates that may be empty ("newest
first", empty last). PostgreSQL keeps NULLs first when it reads an ordinary index backwards, so `started_on
DESC NULLS LAST` could not use `activity_started_title` and sorted every activity for each page. SQLite
cannot index NULLS LAST, and needs no such index: its NULLs come last going down already. Outside Django's
model state, as the full-text index is (docs/adr/0025-page-cost-that-does-not-grow.md)."""

from django.db import migrations

INDEXES = {
    "activity_started_desc": "started_on DESC NULLS LAST, title DESC, id DESC",
    "activity_completed_desc": "completed_on DESC NULLS LAST, title DESC, id DESC",
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, columns in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON learning_learningactivity ({columns})")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("learning", "0014_activity_finding_counts")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
