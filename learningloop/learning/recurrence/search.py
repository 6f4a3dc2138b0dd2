"""Full-text search over findings in the database itself (ADR 0024): PostgreSQL's `to_tsvector('english')`
in a stored generated column with a GIN index, and `ts_rank`; SQLite's FTS5 with the porter tokenizer and
`bm25()`. The database keeps the index current on every write (the generated column on PostgreSQL,
triggers on SQLite), so bulk loads and data migrations are indexed too. `install()` runs after every
migrate (apps.py) and is safe to repeat; on SQLite it rebuilds the index when it had to put a trigger back
(a table rebuilt by a later migration loses its triggers)."""

from dataclasses import dataclass

from django.db import connections

from .vocabulary import stem

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
# How many findings use a word, counted by FTS5 itself (its own tokenizer and stemmer; no score computed).
SQLITE_COUNT = "SELECT %s, (SELECT count(*) FROM learning_finding_fts WHERE learning_finding_fts MATCH %s)"
# The candidates: created at or before a moment, outside the finding's activity, best match first. On
# both databases only the findings that use one of the query's *rarer* words are ranked (split_by_rarity),
# so that the cost does not grow with the register.
# On PostgreSQL the GIN index finds them (at most PG_INNER_LIMIT), ranked by ts_rank over the rarer
# words, plus a little over every word. ts_rank has no idea how common a word is; ranking the rare words apart
# from the common ones is the inverse document frequency the database's own statistics give (`pg_stats`,
# below). It is a function so that it can tell the planner to use the index (SET enable_seqscan = off
# for this query alone): on a register of a few thousand findings the planner would read the whole table
# instead, which costs ten times as much and grows with every finding.
PG_FUNCTION = """CREATE OR REPLACE FUNCTION learning_finding_ranked(rare text, every text,
        common_weight float8, exclude_activity bigint, before timestamptz, exclude_id bigint,
        theme_ids bigint[], inner_limit int, top int)
    RETURNS TABLE(finding_id bigint, score float8) LANGUAGE sql STABLE SET enable_seqscan = off AS $$
    SELECT c.id, (ts_rank(c.search_vector, r, 1) + common_weight * ts_rank(c.search_vector, a, 1))::float8
    FROM (SELECT f.id, f.search_vector FROM learning_finding f
          WHERE f.search_vector @@ to_tsquery('english', rare)
          AND f.activity_id <> exclude_activity AND f.created_at <= before AND f.id <> exclude_id
          AND (cardinality(theme_ids) = 0 OR f.id IN (
              SELECT t.finding_id FROM learning_finding_themes t WHERE t.theme_id = ANY(theme_ids)))
          LIMIT inner_limit) c, to_tsquery('english', rare) r, to_tsquery('english', every) a
    ORDER BY 2 DESC, 1 DESC LIMIT top $$"""
PG_RANKED = "SELECT finding_id, score FROM learning_finding_ranked(%s, %s, %s, %s, %s, %s, %s, %s, %s)"
PG_INNER_LIMIT = 1000  # findings ranked at most, whatever the size of the register
RARE_BUDGET = 600  # the rarer words: the rarest, while the findings that use them add up to this
PG_COMMON_WEIGHT = 0.2  # the common words' share of the score
# How often each lexeme occurs in findings, as ANALYZE last saw it (autovacuum keeps it current).
PG_STATS = """SELECT s.most_common_elems::text, s.most_common_elem_freqs, c.reltuples
    FROM pg_stats s JOIN pg_class c ON c.relname = s.tablename
    WHERE s.tablename = 'learning_finding' AND s.attname = 'search_vector'"""
