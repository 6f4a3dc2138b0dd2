"""Governance statuses as the one StatusTag (core.presenters), drawn by jinja2/core/_status_tag.html."""

from learningloop.core.presenters import StatusTag

from .models import HighlightStatus, RiskRating, WorkPlanStatus

CANCELLED = StatusTag("Cancelled", "grey", key="cancelled")
SCHEDULED = StatusTag("Scheduled", "blue", key="scheduled")
HELD = StatusTag("Held", "green", key="held")
LATE_PAPER = StatusTag("Late paper", "orange", key="late")
NEEDS_RATIFICATION = StatusTag("Needs ratification", "orange", key="needs_ratification")
RATIFIED = StatusTag("Ratified", "green", key="ratified")


def meeting_tag(meeting, today=None) -> StatusTag:
    if meeting.is_cancelled:
        return CANCELLED
    return HELD if meeting.has_happened(today) else SCHEDULED


def quorum_tag(quorum, *, expected: bool) -> StatusTag:
    if quorum.quorate:
        return StatusTag("Expected to be quorate" if expected else "Quorate", "green", key="quorate")
    return StatusTag(
        "Not expected to be quorate" if expected else "Not quorate",
        "red",
        hint=quorum.explanation,
        key="inquorate",
    )


_WORK = {
    WorkPlanStatus.NOT_STARTED: "grey",
    WorkPlanStatus.ON_TRACK: "green",
    WorkPlanStatus.AT_RISK: "orange",
    WorkPlanStatus.DELAYED: "red",
    WorkPlanStatus.COMPLETE: "blue",
}


def work_plan_tag(item) -> StatusTag:
    return StatusTag(item.get_status_display(), _WORK[item.status], key=item.status)


_RATING = {RiskRating.LOW: "green", RiskRating.MEDIUM: "orange", RiskRating.HIGH: "red"}


def risk_tag(risk) -> StatusTag:
    return StatusTag(risk.get_rating_display(), _RATING[risk.rating], key=risk.rating)


def highlight_tag(report) -> StatusTag:
    if report.status == HighlightStatus.ISSUED:
        return StatusTag("Issued", "green", key="issued")
    return StatusTag("Draft", "grey", key="draft")


INQUORATE = StatusTag("Not quorate", "red", key="inquorate")
