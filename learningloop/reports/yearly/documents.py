"""The yearly report as a tagged PDF (core.documents.render_pdf) and as Word (python-docx: real Heading
styles, tables with a repeating header row, charts as pictures with their text alternative as alt text)."""

from django.template.loader import render_to_string

from learningloop.core.dates import format_date
from learningloop.core.documents import add_chart, docx_bytes, render_pdf

from . import content

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def filename(report, ext) -> str:
    return f"yearly-report-{report.year}-{(report.year + 1) % 100:02d}.{ext}"


def period(report) -> str:
    return f"{format_date(report.starts_on)} to {format_date(report.ends_on)}"


def pdf_html(report, sign_offs) -> str:
    return render_to_string(
        "reports/yearly/report_pdf.html",
        {
            "report": report,
            "title": report.title,
            "period": period(report),
            "parts": content.drawn_parts(report),
            "sign_offs": sign_offs,
        },
        using="jinja2",
    )


def render_pdf_document(report, sign_offs):
    return render_pdf(pdf_html(report, sign_offs))


def build_pdf(report, sign_offs) -> bytes:
    return render_pdf_document(report, sign_offs).write_pdf()


def _header_row(row):
    """Mark a Word table row as its header row (repeated on each page, read as headers)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _table(document, headers, rows, caption=""):
    if caption:
        document.add_paragraph(caption, style="Caption")
    grid = document.add_table(rows=1, cols=len(headers))
    grid.style = "Table Grid"
    for cell, text in zip(grid.rows[0].cells, headers, strict=False):
        cell.text = ""
        cell.paragraphs[0].add_run(str(text)).bold = True
    _header_row(grid.rows[0])
    for row in rows:
        cells = grid.add_row().cells
        for cell, text in zip(cells, row, strict=False):
            cell.text = str(text)
    return grid


def build_docx(report, sign_offs) -> bytes:
    from docx import Document

    document = Document()
    document.core_properties.title = report.title
    document.core_properties.language = "en-GB"
    document.add_heading(report.title, level=1)
    document.add_paragraph(f"Reporting year: {period(report)}. Status: {report.get_status_display()}.")
    for part in content.drawn_parts(report):
        document.add_heading(part.heading, level=2)
        for paragraph in part.paragraphs("above"):
            document.add_paragraph(paragraph)
        if part.figures:
            _table(document, ["Measure", "Figure"], part.figures, "Key figures")
        for found in part.tables:
            _table(document, found["headers"], found["rows"], found["caption"])
        for chart in part.charts:
            add_chart(document, chart, width_cm=15)
        if part.empty:
            document.add_paragraph(part.empty)
        for paragraph in part.paragraphs("below"):
            document.add_paragraph(paragraph)
    document.add_heading("Sign-off by the safeguarding partners", level=2)
    if sign_offs:
        _table(
            document,
            ["Partner", "Signed by", "Role", "Agency", "Date"],
            [
                [
                    s.partner_label,
                    s.signer_name,
                    s.signer_role,
                    s.agency.name,
                    format_date(s.signed_at.date()),
                ]
                for s in sign_offs
            ],
        )
    else:
        document.add_paragraph("Not signed off yet.")
    return docx_bytes(document)
