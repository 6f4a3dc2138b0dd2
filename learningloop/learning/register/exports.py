"""The register as CSV and Excel. Every text cell that a spreadsheet could read as a formula (starting with
= + - @, tab, CR or NUL) gets a leading single quote, in both formats. The register holds no restricted
details, and these exports never join ChildDetails or any case review table."""

from django.db.models import Prefetch
from django.utils import timezone

from learningloop.core.spreadsheets import spreadsheet_response

from ..models import Finding, FindingKind

HEADERS = [
    "Title",
    "Type",
    "Status",
    "Started",
    "Completed",
    "Group that owns the learning",
    "Provider agencies",
    "Partnership priorities",
    "Strengths",
    "Areas for improvement",
    "Themes",
    "Description",
]


def export_queryset(activities):
    return activities.select_related("source_type", "owning_group").prefetch_related(
        "provider_agencies",
        "priorities",
        Prefetch("findings", queryset=Finding.objects.order_by().prefetch_related("themes")),
    )


def rows(activities):
    """One list of values per activity; dates stay dates (the one spreadsheet writer formats them)."""
    for a in export_queryset(activities):
        findings = list(a.findings.all())
        themes = sorted({t.name for f in findings for t in f.themes.all()})
        yield [
            a.title,
            a.source_type.name,
            a.get_status_display(),
            a.started_on,
            a.completed_on,
            a.owning_group.name if a.owning_group else "",
            "; ".join(sorted(ag.name for ag in a.provider_agencies.all())),
            "; ".join(sorted(p.name for p in a.priorities.all())),
            sum(1 for f in findings if f.kind == FindingKind.STRENGTH),
            sum(1 for f in findings if f.kind == FindingKind.IMPROVEMENT),
            "; ".join(themes),
            a.description,
        ]


def response(activities, fmt):
    """The register as a CSV or Excel download, named for today's date."""
    return spreadsheet_response(
        headers=HEADERS,
        rows=rows(activities),
        fmt=fmt,
        filename=f"learning-register-{timezone.localdate():%Y-%m-%d}",
        sheet="Learning register",
    )
