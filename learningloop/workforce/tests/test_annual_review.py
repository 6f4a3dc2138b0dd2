"""The annual training review: its Word and PDF documents read back, with the figures and the gaps the
year's records give (worked out by hand below)."""

import datetime
import io

import pytest
from docx import Document
from pypdf import PdfReader

from learningloop.dissemination.tests.factories_plans import ensure_method, first_audience_plan, make_plan
from learningloop.workforce.models import CourseRequest

from .factories import (
    BookingFactory,
    CourseFactory,
    EvaluationFactory,
    PractitionerFactory,
    SessionFactory,
    TrainerFactory,
    written_in_2026,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def year_2026(home_agency, other_agency):
    course = CourseFactory(title="Neglect: seeing the child")
    trainer = TrainerFactory(person__agency=home_agency)
    session = SessionFactory(course=course, date=datetime.date(2026, 5, 12), capacity=4)
    session.trainers.add(trainer)
    police = [PractitionerFactory(agency=home_agency) for _ in range(2)]
    nurse = PractitionerFactory(agency=other_agency)
    b1 = BookingFactory(session=session, practitioner=police[0], attendance="attended")
    BookingFactory(session=session, practitioner=police[1], attendance="did_not_attend")
    BookingFactory(session=session, practitioner=nurse, attendance="attended")
    EvaluationFactory(booking=b1, stage="before", confidence=2, knowledge=2)
    EvaluationFactory(booking=b1, stage="after", confidence=4, knowledge=5)
    CourseRequest.objects.create(
        title="Exploitation and county lines", agency=other_agency, requested_on=datetime.date(2026, 2, 1)
    )
    # A key message whose dissemination plan names multi-agency training, not carried by any course.
    plan = make_plan(messages=1)
    written_in_2026(plan)
    audience_plan = first_audience_plan(plan)
    audience_plan.methods.add(ensure_method("Multi-agency training"))
    return {"message": audience_plan.message_plan.key_message}


def _docx_text(content):
    document = Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def test_the_review_reads_back_from_word_and_pdf(year_2026, officer_client):
    word = officer_client.get("/training/review/2026.docx")
    pdf = officer_client.get("/training/review/2026.pdf")
    assert word.status_code == 200 and pdf.status_code == 200
    text = _docx_text(word.content)
    pdf_text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    for found in (text, " ".join(pdf_text.split())):
        assert "Annual training review 2026" in found
        assert "Neglect: seeing the child" in found
        assert "Exploitation and county lines" in found
    # By course: 1 session, 4 places, 3 booked, 2 attended, 1 did not attend.
    assert "Neglect: seeing the child | 1 | 4 | 3 | 2 | 1" in text
    # Fill 3 of 4 = 75%; non-attendance 1 of 3 = 33%; confidence 2 → 4 = +2.0.
    assert "Fill rate | 75%" in text and "Non-attendance rate | 33%" in text
    assert "Change in confidence (1 to 5 scale) | +2.0" in text
    # By agency: the police booked 2 (1 attended, 1 did not), the health trust 1 (attended).
    assert "Northshire Police | 2 | 1 | 1" in text
    assert "Northshire Hospitals NHS Trust | 1 | 1 | 0" in text
    # Trainers: the police's one trainer gave the one session.
    assert "Northshire Police | 1 | 1" in text
    # Evaluation results at each stage: one before (confidence 2.0) and one after (4.0).
    assert "Before the session | 1 | 2.0 | 2.0 | 0" in text
    assert "Straight after the session | 1 | 4.0 | 5.0 | 0" in text
    assert year_2026["message"].text in text


def test_the_review_is_for_the_business_unit_chairs_and_scrutineer(persona_client):
    assert persona_client("agency_lead").get("/training/review/").status_code == 403
    assert persona_client("scrutineer").get("/training/review/?year=1800").status_code == 200
