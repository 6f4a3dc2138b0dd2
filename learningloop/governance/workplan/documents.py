"""The highlight report as Word (python-docx) and PDF (WeasyPrint), from its stored sections."""

from django.template.loader import render_to_string

from learningloop.core.dates import format_date
from learningloop.core.documents import docx_bytes, render_pdf


def title(report) -> str:
    return f"{report.group.name}: highlight report to the {report.executive_meeting}"


def filename(report, ext) -> str:
    return f"highlight-report-{report.executive_meeting.date:%Y-%m-%d}.{ext}"


def build_docx(report) -> bytes:
    from docx import Document

    document = Document()
    document.core_properties.title = title(report)
    document.add_heading(title(report), level=1)
    document.add_paragraph(
        f"Period: {format_date(report.period_start)} to {format_date(report.period_end)}. "
        f"Status: {report.get_status_display()}"
        + (f", issued {format_date(report.issued_on)}" if report.issued_on else "")
    )
    for section in report.sections:
        document.add_heading(section["heading"], level=2)
        for line in (section["text"] or "").splitlines() or [""]:
            document.add_paragraph(line)
    return docx_bytes(document)


def render_pdf_document(report):
    """The laid-out PDF (core.documents.render_pdf): its pages can be read back."""
    html = render_to_string(
        "governance/highlight_pdf.html", {"report": report, "title": title(report)}, using="jinja2"
    )
    return render_pdf(html)


def build_pdf(report) -> bytes:
    return render_pdf_document(report).write_pdf()
