"""Recurrence: were these improvements previously identified? Suggestions of earlier findings that describe
the same practice problem (database full-text search, the themes' vocabulary, re-ranking), and a chair's
marks on them ("same issue" / "not related"). ADR 0024."""
