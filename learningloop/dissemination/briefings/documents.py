"""A briefing as a PDF (WeasyPrint, from dissemination/briefing_pdf.html with print CSS). The page and the
PDF read the same presenter, `briefing_sections`, and render only sanitised HTML. Nothing is fetched while
rendering: no files, no network."""

from dataclasses import dataclass

from django.db.models import Prefetch
from django.template.loader import render_to_string
from markupsafe import Markup

from learningloop.core.documents import render_pdf
from learningloop.learning.models import KeyMessage

from ..models import Briefing
from .services import safe_html

SECTION_LABELS = {
    "background": "Background",
    "why_it_matters": "Why it matters",
    "key_information": "Key information",
    "things_to_remember": "Things to remember",
    "what_to_do": "What to do",
    "reflective_questions": "Reflective questions",
}


@dataclass
class Section:
    field: str
    label: str
    html: Markup


def with_briefing_data(queryset):
    """Everything the detail page and the PDF read, in a fixed number of queries."""
    messages = KeyMessage.objects.select_related("summary").order_by("summary__title", "position", "pk")
    return queryset.select_related("created_by").prefetch_related(Prefetch("key_messages", queryset=messages))


def briefing_sections(briefing: Briefing) -> list[Section]:
    """The sections with content, in the briefing's order, as sanitised HTML."""
    sections = []
    for field, label in SECTION_LABELS.items():
        html = safe_html(getattr(briefing, field))
        if html:
            sections.append(Section(field, label, html))
    return sections


def filename(briefing) -> str:
    return f"briefing-{briefing.pk}.pdf"


def briefing_html(briefing: Briefing) -> str:
    return render_to_string(
        "dissemination/briefing_pdf.html",
        {
            "briefing": briefing,
            "sections": briefing_sections(briefing),
            "messages": briefing.key_messages.all(),
        },
    )


def render_pdf_document(briefing: Briefing):
    return render_pdf(briefing_html(briefing))


def build_pdf(briefing: Briefing) -> bytes:
    return render_pdf_document(briefing).write_pdf()
