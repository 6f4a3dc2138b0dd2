"""Helpers for tests that a page's statements do not grow with its rows."""

# A list whose first page is full also counts its rows (a COUNT(*) statement); a first page that is not
# full is the whole list, so its rows are counted without one (core.pagination.paginate).
FULL_PAGE_COUNT = 1


def _sql(statements):
    """The SQL of a CaptureQueriesContext, a list of captured query dicts or a list of SQL strings."""
    captured = getattr(statements, "captured_queries", statements)
    return [query["sql"] if isinstance(query, dict) else query for query in captured]


def _is_count(statement):
    """A COUNT(*) of a list, or of the deadline engine's kinds added up (SELECT (SELECT COUNT(*) …) + …)."""
    return statement.lstrip().upper().startswith(("SELECT COUNT(*)", "SELECT (SELECT COUNT(*)"))


def assert_same_statements_but_the_count(few, full, *, lists=1):
    """`few` and `full`: the statements of a page whose lists' first pages are not full and of the same page
    with `lists` of them full (two statement counts, or each a CaptureQueriesContext or a list of captured
    query dicts or SQL strings). The full page's are the same plus each full list's COUNT."""
    if isinstance(few, int) and isinstance(full, int):
        assert full == few + lists * FULL_PAGE_COUNT, f"{few} statements with short lists, {full} with full"
        return
    few, full = _sql(few), _sql(full)
    others_few = [s for s in few if not _is_count(s)]
    others_full = [s for s in full if not _is_count(s)]
    assert len(others_full) == len(others_few), ("statements other than counts grew", few, full)
    counts_few, counts_full = len(few) - len(others_few), len(full) - len(others_full)
    assert counts_full == counts_few + lists * FULL_PAGE_COUNT, (
        f"{counts_few} COUNT statements with short lists, {counts_full} with {lists} full",
        few,
        full,
    )
