"""Page titles and headings name the thing shown, not its kind or number."""

import pytest
from django.urls import reverse

from .factories_register import ActivityFactory, FindingFactory

pytestmark = pytest.mark.django_db


def test_a_finding_page_is_headed_by_the_finding(officer_client):
    activity = ActivityFactory(title="Audit of neglect")
    finding = FindingFactory(activity=activity, text="Chronologies were not shared before strategy meetings")
    body = officer_client.get(reverse("learning:finding_detail", args=[finding.pk])).content.decode()
    assert '<h1 class="govuk-heading-l">Chronologies were not shared before strategy meetings</h1>' in body
    assert (
        "<title>Finding: Chronologies were not shared before strategy meetings – Learning Loop</title>"
        in body
    )
