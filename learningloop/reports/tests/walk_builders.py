"""Records the authorisation walk needs for the reports pages' URLs that take an id."""

from .factories import make_trail


def extend(objects):
    """Add records to the walk's objects dict (keys your walk_rules.py kwargs use)."""
    trail = make_trail(agency=objects["agency"], other_agency=objects["other_agency"])
    objects["trail_message"] = trail["message"]
