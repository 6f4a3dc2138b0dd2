"""Records the authorisation walk needs for the dissemination requests pages' URLs that take an id."""


def extend(objects):
    """Add records to the walk's objects dict (keys your walk_rules_requests.py kwargs use)."""
