"""Records the authorisation walk needs for the dissemination briefings pages' URLs that take an id."""

from learningloop.dissemination.models import BriefingStatus

from .factories_briefings import BriefingFactory


def extend(objects):
    """Add records to the walk's objects dict (keys your walk_rules_briefings.py kwargs use)."""
    objects["briefing"] = BriefingFactory(title="Walk briefing")
    objects["briefing_to_ready"] = BriefingFactory(title="Walk briefing to mark ready")
    objects["briefing_to_unready"] = BriefingFactory(
        title="Walk briefing to return to draft", status=BriefingStatus.READY
    )
