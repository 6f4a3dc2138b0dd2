"""The action list's owner agency filter: "Any school" lists the actions every school owns (the schools are
not listed one by one, partnership/tests/test_agency_choice.py)."""

import pytest
from django.urls import reverse

from learningloop.core.tests.lists import listed
from learningloop.partnership.tests.factories import AgencyFactory

from .factories import ActionFactory

pytestmark = pytest.mark.django_db

ACTIONS = ["Police action", "Hillside action", "Oakfield action"]


def test_any_school_lists_the_actions_schools_own(officer_client):
    ActionFactory(description=ACTIONS[0], owner_agency=AgencyFactory(name="Carrow Police"))
    ActionFactory(description=ACTIONS[1], owner_agency=AgencyFactory(name="Hillside Primary", is_school=True))
    ActionFactory(description=ACTIONS[2], owner_agency=AgencyFactory(name="Oakfield Academy", is_school=True))
    response = officer_client.get(reverse("improvement:action_list"), {"agency": "schools"})
    assert sorted(listed(response, ACTIONS)) == ["Hillside action", "Oakfield action"]
    everything = officer_client.get(reverse("improvement:action_list"))
    assert sorted(listed(everything, ACTIONS)) == sorted(ACTIONS)


def test_my_agencys_actions_chooser_offers_any_school(officer_client):
    ActionFactory(description=ACTIONS[0], owner_agency=AgencyFactory(name="Carrow Police"))
    ActionFactory(description=ACTIONS[1], owner_agency=AgencyFactory(name="Hillside Primary", is_school=True))
    page = officer_client.get(reverse("improvement:my_actions")).content.decode()
    assert "Any school" in page and "Hillside Primary" not in page and "Carrow Police" in page
    schools = officer_client.get(reverse("improvement:my_actions"), {"agency": "schools"})
    assert listed(schools, ACTIONS) == ["Hillside action"]
    assert "Actions owned by every school, open ones first." in schools.content.decode()
