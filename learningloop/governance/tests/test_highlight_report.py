"""The highlight report to the Executive: drafted from live data for the period since the previous
Executive meeting, editable while a draft, frozen once issued; its contents read back from the Word and
the PDF documents."""

import datetime
import io
import re

import docx
import pypdf
import pytest
from django.urls import reverse

from learningloop.improvement.tests.factories import ActionFactory
from learningloop.partnership.tests.factories import GroupFactory

from ..meetings import services
from ..models import AttendanceStatus, HighlightReport, RiskItem, WorkPlanItem
from ..workplan import services as workplan_services
from .factories import make_ldg, make_meeting

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def report(db):
    ldg = make_ldg()
    executive = GroupFactory(name="Executive Group", short_name="Executive")
    make_meeting(executive, D(2026, 6, 16))
    to_meeting = make_meeting(executive, D(2026, 10, 13))
    held = make_meeting(ldg.group, D(2026, 9, 8))
    rows = [(ldg.seats[k], AttendanceStatus.PRESENT, "", None) for k in ("la", "police", "health", "officer")]
    rows.append((ldg.seats["school"], AttendanceStatus.APOLOGIES, "Inspection", None))
    services.attendance_record(meeting=held, rows=rows, expected_version=held.version)
    WorkPlanItem.objects.create(
        group=ldg.group,
        year=2026,
        activity="events",
        objective="Run the neglect webinar series",
        due_on=D(2026, 12, 1),
        status="delayed",
    )
    RiskItem.objects.create(
        group=ldg.group,
        title="Low GP attendance at learning events",
        rating="high",
        mitigation="Protected learning time request",
        escalated_on=D(2026, 9, 9),
        escalated_to="the Executive Group",
    )
    ActionFactory(due_on=D(2026, 8, 1))
    return workplan_services.highlight_report_create(group=ldg.group, executive_meeting=to_meeting)


def _text(report):
    return {s["key"]: s["text"] for s in report.sections}


def test_the_draft_covers_the_period_since_the_last_executive_meeting(report):
    assert (report.period_start, report.period_end) == (D(2026, 6, 17), D(2026, 10, 13))
    text = _text(report)
    assert text["activity"] == "- LDG met on 8 September 2026"
    assert "Delayed: 1" in text["work_plan"] and "Run the neglect webinar series" in text["work_plan"]
    assert "Sam School (Academy): 0 of 1 meetings (0%)" in text["attendance"]
    assert (
        "Low GP attendance at learning events (rating high): escalated to the Executive Group"
        in text["risks"]
    )
    assert "due 1 August 2026" in text["actions"]


def _squash(text):
    return re.sub(r"\s+", " ", text).strip()


def _pdf_text(pdf_bytes):
    """The text of the downloaded PDF itself, read back with pypdf."""
    reader = pypdf.PdfReader(io.BytesIO(pdf_bytes))
    return _squash(" ".join(page.extract_text() for page in reader.pages))


def test_word_and_pdf_read_back_with_the_edited_text(report, officer_client):
    edit = reverse("governance:highlight_edit", args=[report.pk])
    body = {f"section-{s['key']}": s["text"] for s in report.sections}
    body["section-activity"] = "The LDG met once and ran two webinars."
    body["version"] = report.version
    assert officer_client.post(edit, body).status_code == 302
    report.refresh_from_db()

    response = officer_client.get(reverse("governance:highlight_docx", args=[report.pk]))
    assert response.status_code == 200
    word = docx.Document(io.BytesIO(response.content))
    paragraphs = [p.text for p in word.paragraphs]
    assert "Activity delivered" in paragraphs
    assert "The LDG met once and ran two webinars." in paragraphs
    assert "Barriers and risks escalated by the chair" in paragraphs
    assert any("Low GP attendance at learning events" in p for p in paragraphs)

    pdf = officer_client.get(reverse("governance:highlight_pdf", args=[report.pk]))
    assert pdf.content.startswith(b"%PDF")
    text = _pdf_text(pdf.content)
    for expected in (
        "Activity delivered",
        "The LDG met once and ran two webinars.",
        "Progress against the work plan",
        "Low GP attendance at learning events",
        "Sam School (Academy): 0 of 1 meetings (0%)",
    ):
        assert _squash(expected) in text, expected


def test_an_issued_report_is_frozen(report, officer_client):
    issue = reverse("governance:highlight_issue", args=[report.pk])
    assert officer_client.post(issue, {"version": report.version}).status_code == 302
    report.refresh_from_db()
    assert report.status == "issued"
    frozen = [dict(s) for s in report.sections]
    body = {f"section-{s['key']}": "Changed after issue" for s in report.sections}
    response = officer_client.post(
        reverse("governance:highlight_edit", args=[report.pk]), {**body, "version": report.version}
    )
    assert response.status_code == 409
    assert "issued to the Executive and cannot be changed" in response.content.decode()
    assert HighlightReport.objects.get(pk=report.pk).sections == frozen
    assert officer_client.post(issue, {"version": report.version}).status_code == 409
