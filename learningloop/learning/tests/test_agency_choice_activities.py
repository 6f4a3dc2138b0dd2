"""The activity list's provider agency filter offers the agencies and one "Any school" choice, not every
school (partnership/tests/test_agency_choice.py); "Any school" lists the activities a school provided."""

import re

import pytest
from django.urls import reverse

from learningloop.core.tests.lists import listed
from learningloop.partnership.tests.factories import AgencyFactory

from .factories_register import ActivityFactory

pytestmark = pytest.mark.django_db

TITLES = ["Police audit", "Schools audit"]


def _options(response):
    select = re.search(r'<select[^>]*name="agency".*?</select>', response.content.decode(), re.S).group(0)
    return re.findall(r"<option[^>]*>([^<]*)</option>", select)


def test_the_activity_list_offers_any_school_and_it_filters(officer_client):
    ActivityFactory(title=TITLES[0]).provider_agencies.set([AgencyFactory(name="Carrow Police")])
    school = AgencyFactory(name="Hillside Primary School", is_school=True)
    ActivityFactory(title=TITLES[1]).provider_agencies.set([school])
    page = officer_client.get(reverse("learning:activity_list"))
    assert "Any school" in _options(page) and "Carrow Police" in _options(page)
    assert "Hillside Primary School" not in _options(page)
    schools = officer_client.get(reverse("learning:activity_list"), {"agency": "schools"})
    assert listed(schools, TITLES) == ["Schools audit"]
    assert "Provider agency: Any school" in schools.content.decode()
