"""Records the authorisation walk needs for the learning reviews pages' URLs that take an id."""


def extend(objects):
    """Add records to the walk's objects dict (keys your walk_rules_reviews.py kwargs use)."""
