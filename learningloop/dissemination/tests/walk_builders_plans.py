"""Records the authorisation walk needs for the dissemination plans pages' URLs that take an id."""


def extend(objects):
    """Add records to the walk's objects dict (keys your walk_rules_plans.py kwargs use)."""
