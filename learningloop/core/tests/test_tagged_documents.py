"""Every PDF the service generates is tagged (PDF/UA-1) with its title and language: each kind of document
is downloaded as a user would and its catalogue read back with pypdf (structure tree, /MarkInfo Marked,
/Lang, the document title shown in the title bar). A new kind of document joins DOCUMENTS below; and no
module but core/documents.py lays out PDFs, so none can skip the tagging."""

import io
import re
from pathlib import Path

import pytest
from django.urls import reverse
from pypdf import PdfReader

import learningloop

pytestmark = pytest.mark.django_db


def _summary(objects):
    from learningloop.learning.tests.factories_summaries import KeyMessageFactory, SummaryFactory

    summary = SummaryFactory(title="Neglect audit summary")
    KeyMessageFactory(summary=summary, text="Share one chronology")
    return reverse("learning:summary_pdf", args=[summary.pk]), "Neglect audit summary"


def _plan(objects):
    from learningloop.dissemination.tests.factories_plans import make_plan

    plan = make_plan(2, title="Neglect audit learning")
    return reverse("dissemination:plan_pdf", args=[plan.pk]), "Neglect audit learning"


def _briefing(objects):
    from learningloop.dissemination.tests.factories_briefings import BriefingFactory

    briefing = BriefingFactory(title="7-minute briefing: chronologies")
    return reverse("dissemination:briefing_pdf", args=[briefing.pk]), "7-minute briefing: chronologies"


def _publication(objects):
    from learningloop.website.tests.factories import publish, publisher, ready_briefing

    item = publish("learning_briefing", ready_briefing(title="Published briefing"), publisher())
    return reverse("website:publication_pdf", kwargs={"slug": item.slug}), "Published briefing"


# Every kind of generated PDF on main: Appendix B (summary of learning), Appendix C (dissemination plan),
# briefings, the public hub's publications. Areas that add a document add a row.
DOCUMENTS = {
    "Appendix B summary of learning": _summary,
    "Appendix C dissemination plan": _plan,
    "Learning briefing": _briefing,
    "Public hub publication": _publication,
}


def _yearly_report(objects):
    from learningloop.reports.yearly.services import yearly_report_create

    report = yearly_report_create(year=2025)
    return reverse("yearly:pdf", args=[report.pk]), "yearly report 2025 to 2026"


DOCUMENTS["The partners' yearly report"] = _yearly_report


@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_generated_pdf_is_tagged_with_title_and_language(name, persona_client):
    url, title = DOCUMENTS[name](None)
    response = persona_client("bu_admin").get(url)
    assert response.status_code == 200, name
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root, f"{name}: not tagged"
    assert bool(root["/MarkInfo"]["/Marked"]) is True, name
    assert root["/Lang"] == "en-GB", name
    assert title in reader.metadata["/Title"], name
    assert root["/ViewerPreferences"]["/DisplayDocTitle"], name
    assert b"pdfuaid:part" in root["/Metadata"].get_object().get_data(), f"{name}: not declared PDF/UA"
    # The structure tree holds headings, so a screen reader can move through the document.
    tree = root["/StructTreeRoot"].get_object()
    assert _tags(tree) & {"/H1", "/H2", "/H3"}, f"{name}: no headings in the structure tree"


def _tags(node, depth=0):
    found = set()
    if depth > 40:
        return found
    node = node.get_object() if hasattr(node, "get_object") else node
    if isinstance(node, dict):
        if "/S" in node:
            found.add(str(node["/S"]))
        kids = node.get("/K")
        if kids is not None:
            kids = kids.get_object() if hasattr(kids, "get_object") else kids
            for kid in kids if isinstance(kids, list) else [kids]:
                found |= _tags(kid, depth + 1)
    return found


def test_only_core_documents_lays_out_pdfs():
    root = Path(learningloop.__file__).parent
    offenders = []
    for path in root.rglob("*.py"):
        if "tests" in path.parts or path.name == "documents.py" and path.parent.name == "core":
            continue
        text = path.read_text(encoding="utf-8")
        if (
            re.search(r"^\s*(from weasyprint|import weasyprint)", text, re.M)
            or ".write_pdf(" in text
            and ("weasyprint" in text)
        ):
            offenders.append(str(path.relative_to(root)))
    assert not offenders, f"Lay out PDFs through core.documents.render_pdf: {offenders}"
