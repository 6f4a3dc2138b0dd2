"""The business unit's home page shows what needs attention now."""

import datetime

import pytest
import time_machine
from django.core.management import call_command

from learningloop.learning.models import (
    ActivityStatus,
    CaseReview,
    LearningActivity,
    SummaryOfLearning,
    SummaryStatus,
)
from learningloop.learning.services import case_review_save
from learningloop.partnership.models import Group, LearningSourceType

TODAY = datetime.date(2026, 12, 21)  # a Monday just before Christmas


@pytest.fixture
def preset(db):
    call_command("load_framework", verbosity=0)


def _review(pseudonym, aware_on):
    activity = LearningActivity.objects.create(
        title=f"Rapid review {pseudonym}",
        source_type=LearningSourceType.objects.filter(name__icontains="rapid review").first(),
    )
    return case_review_save(review=CaseReview(activity=activity, pseudonym=pseudonym, aware_on=aware_on))


@time_machine.travel(datetime.datetime(2026, 12, 21, 9, 0), tick=False)
@pytest.mark.django_db
def test_home_lists_deadlines_summaries_and_activities_without_findings(preset, officer_client, bu_officer):
    officer_client.force_login(bu_officer)  # a session started "today", 21 December
    _review("Child A", datetime.date(2026, 12, 18))  # notify by 29 Dec (Christmas and Boxing Day skipped)
    _review("Child B", datetime.date(2026, 11, 2))  # notification overdue
    group = Group.objects.get(name__icontains="CSPR")
    SummaryOfLearning.objects.create(
        title="Learning from Child C", subgroup=group, status=SummaryStatus.SUBMITTED
    )
    SummaryOfLearning.objects.create(title="A draft nobody submitted", subgroup=group)
    LearningActivity.objects.create(
        title="Neglect audit 2026",
        source_type=LearningSourceType.objects.first(),
        status=ActivityStatus.COMPLETED,
        completed_on=datetime.date(2026, 10, 1),
    )
    html = officer_client.get("/").content.decode()
    assert "What needs attention now" in html
    assert "Child A" in html and "Child B" in html
    assert "Due in 4 working days" in html  # 22, 23, 24 and 29 December
    assert "1 overdue" in html
    assert "Learning from Child C" in html
    assert "A draft nobody submitted" not in html
    assert "Neglect audit 2026" in html


@pytest.mark.django_db
def test_agency_users_do_not_see_the_business_unit_panel(preset, lead_client):
    html = lead_client.get("/").content.decode()
    assert "What needs attention now" not in html


@pytest.mark.django_db
def test_home_query_count_does_not_grow(preset, officer_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for n in range(2):
        _review(f"Child {n}", datetime.date(2026, 1, 5))
    with CaptureQueriesContext(connection) as few:
        officer_client.get("/")
    for n in range(2, 30):
        _review(f"Child {n}", datetime.date(2026, 1, 5))
    with CaptureQueriesContext(connection) as many:
        officer_client.get("/")
    assert len(many) == len(few)
