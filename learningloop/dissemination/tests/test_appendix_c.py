"""The Appendix C documents: the Word file and the PDF are opened and read back."""

import io
import re

import docx
import pytest
from django.urls import reverse

from learningloop.dissemination.models import DisseminationPlan
from learningloop.dissemination.plans import documents
from learningloop.partnership.tests.factories import GroupFactory

from .factories_plans import ensure_method, make_plan

pytestmark = pytest.mark.django_db

HEADING = "Learning Dissemination Action Plan"
COLUMNS = ["Purpose of Key Messages", "Target Audiences", "Communication Methods", "Measures of Success"]
ROWS = [
    "Internal communications (Partnership members)",
    "Workforce communications (Professionals working within partner organisations)",
    "External communications (Children, young people, parents and carers)",
    "General communications (The general public)",
]


@pytest.fixture
def plan():
    plan = make_plan(2, title="Neglect audit learning", subgroup=GroupFactory(name="Audit Group"))
    first, second = plan.message_plans.order_by("key_message__position")
    first.purpose = "Every agency shares one chronology\nso risk is seen early"
    first.save()
    second.purpose = "Drift is escalated"
    second.save()
    rows = list(first.audience_plans.order_by("audience__position"))
    rows[1].methods.set([ensure_method("Webinar or learning event"), ensure_method("Learning briefing")])
    rows[1].measures_of_success = "150 practitioners attend"
    rows[1].save()
    rows[3].methods.set([ensure_method("SCP newsletter")])
    return plan


def _loaded(plan):
    return documents.with_plan_data(DisseminationPlan.objects).get(pk=plan.pk)


def test_audience_rows_are_labelled_as_in_the_seed(plan):
    data = documents.appendix_c(_loaded(plan))
    assert [row.label for row in data["tables"][0].rows] == ROWS


def test_word_document_reads_back_in_the_appendix_c_layout(plan, officer_client):
    response = officer_client.get(reverse("dissemination:plan_docx", args=[plan.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert f'filename="learning-dissemination-action-plan-{plan.pk}.docx"' in response["Content-Disposition"]
    document = docx.Document(io.BytesIO(response.content))
    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs[0] == HEADING and document.paragraphs[0].style.name == "Heading 1"
    assert "Summary of Learning: Neglect audit learning" in paragraphs
    assert "Subgroup: Audit Group" in paragraphs
    assert len(document.tables) == 2
    table = document.tables[0]
    assert len(table.columns) == 4
    assert [c.text for c in table.rows[0].cells] == COLUMNS
    assert len(table.rows) == 5
    assert [r.cells[1].text for r in table.rows[1:]] == ROWS
    # The purpose spans the four audience rows (a merged cell reads the same in each row).
    assert {r.cells[0].text for r in table.rows[1:]} == {
        "Every agency shares one chronology\nso risk is seen early"
    }
    assert table.rows[1].cells[0]._tc is table.rows[4].cells[0]._tc
    assert table.rows[2].cells[2].text == "Learning briefing\nWebinar or learning event" or (
        table.rows[2].cells[2].text == "Webinar or learning event\nLearning briefing"
    )
    assert table.rows[2].cells[3].text == "150 practitioners attend"
    assert table.rows[4].cells[2].text == "SCP newsletter"
    assert table.rows[1].cells[2].text == ""
    second = document.tables[1]
    assert [c.text for c in second.rows[0].cells] == COLUMNS
    assert second.rows[1].cells[0].text == "Drift is escalated"


def _pdf_text(document):
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


def test_pdf_download_is_a_pdf(plan, persona_client):
    response = persona_client("read_only").get(reverse("dissemination:plan_pdf", args=[plan.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert f'filename="learning-dissemination-action-plan-{plan.pk}.pdf"' in response["Content-Disposition"]
    assert response.content.startswith(b"%PDF")


def test_pdf_reads_back_in_the_appendix_c_layout(plan):
    loaded = _loaded(plan)
    rendered = documents.render_pdf_document(loaded)
    assert len(rendered.pages) >= 1
    text = _squash(_pdf_text(rendered))
    expected_texts = [HEADING, "Neglect audit learning", "Audit Group", *COLUMNS, *ROWS, "Drift is escalated",
                      "Every agency shares one chronology", "Webinar or learning event",
                      "150 practitioners attend", "SCP newsletter"]  # fmt: skip
    for expected in expected_texts:
        assert _squash(expected) in text, expected
    html = documents.appendix_c_html(loaded)
    assert f"<h1>{HEADING}</h1>" in html
    assert html.count('<th scope="col">') == 8  # four columns, two key messages
    assert html.count('rowspan="4"') == 2


def test_content_is_escaped_in_the_pdf_html(plan):
    message_plan = plan.message_plans.first()
    message_plan.purpose = "<script>alert(1)</script>"
    message_plan.save()
    assert "<script>" not in documents.appendix_c_html(_loaded(plan))


def test_downloads_are_for_signed_in_users_only(plan, client):
    for name in ("dissemination:plan_docx", "dissemination:plan_pdf"):
        assert "/accounts/login/" in client.get(reverse(name, args=[plan.pk]))["Location"]
