"""The actions list as Excel, through the one spreadsheet writer (core.spreadsheets): a spreadsheet never
reads a cell that starts with = + - @, tab, CR or NUL as a formula."""

from learningloop.core.spreadsheets import XLSX, spreadsheet_response

from .presenters import action_rag

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


def response(actions, today, fmt=XLSX):
    """The actions as an Excel (or CSV) download, named for the day."""
    return spreadsheet_response(
        headers=HEADERS,
        rows=rows(actions, today),
        fmt=fmt,
        filename=f"actions-{today:%Y-%m-%d}",
        sheet="Actions",
    )
