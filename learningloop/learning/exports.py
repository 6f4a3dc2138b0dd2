"""The register as CSV and Excel. Every text cell that a spreadsheet could read as a formula (starting with
= + - @, tab, CR or NUL) gets a leading single quote, in both formats. The register holds no restricted
details, and these exports never join ChildDetails or any case review table."""

import csv
import io

from django.db.models import Prefetch
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from learningloop.core.spreadsheets import csv_safe

from .models import Finding, FindingKind

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
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def export_queryset(activities):
    return activities.select_related("source_type", "owning_group").prefetch_related(
        "provider_agencies",
        "priorities",
        Prefetch("findings", queryset=Finding.objects.order_by().prefetch_related("themes")),
    )


def rows(activities):
    """One list of values per activity; dates stay dates (the writers format them)."""
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


def _csv_cell(value):
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    return csv_safe(value)


def _xlsx_cell(value):
    if value is None or isinstance(value, int) or hasattr(value, "isoformat"):
        return value
    # Escape first (so a leading NUL or CR still earns its quote), then drop what XML cannot hold.
    return ILLEGAL_CHARACTERS_RE.sub("", csv_safe(value))


def write_csv(activities, out):
    writer = csv.writer(out)
    writer.writerow(HEADERS)
    for row in rows(activities):
        writer.writerow([_csv_cell(v) for v in row])


def build_xlsx(activities) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Learning register")
    sheet.append(HEADERS)
    for row in rows(activities):
        sheet.append([_xlsx_cell(v) for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
