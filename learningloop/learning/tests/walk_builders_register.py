"""Records the authorisation walk needs for the learning register pages' URLs that take an id."""

import datetime

from .factories_register import (
    ActivityFactory,
    DocumentFactory,
    FindingFactory,
    PriorityFactory,
    ThemeFactory,
)


def extend(objects):
    """Add records to the walk's objects dict (keys your walk_rules_register.py kwargs use)."""
    activity = ActivityFactory(source_type=objects["source_type"], owning_group=objects["group"])
    theme = ThemeFactory()
    objects["activity"] = activity
    objects["theme"] = theme
    objects["priority"] = PriorityFactory()
    objects["finding"] = FindingFactory(activity=activity, themes=[theme])
    objects["document"] = DocumentFactory(activity=activity)
    # The walk POSTs an empty body to the delete confirmations: give them their own records so that the
    # pages walked after them still find theirs.
    objects["finding_to_delete"] = FindingFactory(activity=activity)
    objects["document_to_delete"] = DocumentFactory(activity=activity)
    # An earlier finding of another activity, suggested on the finding's page (recurrence marks).
    objects["earlier_finding"] = FindingFactory(
        themes=[theme], created_at=objects["finding"].created_at - datetime.timedelta(days=400)
    )
