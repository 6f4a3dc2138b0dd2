"""The yearly report's builder page runs the same number of queries whatever the size of the year: every
section reads its figures in a fixed number of queries (ADR 0025)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from .factories_yearly import draft

pytestmark = pytest.mark.django_db
D = datetime.date


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _grow(n, agencies):
    """n more of everything the sections count, in the reporting year 2025 to 2026."""
    from learningloop.assurance.models import FeedbackCount
    from learningloop.dissemination.models import CommunicationStatus
    from learningloop.dissemination.tests.factories_plans import CommunicationFactory
    from learningloop.dissemination.tests.factories_requests import RequestFactory, ResponseFactory
    from learningloop.governance.tests.factories import make_meeting
    from learningloop.improvement.tests.factories import ActionFactory, PlanFactory
    from learningloop.learning.tests.factories_register import ActivityFactory, PriorityFactory
    from learningloop.learning.tests.factories_reviews import make_review
    from learningloop.partnership.tests.factories import GroupFactory
    from learningloop.performance.models import Category, Frequency
    from learningloop.performance.tests.factories import IndicatorFactory, SubmissionFactory
    from learningloop.workforce.tests.factories import BookingFactory, SessionFactory

    for i in range(n):
        group = GroupFactory()
        make_meeting(group, D(2025, 5, 1) + datetime.timedelta(days=i), quorate=True)
        review = make_review(aware_on=D(2025, 5, 1), rapid_review_sent_on=D(2025, 6, 1 + i))
        ActionFactory(plan=PlanFactory(source_meeting="", source_review=review), due_on=D(2025, 12, 1))
        day = D(2025, 7, 1 + i)
        CommunicationFactory(status=CommunicationStatus.DONE, done_on=day, due_on=day)
        request = RequestFactory(sent_at=datetime.datetime(2025, 8, 1 + i, tzinfo=datetime.UTC), due_on=day)
        for agency in agencies:
            ResponseFactory(request=request, agency=agency)
        priority = PriorityFactory()
        indicator = IndicatorFactory(
            category=Category.BETTER_OFF, frequency=Frequency.QUARTERLY, priority=priority
        )
        SubmissionFactory(indicator=indicator, agency=agencies[0], period_start=D(2025, 7, 1), value=40)
        activity = ActivityFactory()
        activity.priorities.add(priority)
        ActionFactory(plan=PlanFactory(source_meeting="", source_activity=activity), due_on=D(2025, 11, 1))
        BookingFactory(session=SessionFactory(date=D(2025, 10, 1 + i)))
        FeedbackCount.objects.create(
            agency=agencies[i % len(agencies)], period_start=D(2025, 4 + 3 * (i % 3), 1), kind="complaint",
            count=2, activity=activity,
        )  # fmt: skip


def test_the_builder_page_does_not_grow_with_the_year(partnership, home_agency, other_agency, persona_client):
    report = draft(2025)
    client = persona_client("bu_admin")
    url = reverse("yearly:detail", args=[report.pk])
    _grow(1, [home_agency, other_agency])
    few = _queries(client, url)
    _grow(4, [home_agency, other_agency])
    many = _queries(client, url)
    assert many == few
