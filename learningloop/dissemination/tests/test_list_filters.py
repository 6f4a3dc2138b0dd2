"""The dissemination lists (plans, briefings) filter through the shared FilterSet: a valid filter narrows
the rows, a junk value is reported in the error summary while the list still shows."""

import pytest
from django.urls import reverse

from learningloop.core.tests.lists import assert_junk_reported, listed
from learningloop.dissemination.models import BriefingKind, BriefingStatus

from .factories_briefings import BriefingFactory
from .factories_plans import CommunicationFactory, make_plan

pytestmark = pytest.mark.django_db


def test_briefings_narrow_by_kind_and_junk_status_is_reported(officer_client):
    BriefingFactory(title="Seven minutes on neglect", kind=BriefingKind.SEVEN_MINUTE)
    BriefingFactory(
        title="Spring newsletter item", kind=BriefingKind.NEWSLETTER_ITEM, status=BriefingStatus.READY
    )
    url = reverse("dissemination:briefing_list")
    titles = ["Seven minutes on neglect", "Spring newsletter item"]
    assert listed(officer_client.get(url, {"kind": BriefingKind.NEWSLETTER_ITEM}), titles) == [titles[1]]
    response = officer_client.get(url, {"status": "published-ish", "kind": BriefingKind.SEVEN_MINUTE})
    assert_junk_reported(response, "Select a status from the list", "id_status")
    assert listed(response, titles) == [titles[0]]


def test_plans_narrow_by_communications_and_junk_is_reported(officer_client):
    quiet = make_plan(1, title="Summary with no communications")
    busy = CommunicationFactory().audience_plan.message_plan.plan
    titles = [quiet.summary.title, busy.summary.title]
    url = reverse("dissemination:plan_list")
    assert listed(officer_client.get(url, {"communications": "none"}), titles) == [quiet.summary.title]
    assert listed(officer_client.get(url, {"communications": "open"}), titles) == [busy.summary.title]
    response = officer_client.get(url, {"communications": "maybe"})
    assert_junk_reported(response, "Select a filter from the list", "id_communications")
    assert sorted(listed(response, titles)) == sorted(titles)
