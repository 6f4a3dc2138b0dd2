"""The annual training review's last table, the key messages whose dissemination plan names multi-agency
training and that no session of the year carried, comes 50 a page: over the years a partnership writes
thousands of key messages, and the page listed every one. The Word and PDF downloads still list them all."""

import io
import re

import pytest
from docx import Document

from learningloop.dissemination.models import AudiencePlan
from learningloop.dissemination.tests.factories_plans import ensure_method, make_plan

from .factories import written_in_2026

pytestmark = pytest.mark.django_db

URL = "/training/review/?year=2026"


def _gaps(n):
    """n key messages named for training, none carried; their texts in the order they were written."""
    plan = make_plan(messages=n)
    written_in_2026(plan)
    training = ensure_method("Multi-agency training")
    texts = []
    for audience_plan in AudiencePlan.objects.filter(message_plan__plan=plan).order_by(
        "message_plan__key_message"
    ):
        audience_plan.methods.add(training)
        text = audience_plan.message_plan.key_message.text
        if text not in texts:
            texts.append(text)
    return texts


def _shown(page):
    table = re.findall(r"<table.*?</table>", page, re.S)[-1]
    assert "Gaps: key messages" in table
    return re.findall(r'<td class="govuk-table__cell">(.*?)</td>', table, re.S)


def test_the_gaps_come_fifty_a_page_and_the_word_document_has_every_one(officer_client):
    texts = _gaps(60)
    first = officer_client.get(URL).text
    assert _shown(first) == texts[:50]
    assert "60 key messages, 50 a page" in first and 'class="govuk-pagination' in first
    second = officer_client.get(URL + "&page=2").text
    assert _shown(second) == texts[50:]
    assert 'value="2026"' in second  # still the year asked for
    word = Document(io.BytesIO(officer_client.get("/training/review/2026.docx").content))
    gaps_table = word.tables[-1]
    assert [row.cells[0].text for row in gaps_table.rows][1:] == texts


def test_a_junk_page_shows_the_first_and_a_short_list_has_no_pagination(officer_client):
    texts = _gaps(3)
    page = officer_client.get(URL + "&page=junk")
    assert page.status_code == 200 and _shown(page.text) == texts
    assert 'class="govuk-pagination' not in page.text and "key messages, 50 a page" not in page.text


def test_more_gaps_neither_lengthen_the_page_nor_add_queries(officer_client, django_assert_max_num_queries):
    _gaps(50)
    with django_assert_max_num_queries(40) as few:
        size = len(officer_client.get(URL).content)
    _gaps(120)
    with django_assert_max_num_queries(len(few.captured_queries)):
        grown = officer_client.get(URL).text
    assert len(_shown(grown)) == 50
    assert len(grown) < size * 1.1
