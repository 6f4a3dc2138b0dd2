"""Website statistics: page views and downloads per item and month for the business unit, a spreadsheet of
them, and a financial year's figures recorded as a "Website statistics" source in the learning register."""

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from learningloop.learning.models import LearningActivity
from learningloop.partnership.tests.factories import LearningSourceTypeFactory
from learningloop.website.public.services import monthly_count_record

from .factories import publish, publisher, ready_briefing

pytestmark = pytest.mark.django_db


@pytest.fixture
def counted():
    by = publisher()
    first = publish("learning_briefing", ready_briefing(title="Briefing one"), by)
    second = publish("learning_briefing", ready_briefing(title="Briefing two"), by)
    for _ in range(5):
        monthly_count_record(publication_id=first.pk, on=datetime.date(2025, 4, 10))
    monthly_count_record(publication_id=first.pk, on=datetime.date(2026, 3, 31), download=True)
    for _ in range(2):
        monthly_count_record(publication_id=second.pk, on=datetime.date(2025, 12, 1))
    monthly_count_record(publication_id=second.pk, on=datetime.date(2026, 4, 1))  # the next financial year
    return first, second


def test_the_statistics_page_and_export_show_counts_per_item_and_month(persona_client, counted):
    client = persona_client("bu_officer")
    page = client.get(reverse("website:statistics")).content.decode()
    assert "8 page views and 1 downloads in all" in page  # 5 + 2 + 1 views, 1 download
    response = client.get(reverse("website:statistics_export"), {"format": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = sorted(tuple(r) for r in sheet.iter_rows(min_row=2, values_only=True))
    assert rows == [
        ("2025-04", "Briefing one", "7-minute briefing", 5, 0),
        ("2025-12", "Briefing two", "7-minute briefing", 2, 0),
        ("2026-03", "Briefing one", "7-minute briefing", 0, 1),
        ("2026-04", "Briefing two", "7-minute briefing", 1, 0),
    ]


def test_a_financial_year_becomes_a_website_statistics_learning_source(persona_client, counted):
    LearningSourceTypeFactory(name="Website statistics")
    response = persona_client("bu_admin").post(reverse("website:statistics_record"), {"start_year": 2025})
    assert response.status_code == 302
    activity = LearningActivity.objects.get()
    assert activity.title == "Website statistics 2025–26 (learning hub)"
    assert activity.source_type.name == "Website statistics"
    assert (activity.started_on, activity.completed_on) == (
        datetime.date(2025, 4, 1),
        datetime.date(2026, 3, 31),
    )
    # April 2025 to March 2026: 5 + 2 views and 1 download; April 2026 belongs to the next year.
    assert "7 page views and 1 downloads" in activity.description
    assert "Briefing one: 5 page views, 1 downloads" in activity.description
    assert "Briefing two: 2 page views, 0 downloads" in activity.description


def test_recording_a_year_without_the_source_type_says_so(persona_client, counted):
    response = persona_client("bu_admin").post(reverse("website:statistics_record"), {"start_year": 2025})
    assert response.status_code == 200
    assert "There is no learning source type called ‘Website statistics’" in response.content.decode()
    assert not LearningActivity.objects.exists()


def test_junk_year_is_reported(persona_client, counted):
    response = persona_client("bu_admin").post(reverse("website:statistics_record"), {"start_year": "x"})
    assert response.status_code == 200
    assert "Select a financial year from the list" in response.content.decode()


def test_the_business_unit_pages_take_a_fixed_number_of_queries(
    persona_client, django_assert_max_num_queries
):
    by = publisher()
    client = persona_client("bu_admin")
    client.get(reverse("website:manage_list"))  # the session and the partnership, once
    for n in range(15):
        item = publish("learning_briefing", ready_briefing(title=f"Briefing {n}"), by)
        monthly_count_record(publication_id=item.pk, on=datetime.date(2026, 1, 5))
        ready_briefing(title=f"Waiting {n}")
    with django_assert_max_num_queries(12):
        assert client.get(reverse("website:manage_list")).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(reverse("website:statistics")).status_code == 200
    with django_assert_max_num_queries(20):  # the candidates of each kind are read once, not per item
        assert client.get(reverse("website:candidates")).status_code == 200
