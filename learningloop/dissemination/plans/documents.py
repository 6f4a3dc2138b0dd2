"""The Learning Dissemination Action Plan in the Appendix C layout, as a Word document (python-docx) and a
PDF (WeasyPrint, from dissemination/plan_appendix_c.html), and the presenters the plan page shares with
them: `appendix_c(plan)` for the table and `communication_status(...)` for a communication's tag."""

from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.template.loader import render_to_string

from learningloop.core.deadlines import deadline_status
from learningloop.core.documents import cell_lines, docx_bytes, landscape_document, render_pdf
from learningloop.core.presenters import StatusTag

from ..models import AudiencePlan, Communication, CommunicationStatus, DisseminationPlan, MessagePlan

HEADING = "Learning Dissemination Action Plan"
COLUMNS = ("Purpose of Key Messages", "Target Audiences", "Communication Methods", "Measures of Success")
CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


# --- Presenters ---


def communication_status(communication: Communication, today) -> StatusTag:
    """Done, cancelled, or open: an open communication whose due date has passed is overdue. The hint is
    the deadline engine's wording ("Overdue by 3 working days", "Met on time")."""
    status = communication.status
    if status == CommunicationStatus.DONE:
        deadline = deadline_status(communication.due_on, communication.done_on, today)
        return StatusTag("Done", "green", deadline.text, key="done")
    if status == CommunicationStatus.CANCELLED:
        return StatusTag("Cancelled", "grey", key="cancelled")
    deadline = deadline_status(communication.due_on, None, today)
    if communication.due_on < today:
        return StatusTag("Overdue", "red", deadline.text, key="overdue")
    label = communication.get_status_display()
    colour = "yellow" if status == CommunicationStatus.IN_PROGRESS else "blue"
    return StatusTag(label, colour, deadline.text, key=status)


def audience_label(audience) -> str:
    """ "Internal communications (Partnership members)": the seed's row label from the audience group."""
    description = (audience.description or "").strip()
    return f"{audience.name} ({description})" if description else audience.name


def with_plan_data(queryset):
    """Everything the plan page and the Appendix C documents read, in a fixed number of queries."""
    communications = Communication.objects.select_related("method", "owner", "owner_agency").order_by(
        "due_on", "pk"
    )
    audience_plans = (
        AudiencePlan.objects.select_related("audience")
        .prefetch_related("methods", Prefetch("communications", queryset=communications))
        .order_by("audience__position", "audience__pk")
    )
    message_plans = (
        MessagePlan.objects.select_related("key_message")
        .prefetch_related(Prefetch("audience_plans", queryset=audience_plans))
        .order_by("key_message__position", "key_message__pk")
    )
    return queryset.select_related("summary__subgroup").prefetch_related(
        Prefetch("message_plans", queryset=message_plans)
    )


@dataclass
class AudienceRow:
    label: str
    methods: list[str]
    measures: str
    audience_plan: AudiencePlan


@dataclass
class MessageTable:
    number: int
    key_message: str
    purpose: str
    message_plan: MessagePlan
    rows: list[AudienceRow] = field(default_factory=list)


def appendix_c(plan: DisseminationPlan) -> dict:
    tables = []
    for number, message_plan in enumerate(plan.message_plans.all(), start=1):
        table = MessageTable(number, message_plan.key_message.text, message_plan.purpose, message_plan)
        for audience_plan in message_plan.audience_plans.all():
            methods = sorted(audience_plan.methods.all(), key=lambda m: (m.position, m.name))
            table.rows.append(AudienceRow(audience_label(audience_plan.audience), [m.name for m in methods],
                                          audience_plan.measures_of_success, audience_plan))  # fmt: skip
        tables.append(table)
    return {
        "heading": HEADING,
        "title": plan.summary.title,
        "subgroup": plan.summary.subgroup.name,
        "columns": COLUMNS,
        "tables": tables,
    }


def filename(plan, extension):
    return f"learning-dissemination-action-plan-{plan.pk}.{extension}"


# --- Word ---


def build_docx(plan: DisseminationPlan) -> bytes:
    data = appendix_c(plan)
    document = landscape_document(f"{HEADING}: {data['title']}")

    document.add_heading(HEADING, level=1)
    paragraph = document.add_paragraph()
    paragraph.add_run("Summary of Learning: ").bold = True
    paragraph.add_run(data["title"])
    paragraph = document.add_paragraph()
    paragraph.add_run("Subgroup: ").bold = True
    paragraph.add_run(data["subgroup"])

    for table_data in data["tables"]:
        document.add_heading(f"Key message {table_data.number}", level=2)
        document.add_paragraph(table_data.key_message)
        rows = table_data.rows
        table = document.add_table(rows=1 + max(len(rows), 1), cols=len(COLUMNS))
        table.style = "Table Grid"
        for cell, heading in zip(table.rows[0].cells, COLUMNS, strict=True):
            cell_lines(cell, [heading], bold=True)
        for index, row in enumerate(rows, start=1):
            cells = table.rows[index].cells
            cell_lines(cells[1], [row.label])
            cell_lines(cells[2], row.methods)
            cell_lines(cells[3], row.measures.splitlines())
        # The purpose spans the audience rows, as in the seed's template.
        purpose = table.cell(1, 0)
        if len(rows) > 1:
            purpose = purpose.merge(table.cell(len(rows), 0))
        cell_lines(purpose, table_data.purpose.splitlines())

    return docx_bytes(document)


# --- PDF ---


def appendix_c_html(plan: DisseminationPlan) -> str:
    return render_to_string("dissemination/plan_appendix_c.html", {"plan": plan, **appendix_c(plan)})


def render_pdf_document(plan: DisseminationPlan):
    return render_pdf(appendix_c_html(plan))


def build_pdf(plan: DisseminationPlan) -> bytes:
    return render_pdf_document(plan).write_pdf()
