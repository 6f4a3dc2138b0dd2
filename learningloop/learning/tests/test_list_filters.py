"""The learning lists (the register, case reviews, summaries of learning) filter through the shared
FilterSet: a valid filter narrows the rows, a junk value is reported in the error summary while the list
still shows, narrowed by the filters that are valid."""

import datetime

import pytest
from django.urls import reverse

from learningloop.core.tests.lists import assert_junk_reported, listed
from learningloop.learning.models import ActivityStatus, ReviewKind, SummaryStatus
from learningloop.partnership.tests.factories import GroupFactory

from .factories_register import ActivityFactory
from .factories_reviews import make_review
from .factories_summaries import SummaryFactory

pytestmark = pytest.mark.django_db
D = datetime.date
ACTIVITIES = ["Audit of neglect", "Inspection of early help", "Survey of practitioners"]


@pytest.fixture
def activities(db):
    ActivityFactory(title="Audit of neglect", started_on=D(2024, 5, 1), status=ActivityStatus.COMPLETED)
    ActivityFactory(title="Inspection of early help", started_on=D(2024, 9, 1))
    ActivityFactory(title="Survey of practitioners", started_on=D(2025, 2, 1))


def test_register_narrows_by_date_range_and_status(officer_client, activities):
    url = reverse("learning:activity_list")
    # Started between 1 June 2024 and 31 March 2025: the inspection (1 Sep) and the survey (1 Feb).
    response = officer_client.get(url, {"from": "2024-06-01", "to": "2025-03-31", "sort": "started"})
    assert listed(response, ACTIVITIES) == ["Inspection of early help", "Survey of practitioners"]
    assert listed(officer_client.get(url, {"status": "completed"}), ACTIVITIES) == ["Audit of neglect"]


def test_register_junk_values_are_reported_and_the_valid_filter_still_applies(officer_client, activities):
    url = reverse("learning:activity_list")
    response = officer_client.get(url, {"from": "2024-13-45", "theme": "abc", "q": "survey"})
    assert_junk_reported(response, "Enter a real date, for example 2024-04-01", "id_from")
    assert_junk_reported(response, "Select a theme from the list", "id_theme")
    assert listed(response, ACTIVITIES) == ["Survey of practitioners"]


def test_register_date_range_the_wrong_way_round_is_reported(officer_client, activities):
    url = reverse("learning:activity_list")
    response = officer_client.get(url, {"from": "2025-01-01", "to": "2024-01-01", "sort": "title"})
    assert_junk_reported(response, "The end of the date range must be on or after its start", "id_to")
    # "from" is valid and still applies: started on or after 1 January 2025.
    assert listed(response, ACTIVITIES) == ["Survey of practitioners"]


def test_register_downloads_keep_the_filter(officer_client, activities):
    url = reverse("learning:activity_list")
    body = officer_client.get(url, {"status": "completed", "page": "2"}).content.decode()
    assert f'{reverse("learning:activity_export_csv")}?status=completed"' in body
    export = officer_client.get(reverse("learning:activity_export_csv"), {"status": "completed"})
    titles = [line.split(",")[0] for line in export.getvalue().decode().splitlines()]
    assert titles == ["Title", "Audit of neglect"]
    assert export["X-Content-Type-Options"] == "nosniff"


def test_reviews_narrow_by_kind_and_junk_stage_is_reported(persona_client):
    make_review(pseudonym="Child Amber", aware_on=D(2025, 3, 3))
    make_review(pseudonym="Adult Birch", kind=ReviewKind.SAR, aware_on=D(2025, 3, 3))
    client = persona_client("agency_member")
    url = reverse("learning:review_list")
    names = ["Child Amber", "Adult Birch"]
    assert listed(client.get(url, {"kind": "sar"}), names) == ["Adult Birch"]
    response = client.get(url, {"stage": "limbo", "kind": "child"})
    assert_junk_reported(response, "Select an option from the list", "id_stage")
    assert listed(response, names) == ["Child Amber"]


def test_summaries_narrow_by_status_and_junk_subgroup_is_reported(officer_client):
    audit = GroupFactory(name="Audit subgroup")
    SummaryFactory(title="Summary on neglect", status=SummaryStatus.SUBMITTED, subgroup=audit)
    SummaryFactory(title="Summary on bruising", subgroup=GroupFactory(name="Case review subgroup"))
    url = reverse("learning:summary_list")
    titles = ["Summary on neglect", "Summary on bruising"]
    assert listed(officer_client.get(url, {"status": "submitted"}), titles) == ["Summary on neglect"]
    assert listed(officer_client.get(url, {"subgroup": audit.pk}), titles) == ["Summary on neglect"]
    response = officer_client.get(url, {"subgroup": "999999"})
    assert_junk_reported(response, "Select a subgroup from the list", "id_subgroup")
    assert sorted(listed(response, titles)) == sorted(titles)
