"""The complaints and compliments list filters by agency with the short choice (the agencies, then one "Any
school"), not a select of every school: most counts come from schools, and a partnership has hundreds of
them, so listing each made the page grow with the partnership rather than with the 50 rows it shows."""

import datetime
import re

import pytest
from django.urls import reverse

from learningloop.assurance.feedback import services
from learningloop.partnership.tests.factories import AgencyFactory, LearningSourceTypeFactory

from .test_selfassessment import _table

pytestmark = pytest.mark.django_db


@pytest.fixture
def counts(db, home_agency):
    LearningSourceTypeFactory(name=services.SOURCE_TYPE_NAME)
    hillside = AgencyFactory(name="Hillside Primary School", is_school=True)
    oakfield = AgencyFactory(name="Oakfield Academy", is_school=True)
    for agency, count in ((home_agency, 4), (hillside, 3), (oakfield, 2)):
        services.feedback_count_record(
            agency=agency, period_start=datetime.date(2024, 1, 1), kind="complaint", theme=None, count=count
        )
    return {"hillside": hillside}


def _options(page):
    select = re.search(r'<select[^>]*name="agency".*?</select>', page, re.S).group(0)
    return re.findall(r"<option[^>]*>([^<]*)</option>", select)


def test_the_agency_filter_offers_any_school_not_each_school(officer_client, counts, home_agency):
    options = _options(officer_client.get(reverse("assurance:feedback_list")).text)
    assert options[0] == "All agencies" and home_agency.name in options and "Any school" in options
    assert "Hillside Primary School" not in options and "Oakfield Academy" not in options


def test_any_school_totals_the_schools_counts(officer_client, counts):
    page = officer_client.get(reverse("assurance:feedback_list"), {"agency": "schools"}).text
    assert _table(page, "trend") == [["2024", "5", "0"]]  # Hillside 3 + Oakfield 2


def test_a_school_named_in_the_address_is_offered_selected_and_filters(officer_client, counts):
    hillside = counts["hillside"]
    page = officer_client.get(reverse("assurance:feedback_list"), {"agency": hillside.pk}).text
    assert _table(page, "trend") == [["2024", "3", "0"]]
    assert re.search(rf'<option value="{hillside.pk}" selected>Hillside Primary School</option>', page)


def test_an_unknown_agency_is_reported_not_a_500(officer_client, counts):
    response = officer_client.get(reverse("assurance:feedback_list"), {"agency": "999999"})
    assert response.status_code == 200 and "govuk-error-summary" in response.text


def test_more_schools_neither_lengthen_the_page_nor_add_queries(
    officer_client, counts, django_assert_max_num_queries
):
    url = reverse("assurance:feedback_list")
    with django_assert_max_num_queries(30) as few:
        size = len(officer_client.get(url).content)
    for n in range(40):
        AgencyFactory(name=f"School number {n}", is_school=True)
    with django_assert_max_num_queries(len(few.captured_queries)):
        grown = len(officer_client.get(url).content)
    assert grown == size
