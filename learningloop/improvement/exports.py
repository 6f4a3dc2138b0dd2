"""The actions list as Excel, through the one spreadsheet writer (core.spreadsheets): a spreadsheet never
reads a cell that starts with = + - @, tab, CR or NUL as a formula."""

from learningloop.core.spreadsheets import XLSX, spreadsheet_response

from .models import ActionStatus, SustainmentResult
from .presenters import rag

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


COLUMNS = (
    "plan__title",
    "description",
    "owner_agency__name",
    "owner__full_name",
    "due_on",
    "status",
    "progress",
    "completed_on",
    "evidence_of_completion",
    "sustainment_due_on",
    "sustainment_checked_on",
    "sustainment_result",
)


def rows(actions, today):
    """One list of values per action, read as plain values (no model objects); the RAG rating comes from
    the one rule (presenters.rag), worked out once per combination of the values it depends on."""
    status_text = dict(ActionStatus.choices)
    result_text = dict(SustainmentResult.choices)
    rags = {}
    for values in actions.values_list(*COLUMNS).iterator(chunk_size=2000):
        (plan, description, agency, owner, due_on, status, progress, completed_on, evidence, check_on,
         checked_on, result) = values  # fmt: skip
        key = (status, due_on, progress, result)
        if key not in rags:
            rags[key] = rag(
                status=status, due_on=due_on, progress=progress, sustainment_result=result, today=today
            )
        yield [
            plan,
            description,
            agency,
            owner or "",
            due_on,
            status_text.get(status, status),
            rags[key].text,
            progress,
            completed_on,
            evidence,
            check_on,
            checked_on,
            result_text.get(result, result) if result else "",
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
