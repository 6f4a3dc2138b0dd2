"""The work plan comes 50 items a page: a partnership's plan grows every year, and the page showed every item
of every year. Each page keeps the plan's order (the activities as the terms of reference list them, then the
due date) with its items under their activity's heading, and the count is of every matching item."""

import datetime
import re

import pytest
from django.urls import reverse

from ..models import WorkPlanItem
from .factories import make_ldg

pytestmark = pytest.mark.django_db
D = datetime.date


def _items(group, activity, n, *, start=D(2027, 1, 1)):
    for i in range(n):
        WorkPlanItem.objects.create(
            group=group,
            year=2026,
            activity=activity,
            objective=f"{activity} objective {i:02}",
            due_on=start + datetime.timedelta(days=n - i),  # made in reverse order of due date
        )


def _shown(page):
    """[(table caption, [objectives])] in page order."""
    tables = re.findall(r"<caption[^>]*>(.*?)</caption>(.*?)</table>", page, re.S)
    return [
        (caption.strip(), re.findall(r"<td class=\"govuk-table__cell\">(\w+ objective \d+)<br>", body))
        for caption, body in tables
    ]


@pytest.fixture
def plan(db):
    group = make_ldg().group
    _items(group, "training", 30)  # listed 7th of the activities
    _items(group, "work_plan", 25)  # 1st
    _items(group, "events", 5)  # 4th
    return group


def test_the_plan_comes_fifty_a_page_in_the_plan_order(officer_client, plan):
    url = reverse("governance:workplan")
    first = officer_client.get(url).text
    assert "60 items" in first
    shown = _shown(first)
    assert [caption for caption, _ in shown] == [
        "Multi-agency learning and development work plan",
        "Learning events and agency attendance",
        "The training strategy and offer",
    ]
    # Earliest due first within each activity: the items were made latest due first (objective 00 last).
    assert shown[0][1] == [f"work_plan objective {i:02}" for i in range(24, -1, -1)]
    assert shown[1][1] == [f"events objective {i:02}" for i in range(4, -1, -1)]
    assert shown[2][1] == [f"training objective {i:02}" for i in range(29, 9, -1)]  # 25 + 5 + 20 = 50
    assert 'class="govuk-pagination' in first

    second = officer_client.get(url, {"page": 2}).text
    assert "60 items" in second
    assert _shown(second) == [
        ("The training strategy and offer", [f"training objective {i:02}" for i in range(9, -1, -1)])
    ]


def test_a_filter_counts_every_matching_item_and_junk_page_numbers_show_the_first_page(officer_client, plan):
    url = reverse("governance:workplan")
    page = officer_client.get(url, {"status": "not_started", "page": "junk"})
    assert page.status_code == 200 and "60 items" in page.text
    assert _shown(page.text)[0][1][0] == "work_plan objective 24"
    assert officer_client.get(url, {"page": 99}).status_code == 200


def test_the_page_reads_the_same_whatever_the_size_of_the_plan(
    officer_client, plan, django_assert_max_num_queries
):
    url = reverse("governance:workplan")
    with django_assert_max_num_queries(30) as few:
        size = len(officer_client.get(url).content)
    _items(plan, "forum", 200)
    with django_assert_max_num_queries(len(few.captured_queries)):
        grown = officer_client.get(url).text
    assert "260 items" in grown
    assert sum(len(objectives) for _, objectives in _shown(grown)) == 50
    assert len(grown) < size * 1.2
