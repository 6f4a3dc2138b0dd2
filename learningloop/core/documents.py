"""Shared pieces of the Word and PDF documents the partnership circulates (Appendix B and C, briefings, the
public hub's documents). Every PDF is produced here, tagged (PDF/UA-1) with its title and language."""

import io


def _no_fetching():
    """Documents are self-contained: WeasyPrint may fetch nothing (no files, no network) but what the document
    itself holds as a data: URL (a chart's SVG image, core.charts.Chart.document_image). WeasyPrint 70 wants a
    URLFetcher object (a plain function made a document that names a resource fail with a 500); a refused
    fetch is skipped and the document is laid out without it."""
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols={"data"})


# Every PDF the service produces is tagged PDF/UA-1 (ADR 0030): a structure tree of headings, paragraphs,
# lists and table headers, /MarkInfo Marked, the document's language (from <html lang>) and its title (from
# <title>, shown in the viewer's title bar). Templates must carry both.
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1", "pdf_tags": True}


class TaggedDocument:
    """A laid-out weasyprint.Document whose `write_pdf()` always writes tagged PDF/UA with title and
    language; everything else (`pages`, ...) is the document's own."""

    def __init__(self, document):
        self._document = document

    def __getattr__(self, name):
        return getattr(self._document, name)

    def write_pdf(self, target=None, **options):
        return self._document.write_pdf(target, **{**PDF_OPTIONS, **options})


def render_pdf(html: str) -> TaggedDocument:
    """Lay out self-contained HTML as a PDF document; `.write_pdf()` gives the bytes of a tagged PDF."""
    from weasyprint import HTML

    return TaggedDocument(HTML(string=html, url_fetcher=_no_fetching()).render())


def pdf_bytes(html: str) -> bytes:
    """Self-contained HTML as the bytes of a tagged PDF/UA document."""
    return render_pdf(html).write_pdf()


def cell_lines(cell, lines, bold=False):
    """Write lines into a Word table cell, one paragraph each (a new cell starts with one empty paragraph)."""
    lines = [line for line in lines if line is not None] or [""]
    for i, line in enumerate(lines):
        paragraph = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        paragraph.add_run(line).bold = bold


def docx_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def landscape_document(title: str):
    """A new Word document in the partnership's layout: A4 landscape, narrow margins, Arial 10."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    document = Document()
    document.core_properties.title = title
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    document.styles["Normal"].font.name = "Arial"
    document.styles["Normal"].font.size = Pt(10)
    return document


def add_chart(document, chart, *, width_cm: float = 24.0):
    """Put a core.charts chart in a Word document: the figure as a picture with the chart's text
    alternative as its description (Word's alt text), and the text under it for those who print it."""
    from docx.shared import Cm

    document.add_picture(io.BytesIO(chart.png()), width=Cm(width_cm))
    picture = document.inline_shapes[-1]
    properties = picture._inline.docPr
    properties.set("title", chart.title)
    properties.set("descr", chart.text)
    document.add_paragraph(chart.text).style = document.styles["Normal"]
    return picture