# SQLite: bm25() over the rarer words alone (it weighs them by rarity itself), so that FTS5 scores the few
# findings that use them, not every finding that shares a common word.
SQLITE_RANKED = """SELECT f.id, -bm25(learning_finding_fts) AS score
    FROM learning_finding_fts JOIN learning_finding f ON f.id = learning_finding_fts.rowid
    WHERE learning_finding_fts MATCH %s AND f.activity_id <> %s AND f.created_at <= %s AND f.id <> %s{themes}
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
            cursor.execute(PG_FUNCTION)
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
        return " | ".join(self.tsquery_units())

    def tsquery_units(self) -> list[str]:
        return list(self.words) + ["(" + " <-> ".join(p) + ")" for p in self.phrases]

    def split_by_rarity(self, findings_using) -> tuple["Query", "Query"]:
        """(the rarer words and phrases, the rest): the rarest first, while the findings that use them
        add up to RARE_BUDGET; `findings_using(word)` is about how many findings use a word (None when
        the database's statistics do not say)."""
        units = [((w,), False) for w in self.words] + [(p, True) for p in self.phrases]
        # A phrase counts as its rarest word the statistics know (PostgreSQL's leave out "of", "the"...):
        # at least as many findings as the phrase, so the budget holds.
        counts = [
            min((c for c in map(findings_using, words) if c is not None), default=0.0) for words, _ in units
        ]
        order = sorted(range(len(units)), key=lambda n: (counts[n], n))
        total, rare = 0.0, set()
        for n in order:
            if rare and total + counts[n] > RARE_BUDGET:
                break
            rare.add(n)
            total += counts[n]

        def query(chosen):
            return Query(
                tuple(units[n][0][0] for n in chosen if not units[n][1]),
                tuple(units[n][0] for n in chosen if units[n][1]),
            )

        return query(sorted(rare)), query(n for n in range(len(units)) if n not in rare)

    def all_words(self) -> set[str]:
        return set(self.words) | {w for p in self.phrases for w in p}


def word_counts(*queries: Query, using="default"):
    """findings_using(word) for the words of the queries (and of any narrower query made from them), read
    in one query: call it once per page and pass it to every `ranked`. PostgreSQL: from the statistics of the
    search vector (`pg_stats`, kept current by ANALYZE/autovacuum: the share of findings using each common
    lexeme, times the number of findings). SQLite: counted by FTS5 (exact)."""
    connection = connections[using]
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            words = sorted({w.lower() for q in queries for w in q.all_words()})
            if not words:
                return lambda word: None
            cursor.execute(
                " UNION ALL ".join([SQLITE_COUNT] * len(words)),
                [value for w in words for value in (w, f'"{w}"')],
            )
            docs = {w: float(n) for w, n in cursor.fetchall()}
            return lambda word: docs.get(word.lower())
        cursor.execute(PG_STATS)
        row = cursor.fetchone()
    shares: dict[str, float] = {}
    rows = 0.0
    if row and row[0]:
        lexemes = [item.strip('"') for item in row[0].strip("{}").split(",")]
        shares = dict(zip(lexemes, row[1], strict=False))
        rows = max(float(row[2]), 0.0)

    def findings_using(word):
        """About how many findings use `word`, or None for a word the statistics do not list: rarer than
        those listed, or one the database does not index ("of", "the")."""
        share = shares.get(stem(word))
        return None if share is None else share * rows

    return findings_using


def ranked(
    query: Query,
    *,
    before,
    exclude_activity_id,
    exclude_id,
    limit: int,
    theme_ids=(),
    findings_using=None,
    using="default",
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
    rare, _ = query.split_by_rarity(findings_using or word_counts(query, using=using))
    if connection.vendor == "postgresql":
        sql = PG_RANKED
        params = [rare.tsquery(), query.tsquery(), PG_COMMON_WEIGHT, exclude_activity_id, moment, exclude_id,
                  theme_ids, PG_INNER_LIMIT, limit]  # fmt: skip
    else:
        themes = WITH_THEMES.format(", ".join(["%s"] * len(theme_ids))) if theme_ids else ""
        sql = SQLITE_RANKED.format(themes=themes)
        params = [rare.fts5(), exclude_activity_id, moment, exclude_id, *theme_ids, limit]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [(pk, float(score)) for pk, score in cursor.fetchall()]
