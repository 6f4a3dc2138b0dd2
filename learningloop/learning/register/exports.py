"""The register as CSV and Excel. Every text cell that a spreadsheet could read as a formula (starting with
= + - @, tab, CR or NUL) gets a leading single quote, in both formats. The register holds no restricted
details, and these exports never join ChildDetails or any case review table."""

from collections import defaultdict
from itertools import islice

from django.utils import timezone

from learningloop.core.spreadsheets import spreadsheet_response

from ..models import ActivityStatus, Finding, FindingKind, LearningActivity

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


CHUNK = 500
COLUMNS = ("pk", "title", "source_type__name", "status", "started_on", "completed_on", "owning_group__name",
           "description")  # fmt: skip


def _grouped(pairs):
    grouped = defaultdict(list)
    for key, value in pairs:
        grouped[key].append(value)
    return grouped


def _chunk_rows(chunk):
    """The rows of up to CHUNK activities, with four queries for their agencies, priorities and findings
    (plain values, no model objects)."""
    ids = [values[0] for values in chunk]
    agencies = _grouped(
        LearningActivity.provider_agencies.through.objects.filter(learningactivity_id__in=ids).values_list(
            "learningactivity_id", "agency__name"
        )
    )
    priorities = _grouped(
        LearningActivity.priorities.through.objects.filter(learningactivity_id__in=ids).values_list(
            "learningactivity_id", "priority__name"
        )
    )
    kinds = _grouped(
        Finding.objects.order_by().filter(activity_id__in=ids).values_list("activity_id", "kind")
    )
    themes = _grouped(
        Finding.themes.through.objects.filter(finding__activity_id__in=ids)
        .values_list("finding__activity_id", "theme__name")
        .distinct()
    )
    status_text = dict(ActivityStatus.choices)
    for pk, title, source_type, status, started_on, completed_on, group, description in chunk:
        found = kinds.get(pk, ())
        yield [
            title,
            source_type,
            status_text.get(status, status),
            started_on,
            completed_on,
            group or "",
            "; ".join(sorted(agencies.get(pk, ()))),
            "; ".join(sorted(priorities.get(pk, ()))),
            sum(1 for kind in found if kind == FindingKind.STRENGTH),
            sum(1 for kind in found if kind == FindingKind.IMPROVEMENT),
            "; ".join(sorted(set(themes.get(pk, ())))),
            description,
        ]


def rows(activities):
    """One list of values per activity, in the list's order; dates stay dates (the one spreadsheet writer
    formats them). Read CHUNK activities at a time, so a long register never sits in memory at once."""
    values = activities.values_list(*COLUMNS).iterator(chunk_size=CHUNK)
    while chunk := list(islice(values, CHUNK)):
        yield from _chunk_rows(chunk)


def response(activities, fmt):
    """The register as a CSV or Excel download, named for today's date."""
    return spreadsheet_response(
        headers=HEADERS,
        rows=rows(activities),
        fmt=fmt,
        filename=f"learning-register-{timezone.localdate():%Y-%m-%d}",
        sheet="Learning register",
    )
