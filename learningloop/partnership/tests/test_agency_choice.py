"""A list's agency filter offers the agencies that are not schools and one "Any school" choice: a
partnership has hundreds of schools, and listing each one made every list with the filter grow with them.
A school named in the address (?agency=<id>, a link or a saved search) is still offered, selected, and
filters the list."""

import re

import pytest
from django.urls import reverse

from learningloop.core.tests.lists import listed

from .factories import AgencyFactory, PersonFactory

pytestmark = pytest.mark.django_db

PEOPLE = ["Ann Police", "Ben Health", "Cat Hillside", "Dan Oakfield"]


@pytest.fixture
def partnership_with_schools(db, home_agency):
    police = AgencyFactory(name="Carrow Police")
    health = AgencyFactory(name="Brook Hospital")
    hillside = AgencyFactory(name="Hillside Primary School", is_school=True)
    oakfield = AgencyFactory(name="Oakfield Academy", is_school=True)
    for name, agency in zip(PEOPLE, (police, health, hillside, oakfield), strict=True):
        PersonFactory(full_name=name, agency=agency)
    return {"police": police, "hillside": hillside}


def _options(response):
    select = re.search(r'<select[^>]*name="agency".*?</select>', response.content.decode(), re.S).group(0)
    return re.findall(r"<option[^>]*>([^<]*)</option>", select)


def test_the_people_list_offers_agencies_and_any_school_not_each_school(
    officer_client, partnership_with_schools
):
    response = officer_client.get(reverse("partnership:person_list"))
    options = _options(response)
    assert "Carrow Police" in options and "Brook Hospital" in options
    assert "Any school" in options
    assert "Hillside Primary School" not in options and "Oakfield Academy" not in options


def test_any_school_lists_the_people_of_every_school(officer_client, partnership_with_schools):
    response = officer_client.get(reverse("partnership:person_list"), {"agency": "schools"})
    assert listed(response, PEOPLE) == ["Cat Hillside", "Dan Oakfield"]
    assert re.search(r'<option value="schools" selected>Any school</option>', response.content.decode())


def test_a_school_named_in_the_address_is_offered_selected(officer_client, partnership_with_schools):
    hillside = partnership_with_schools["hillside"]
    response = officer_client.get(reverse("partnership:person_list"), {"agency": hillside.pk})
    assert listed(response, PEOPLE) == ["Cat Hillside"]
    assert "Hillside Primary School" in _options(response) and "Oakfield Academy" not in _options(response)
    assert re.search(
        rf'<option value="{hillside.pk}" selected>Hillside Primary School</option>', response.content.decode()
    )


def test_the_action_list_offers_any_school_too(officer_client, partnership_with_schools):
    response = officer_client.get(reverse("improvement:action_list"))
    options = _options(response)
    assert "Any school" in options and "Hillside Primary School" not in options
    assert officer_client.get(reverse("improvement:action_list"), {"agency": "schools"}).status_code == 200


def test_an_unknown_agency_is_reported_not_a_500(officer_client, partnership_with_schools):
    response = officer_client.get(reverse("partnership:person_list"), {"agency": "999999"})
    assert response.status_code == 200 and "Select an agency from the list" in response.content.decode()
