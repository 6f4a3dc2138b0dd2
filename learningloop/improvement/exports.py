"""The actions list as Excel. Every text cell goes through csv_safe, so a spreadsheet never reads a cell
that starts with = + - @, tab, CR or NUL as a formula."""

import io

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from learningloop.core.spreadsheets import csv_safe

from .presenters import action_rag

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HEADERS = [
    "Plan",
    "Action",
    "Owner agency",
    "Owner",
    "Due date",
    "Status",
    "RAG",
    "Progress (per cent)",
    "Date completed",
    "Evidence of completion",
    "Check the improvement lasted on",
    "Date checked",
    "Sustainment result",
]


def _cell(value):
    if value is None or isinstance(value, int) or hasattr(value, "isoformat"):
        return value
    return ILLEGAL_CHARACTERS_RE.sub("", csv_safe(value))


def rows(actions, today):
    for a in actions.select_related("plan", "owner_agency", "owner"):
        yield [
            a.plan.title,
            a.description,
            a.owner_agency.name,
            a.owner.full_name if a.owner else "",
            a.due_on,
            a.get_status_display(),
            action_rag(a, today).text,
            a.progress,
            a.completed_on,
            a.evidence_of_completion,
            a.sustainment_due_on,
            a.sustainment_checked_on,
            a.get_sustainment_result_display() if a.sustainment_result else "",
        ]


def build_xlsx(actions, today) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Actions")
    sheet.append(HEADERS)
    for row in rows(actions, today):
        sheet.append([_cell(v) for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
