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


# The impact pages, the action plan list and the user list take the same short list (they named every agency
# and school: at scale 2 the dashboard drew 1,140 options on each request).
SHORT_LISTS = [
    ("performance:dashboard", "officer"),
    ("performance:indicator_list", "officer"),
    ("improvement:plan_list", "officer"),
    ("accounts:user_list", "admin"),
]


@pytest.mark.parametrize(("page", "who"), SHORT_LISTS)
def test_more_lists_offer_agencies_and_any_school_not_each_school(
    officer_client, admin_client_, partnership_with_schools, page, who
):
    client = admin_client_ if who == "admin" else officer_client
    response = client.get(reverse(page))
    assert response.status_code == 200
    options = _options(response)
    assert "Carrow Police" in options and "Any school" in options
    assert "Hillside Primary School" not in options and "Oakfield Academy" not in options
    chosen = client.get(reverse(page), {"agency": partnership_with_schools["hillside"].pk})
    assert "Hillside Primary School" in _options(chosen) and "Oakfield Academy" not in _options(chosen)


def test_any_school_shows_the_indicators_schools_provide_each_once(officer_client, partnership_with_schools):
    from learningloop.performance.tests.factories import IndicatorFactory

    police, hillside = partnership_with_schools["police"], partnership_with_schools["hillside"]
    oakfield = AgencyFactory(name="Oakfield Junior", is_school=True)
    IndicatorFactory(name="Attendance at school", providers=[hillside, oakfield])
    IndicatorFactory(name="Missing episodes", providers=[police])
    names = ["Attendance at school", "Missing episodes"]
    for page in ("performance:indicator_list", "performance:dashboard"):
        response = officer_client.get(reverse(page), {"agency": "schools"})
        html = response.content.decode()
        assert [n for n in names if n in html] == ["Attendance at school"]
        assert html.count(">Attendance at school<") == 1  # provided by two schools, shown once


def test_any_school_shows_the_action_plans_schools_own_or_act_in(officer_client, partnership_with_schools):
    from learningloop.improvement.models import PlanScope
    from learningloop.improvement.tests.factories import ActionFactory, PlanFactory

    police, hillside = partnership_with_schools["police"], partnership_with_schools["hillside"]
    PlanFactory(title="Hillside School plan", scope=PlanScope.SINGLE_AGENCY, agency=hillside)
    ActionFactory(plan=PlanFactory(title="Multi-agency plan with a school"), owner_agency=hillside)
    ActionFactory(plan=PlanFactory(title="Police plan"), owner_agency=police)
    response = officer_client.get(reverse("improvement:plan_list"), {"agency": "schools"})
    shown = listed(response, ["Hillside School plan", "Multi-agency plan with a school", "Police plan"])
    assert sorted(shown) == ["Hillside School plan", "Multi-agency plan with a school"]


def test_any_school_lists_the_users_of_every_school(admin_client_, partnership_with_schools):
    from learningloop.accounts.tests.factories import UserFactory

    UserFactory(full_name="Hana Hillside", agency=partnership_with_schools["hillside"])
    UserFactory(full_name="Pete Police", agency=partnership_with_schools["police"])
    response = admin_client_.get(reverse("accounts:user_list"), {"agency": "schools"})
    assert listed(response, ["Hana Hillside", "Pete Police"]) == ["Hana Hillside"]
