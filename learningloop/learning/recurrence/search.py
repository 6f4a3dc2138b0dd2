"""Full-text search over findings in the database itself (ADR 0024): PostgreSQL's `to_tsvector('english')`
in a stored generated column with a GIN index, and `ts_rank`; SQLite's FTS5 with the porter tokenizer and
`bm25()`. The database keeps the index current on every write (the generated column on PostgreSQL,
triggers on SQLite), so bulk loads and data migrations are indexed too. `install()` runs after every
migrate (apps.py) and is safe to repeat; on SQLite it rebuilds the index when it had to put a trigger back
(a table rebuilt by a later migration loses its triggers)."""

from dataclasses import dataclass

from django.db import connections

FTS = "learning_finding_fts"
SQLITE_TRIGGERS = {
    "learning_finding_fts_ai": """CREATE TRIGGER IF NOT EXISTS learning_finding_fts_ai
        AFTER INSERT ON learning_finding BEGIN
        INSERT INTO learning_finding_fts(rowid, text) VALUES (new.id, new.text); END""",
    "learning_finding_fts_ad": """CREATE TRIGGER IF NOT EXISTS learning_finding_fts_ad
        AFTER DELETE ON learning_finding BEGIN
        INSERT INTO learning_finding_fts(learning_finding_fts, rowid, text)
        VALUES ('delete', old.id, old.text); END""",
    "learning_finding_fts_au": """CREATE TRIGGER IF NOT EXISTS learning_finding_fts_au
        AFTER UPDATE OF text ON learning_finding BEGIN
        INSERT INTO learning_finding_fts(learning_finding_fts, rowid, text)
        VALUES ('delete', old.id, old.text);
        INSERT INTO learning_finding_fts(rowid, text) VALUES (new.id, new.text); END""",
}
SQLITE_TABLE = """CREATE VIRTUAL TABLE IF NOT EXISTS learning_finding_fts USING fts5(text,
    content='learning_finding', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')"""
SQLITE_REBUILD = "INSERT INTO learning_finding_fts(learning_finding_fts) VALUES ('rebuild')"
# A stored generated column, so that ranking reads the vector instead of parsing every matching text.
PG_CREATE = [
    """ALTER TABLE learning_finding ADD COLUMN IF NOT EXISTS search_vector tsvector
    GENERATED ALWAYS AS (to_tsvector('english', text)) STORED""",
    "CREATE INDEX IF NOT EXISTS learning_finding_search_vector ON learning_finding USING gin (search_vector)",
]
# The candidates: created at or before a moment, outside the finding's activity, best match first.
PG_RANKED = """SELECT f.id, ts_rank(f.search_vector, q, 1) AS score
    FROM learning_finding f, to_tsquery('english', %s) q
    WHERE f.search_vector @@ q AND f.activity_id <> %s AND f.created_at <= %s AND f.id <> %s
    ORDER BY score DESC, f.id DESC LIMIT %s"""
SQLITE_RANKED = """SELECT f.id, -bm25(learning_finding_fts) AS score
    FROM learning_finding_fts JOIN learning_finding f ON f.id = learning_finding_fts.rowid
    WHERE learning_finding_fts MATCH %s AND f.activity_id <> %s AND f.created_at <= %s AND f.id <> %s
    ORDER BY score DESC, f.id DESC LIMIT %s"""
# Only among the findings tagged with one of the themes (ids, as many placeholders as themes).
WITH_THEMES = " AND f.id IN (SELECT finding_id FROM learning_finding_themes WHERE theme_id IN ({}))"


def install(using="default") -> None:
    """Create the full-text index of findings if it is missing (both vendors), idempotently."""
    connection = connections[using]
    if "learning_finding" not in connection.introspection.table_names():
        return
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            for sql in PG_CREATE:
                cursor.execute(sql)
        elif connection.vendor == "sqlite":
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger') AND name LIKE %s",
                [FTS + "%"],
            )
            present = {row[0] for row in cursor.fetchall()}
            cursor.execute(SQLITE_TABLE)
            for sql in SQLITE_TRIGGERS.values():
                cursor.execute(sql)
            if not set(SQLITE_TRIGGERS) | {FTS} <= present:
                cursor.execute(SQLITE_REBUILD)


@dataclass(frozen=True)
class Query:
    """What to search for: single words and phrases (several words in a row), letters and digits only."""

    words: tuple[str, ...]
    phrases: tuple[tuple[str, ...], ...] = ()

    def __bool__(self):
        return bool(self.words or self.phrases)

    def fts5(self) -> str:
        units = [f'"{w}"' for w in self.words] + ['"' + " ".join(p) + '"' for p in self.phrases]
        return " OR ".join(units)

    def tsquery(self) -> str:
        units = list(self.words) + ["(" + " <-> ".join(p) + ")" for p in self.phrases]
        return " | ".join(units)


def ranked(
    query: Query, *, before, exclude_activity_id, exclude_id, limit: int, theme_ids=(), using="default"
):
    """[(finding id, text score)] of the findings created at or before `before`, outside the activity,
    best first (a higher score reads more alike); with `theme_ids`, only findings tagged with one of those
    themes (the score of a finding does not depend on that filter). One query, served by the full-text
    index."""
    if not query:
        return []
    theme_ids = [int(pk) for pk in theme_ids]
    connection = connections[using]
    moment = connection.ops.adapt_datetimefield_value(before)
    if connection.vendor == "postgresql":
        sql, search = PG_RANKED, query.tsquery()
    else:
        sql, search = SQLITE_RANKED, query.fts5()
    params = [search, exclude_activity_id, moment, exclude_id, *theme_ids, limit]
    if theme_ids:
        where, order = sql.split("\n    ORDER BY ")
        sql = where + WITH_THEMES.format(", ".join(["%s"] * len(theme_ids))) + "\n    ORDER BY " + order
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [(pk, float(score)) for pk, score in cursor.fetchall()]
