"""The yearly report's status as the one status tag (core.presenters.StatusTag)."""

from learningloop.core.presenters import StatusTag

from ..models import YearlyReportStatus

COLOURS = {
    YearlyReportStatus.DRAFT: "grey",
    YearlyReportStatus.SIGNED_OFF: "green",
    YearlyReportStatus.PUBLISHED: "turquoise",
}
TAGS = {value: StatusTag(label, COLOURS[value], key=value) for value, label in YearlyReportStatus.choices}


def status_tag(report) -> StatusTag:
    return TAGS[report.status]
