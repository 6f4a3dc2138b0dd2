"""The Appendix B documents: the Word file and the PDF are opened and read back."""

import io
import re

import docx
import pytest
from django.urls import reverse

from learningloop.learning.models import WorkforceGroup
from learningloop.learning.summaries import documents
from learningloop.partnership.models import AudienceGroup
from learningloop.partnership.tests.factories import GroupFactory

from .factories_summaries import KeyMessageFactory, SummaryFactory

pytestmark = pytest.mark.django_db

HEADING = "Summary of Learning for consideration by Learning and Development Group"
COLUMNS = [
    "Type of SCP Activity",
    "Brief description of SCP activity and dates undertaken",
    "Summary of findings",
    "Multi-agency learning – key messages",
    "Target audiences for dissemination of learning",
]


@pytest.fixture
def summary():
    internal = AudienceGroup.objects.create(name="Internal communications", position=1)
    workforce = AudienceGroup.objects.create(name="Workforce communications", position=2)
    summary = SummaryFactory(
        subgroup=GroupFactory(name="Audit Group"),
        activity_type="Multi-agency audit",
        description="Audit of neglect cases\nApril to June 2025",
        findings_summary="Chronologies were not shared",
    )
    KeyMessageFactory(
        summary=summary,
        text="Share a single chronology",
        position=0,
        audiences=[internal, workforce],
        workforce_groups=[WorkforceGroup.objects.get(name="GPs and primary care")],
    )
    KeyMessageFactory(summary=summary, text="Escalate drift", position=1, audiences=[workforce])
    return summary


def test_the_audiences_of_a_message_read_as_one_line(summary):
    first = summary.key_messages.order_by("position").first()
    assert documents.audiences_text(first) == (
        "Internal communications; Workforce communications: GPs and primary care"
    )


def test_word_document_reads_back_in_the_appendix_b_layout(summary, officer_client):
    response = officer_client.get(reverse("learning:summary_docx", args=[summary.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert f'filename="summary-of-learning-{summary.pk}.docx"' in response["Content-Disposition"]
    document = docx.Document(io.BytesIO(response.content))
    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs[0] == HEADING
    assert document.paragraphs[0].style.name == "Heading 1"
    assert "Subgroup: Audit Group" in paragraphs
    assert len(document.tables) == 1
    table = document.tables[0]
    assert len(table.columns) == 5
    assert [c.text for c in table.rows[0].cells] == COLUMNS
    assert len(table.rows) == 2
    row = [c.text for c in table.rows[1].cells]
    assert row[0] == "Multi-agency audit"
    assert row[1] == "Audit of neglect cases\nApril to June 2025"
    assert row[2] == "Chronologies were not shared"
    assert row[3] == "1. Share a single chronology\n2. Escalate drift"
    assert row[4] == (
        "1. Internal communications; Workforce communications: GPs and primary care\n"
        "2. Workforce communications"
    )


def _pdf_text(document):
    """The text WeasyPrint laid out on the pages, read from its box tree."""
    texts = []

    def walk(box):
        if isinstance(getattr(box, "text", None), str):
            texts.append(box.text)
        for child in getattr(box, "children", None) or []:
            walk(child)

    for page in document.pages:
        walk(page._page_box)
    return " ".join(texts)


def _squash(text):
    return re.sub(r"\s+", "", text)


def test_pdf_download_is_a_pdf(summary, officer_client):
    response = officer_client.get(reverse("learning:summary_pdf", args=[summary.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert f'filename="summary-of-learning-{summary.pk}.pdf"' in response["Content-Disposition"]
    assert response.content.startswith(b"%PDF")


def test_pdf_reads_back_in_the_appendix_b_layout(summary):
    # No pdftotext in CI (.ci/run installs no poppler-utils): read the laid-out pages from WeasyPrint.
    loaded = documents.with_document_data(type(summary).objects).get(pk=summary.pk)
    rendered = documents.render_pdf_document(loaded)
    assert len(rendered.pages) >= 1
    text = _squash(_pdf_text(rendered))
    audiences = "1. Internal communications; Workforce communications: GPs and primary care"
    expected_texts = [HEADING, "Subgroup: Audit Group", *COLUMNS, "Multi-agency audit",
                      "1. Share a single chronology", "2. Escalate drift", audiences]  # fmt: skip
    for expected in expected_texts:
        assert _squash(expected) in text, expected
    html = documents.appendix_b_html(loaded)
    assert f"<h1>{HEADING}</h1>" in html
    assert html.count('<th scope="col">') == 5


def test_content_is_escaped_in_the_pdf_html(summary):
    summary.findings_summary = "<script>alert(1)</script>"
    summary.save()
    assert "<script>" not in documents.appendix_b_html(summary)


def test_downloads_are_for_signed_in_users_only(summary, client, persona_client):
    url = reverse("learning:summary_docx", args=[summary.pk])
    assert "/accounts/login/" in client.get(url)["Location"]
    assert persona_client("read_only").get(url).status_code == 200
