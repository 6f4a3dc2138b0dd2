"""The Summary of Learning in the Appendix B layout, as a Word document (python-docx) and a PDF
(WeasyPrint, from learning/summary_appendix_b.html). Both read the same presenter, `appendix_b(summary)`,
which the detail page uses too, so the three always agree."""

from dataclasses import dataclass

from django.db.models import Prefetch
from django.template.loader import render_to_string

from learningloop.core.documents import cell_lines, docx_bytes, landscape_document, render_pdf

from ..models import KeyMessage, SummaryOfLearning

HEADING = "Summary of Learning for consideration by Learning and Development Group"
EXAMPLES = (
    "Examples of SCP activity are: Audits, User feedback, Complaints, Rapid Reviews, LCSPRs, "
    "other reflective learning activities"
)
COLUMNS = (
    "Type of SCP Activity",
    "Brief description of SCP activity and dates undertaken",
    "Summary of findings",
    "Multi-agency learning – key messages",
    "Target audiences for dissemination of learning",
)
WORKFORCE_AUDIENCE = "Workforce communications"


def with_document_data(queryset):
    """Everything the Appendix B layout reads, in a fixed number of queries."""
    messages = KeyMessage.objects.order_by("position", "pk").prefetch_related(
        "audiences", "workforce_groups__audience_group"
    )
    return queryset.select_related("subgroup").prefetch_related(Prefetch("key_messages", queryset=messages))


def audiences_text(message) -> str:
    """ "Internal communications; Workforce communications: GPs and primary care, Police response officers".
    Workforce groups sit under their audience group (Workforce communications unless set otherwise)."""
    named = {}
    for group in message.workforce_groups.all():
        audience = group.audience_group.name if group.audience_group else WORKFORCE_AUDIENCE
        named.setdefault(audience.lower(), (audience, []))[1].append(group.name)
    parts = []
    for audience in message.audiences.all():
        _, groups = named.pop(audience.name.lower(), (audience.name, []))
        parts.append(f"{audience.name}: {', '.join(groups)}" if groups else audience.name)
    parts += [f"{name}: {', '.join(groups)}" for name, groups in named.values()]
    return "; ".join(parts)


@dataclass
class NumberedMessage:
    number: int
    text: str
    audiences: str
    message: KeyMessage


def appendix_b(summary: SummaryOfLearning) -> dict:
    messages = [
        NumberedMessage(number, m.text, audiences_text(m), m)
        for number, m in enumerate(summary.key_messages.all(), start=1)
    ]
    return {
        "heading": HEADING,
        "subgroup": summary.subgroup.name,
        "examples": EXAMPLES,
        "columns": COLUMNS,
        "activity_type": summary.activity_type,
        "description": summary.description,
        "findings_summary": summary.findings_summary,
        "messages": messages,
    }


def filename(summary, extension):
    return f"summary-of-learning-{summary.pk}.{extension}"


# --- Word ---


def build_docx(summary: SummaryOfLearning) -> bytes:
    data = appendix_b(summary)
    document = landscape_document(f"Summary of Learning: {summary.title}")

    document.add_heading(data["heading"], level=1)
    paragraph = document.add_paragraph()
    paragraph.add_run("Subgroup: ").bold = True
    paragraph.add_run(data["subgroup"])
    document.add_paragraph().add_run(data["examples"]).italic = True

    table = document.add_table(rows=2, cols=len(COLUMNS))
    table.style = "Table Grid"
    for cell, heading in zip(table.rows[0].cells, COLUMNS, strict=True):
        cell_lines(cell, [heading], bold=True)
    row = table.rows[1].cells
    cell_lines(row[0], data["activity_type"].splitlines())
    cell_lines(row[1], data["description"].splitlines())
    cell_lines(row[2], data["findings_summary"].splitlines())
    cell_lines(row[3], [f"{m.number}. {m.text}" for m in data["messages"]])
    cell_lines(row[4], [f"{m.number}. {m.audiences}" for m in data["messages"]])

    return docx_bytes(document)


# --- PDF ---


def appendix_b_html(summary: SummaryOfLearning) -> str:
    return render_to_string("learning/summary_appendix_b.html", {"summary": summary, **appendix_b(summary)})


def render_pdf_document(summary: SummaryOfLearning):
    return render_pdf(appendix_b_html(summary))


def build_pdf(summary: SummaryOfLearning) -> bytes:
    return render_pdf_document(summary).write_pdf()
