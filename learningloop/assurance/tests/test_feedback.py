"""Complaints and compliments: counts by agency, quarter and theme; yearly totals charted with a table;
each year's counts are one source in the learning register; bad input saves nothing."""

import datetime

import pytest
from django.urls import reverse

from learningloop.assurance.feedback import services
from learningloop.assurance.models import FeedbackCount
from learningloop.learning.models import LearningActivity
from learningloop.partnership.tests.factories import LearningSourceTypeFactory

from .test_selfassessment import _table

pytestmark = pytest.mark.django_db


@pytest.fixture
def source_type(db):
    return LearningSourceTypeFactory(name=services.SOURCE_TYPE_NAME)


def test_counts_are_totalled_by_year_and_each_year_is_a_register_source(
    source_type, home_agency, other_agency, officer_client
):
    record = services.feedback_count_record
    record(agency=home_agency, period_start=datetime.date(2024, 1, 1), kind="complaint", theme=None, count=4)
    record(agency=other_agency, period_start=datetime.date(2024, 7, 1), kind="complaint", theme=None, count=3)
    record(
        agency=home_agency, period_start=datetime.date(2024, 4, 1), kind="compliment", theme=None, count=10
    )
    record(agency=home_agency, period_start=datetime.date(2025, 1, 1), kind="complaint", theme=None, count=2)
    # Recording the same quarter again corrects it rather than adding to it.
    record(agency=home_agency, period_start=datetime.date(2025, 1, 1), kind="complaint", theme=None, count=5)

    page = officer_client.get(reverse("assurance:feedback_list")).text
    assert _table(page, "trend") == [["2024", "7", "10"], ["2025", "5", "0"]]
    assert "Complaints and compliments from children and young people, by year" in page  # the chart
    activities = LearningActivity.objects.filter(source_type=source_type).order_by("title")
    assert [a.title[-4:] for a in activities] == ["2024", "2025"]
    assert set(activities[0].provider_agencies.all()) == {home_agency, other_agency}
    filtered = officer_client.get(reverse("assurance:feedback_list"), {"agency": other_agency.pk}).text
    assert _table(filtered, "trend") == [["2024", "3", "0"]]


def test_a_quarter_must_start_on_a_quarter_day_and_nothing_is_saved(source_type, home_agency, lead_client):
    response = lead_client.post(
        reverse("assurance:feedback_create"),
        {
            "period_start-day": "15",
            "period_start-month": "2",
            "period_start-year": "2025",
            "kind": "complaint",
            "count": "3",
        },
    )
    assert response.status_code == 200
    assert "Enter the first day of a quarter" in response.text
    assert not FeedbackCount.objects.exists() and not LearningActivity.objects.exists()
    ok = lead_client.post(
        reverse("assurance:feedback_create"),
        {
            "period_start-day": "1",
            "period_start-month": "4",
            "period_start-year": "2025",
            "kind": "complaint",
            "count": "3",
        },
    )
    assert ok.status_code == 302
    assert FeedbackCount.objects.get().agency == home_agency  # a lead records for their own agency
