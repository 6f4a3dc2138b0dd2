"""Records the authorisation walk needs for the dissemination briefings pages' URLs that take an id."""


def extend(objects):
    """Add records to the walk's objects dict (keys your walk_rules_briefings.py kwargs use)."""
