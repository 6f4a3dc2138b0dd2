"""The yearly report's PDF and Word documents, downloaded as a user would and read back: every section's
heading, the partners' texts and the figures in both; in Word, real Heading styles, tables whose first row
is a header row, and the chart as a picture with its text alternative as alt text."""

import datetime
import io

import pytest
from django.urls import reverse

from learningloop.reports.yearly import sections

from .factories_yearly import draft

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(partnership, home_agency, other_agency):
    from learningloop.dissemination.models import CommunicationStatus, ResponseStatus
    from learningloop.dissemination.tests.factories_plans import CommunicationFactory
    from learningloop.dissemination.tests.factories_requests import RequestFactory, ResponseFactory

    day = datetime.date(2025, 6, 2)
    CommunicationFactory(status=CommunicationStatus.DONE, done_on=day, due_on=day, people_attending=41)
    sent = datetime.datetime(2025, 9, 1, 10, tzinfo=datetime.UTC)
    request = RequestFactory(sent_at=sent, due_on=datetime.date(2025, 10, 1))
    ResponseFactory(request=request, agency=home_agency, status=ResponseStatus.ACCEPTED, submitted_at=sent)
    ResponseFactory(request=request, agency=other_agency)
    made = draft(2025)
    made.texts["partners"] = {"above": "The partners met every quarter.", "below": "The arrangements worked."}
    made.texts["next_year"] = {"above": "Neglect stays our first priority.", "below": ""}
    made.save()
    return made


def _pdf_text(content):
    from pypdf import PdfReader

    return " ".join(
        " ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(content)).pages
    )


def test_the_pdf_holds_every_section_the_texts_and_the_figures(report, persona_client):
    response = persona_client("read_only").get(reverse("yearly:pdf", args=[report.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = _pdf_text(response.content)
    for section in sections.sections():
        assert section.heading in text, section.heading
    assert "The partners met every quarter." in text
    assert "Neglect stays our first priority." in text
    assert "People attending 41" in text
    assert "Share of requests each agency responded to: a bar chart" in text  # the chart's text alternative
    from learningloop.core.tests.test_charts import _figures_alt_text

    (alt,) = _figures_alt_text(response.content)  # the chart is a tagged Figure with its alt text
    assert alt.startswith("Share of requests each agency responded to. Share of requests each agency")


def test_the_word_document_has_headings_header_rows_and_charts_with_alt_text(report, persona_client):
    from docx import Document
    from docx.oxml.ns import qn

    response = persona_client("read_only").get(reverse("yearly:docx", args=[report.pk]))
    assert response.status_code == 200
    document = Document(io.BytesIO(response.content))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == report.title
    for section in sections.sections():
        assert section.heading in headings, section.heading
    assert {p.style.name for p in document.paragraphs if p.text == headings[1]} == {"Heading 2"}
    body = [p.text for p in document.paragraphs]
    assert "The partners met every quarter." in body
    assert "The arrangements worked." in body
    figures = {
        row.cells[0].text: row.cells[1].text for t in document.tables for row in t.rows if len(row.cells) == 2
    }
    assert figures["People attending"] == "41"
    for table in document.tables:
        first = table.rows[0]._tr
        assert first.trPr is not None and first.trPr.find(qn("w:tblHeader")) is not None
    pictures = document.inline_shapes
    assert len(pictures) == 1
    alt = pictures[0]._inline.docPr.get("descr")
    assert alt.startswith("Share of requests each agency responded to: a bar chart")
    assert "Northshire Police: 100%" in alt


def test_the_documents_of_a_signed_off_report_show_its_signatories(partnership):
    from django.test import Client

    from .factories_yearly import signed_off

    report = signed_off()
    client = Client()
    from learningloop.accounts.models import User

    client.force_login(User.objects.get(email="lead.police@example.org"))
    text = _pdf_text(client.get(reverse("yearly:pdf", args=[report.pk])).content)
    assert "Pat Police, Chief Constable" in text
    assert "Hana Health" in text and "Lee Council" in text


def test_the_scorecard_is_printed_on_landscape_pages_and_each_row_is_named_by_a_row_header(
    report, persona_client
):
    """The agency contribution scorecard has seven or more columns: its section is on landscape pages, the
    rest of the report portrait. Every table row's first cell is its row header."""
    import re

    from pypdf import PdfReader

    from learningloop.reports.yearly.documents import pdf_html

    content = persona_client("read_only").get(reverse("yearly:pdf", args=[report.pk])).content
    pages = PdfReader(io.BytesIO(content)).pages
    wide = [float(page.mediabox.width) > float(page.mediabox.height) for page in pages]
    assert any(wide) and not all(wide)
    for page, landscape in zip(pages, wide, strict=True):
        text = " ".join((page.extract_text() or "").split())
        assert ("Data returns on time" in text) == landscape  # a column of the scorecard
    rows = re.findall(r"<tbody>(.*?)</tbody>", pdf_html(report, []), re.S)
    cells = [row for body in rows for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)]
    assert len(cells) > 5
    assert all(row.startswith('<th scope="row">') for row in cells)
