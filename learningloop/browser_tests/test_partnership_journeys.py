"""A business unit officer sets up the partnership through the real pages: an agency, a group and a
membership. Each form is checked with axe in its error state and after saving."""

import re

import pytest
from playwright.sync_api import expect

from learningloop.accounts.tests.factories import UserFactory
from learningloop.core.policy import Role
from learningloop.partnership.models import Agency, Group, Membership
from learningloop.partnership.tests.factories import AgencyFactory, GroupFactory, PersonFactory

from .helpers import (
    axe_check,
    expect_banner,
    expect_error_state,
    expect_saved_without_errors,
    fill_choice,
    fill_date,
    sign_in,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def signed_in_officer(page, live_server, partnership, business_unit):
    officer = UserFactory(email="officer@example.org", full_name="Olu Officer", agency=business_unit,
                          roles=[Role.BU_OFFICER])  # fmt: skip
    sign_in(page, live_server, officer.email)
    return officer


def test_create_an_agency(page, live_server, signed_in_officer):
    page.goto(f"{live_server.url}/partnership/agencies/new")
    axe_check(page, "new agency form")

    page.get_by_role("button", name="Save agency").click()
    expect_error_state(page)
    axe_check(page, "new agency form with errors")

    page.get_by_label("Name", exact=True).fill("Northshire Youth Justice Service")
    page.get_by_label("Short name").fill("NYJS")
    fill_choice(page, "Sector", "Probation and justice")
    fill_choice(page, "Statutory role", "Relevant agency")
    page.get_by_label("This agency is a school").uncheck()
    page.get_by_role("button", name="Save agency").click()
    expect_saved_without_errors(page)

    agency = Agency.objects.get(name="Northshire Youth Justice Service")
    expect(page).to_have_url(re.compile(rf"/partnership/agencies/{agency.pk}/$"))
    expect_banner(page, "Agency created")
    expect(page.locator("h1")).to_contain_text("Northshire Youth Justice Service")
    assert (agency.short_name, agency.sector, agency.statutory_role, agency.is_school) == (
        "NYJS", "justice", "relevant_agency", False,
    )  # fmt: skip
    axe_check(page, "agency detail")

    page.goto(f"{live_server.url}/partnership/agencies/")
    expect(page.get_by_role("link", name="Northshire Youth Justice Service")).to_be_visible()
    axe_check(page, "agency list")


def test_create_a_group(page, live_server, signed_in_officer):
    page.goto(f"{live_server.url}/partnership/groups/new")
    page.get_by_label("Name", exact=True).fill("")
    page.get_by_role("button", name="Save group").click()
    expect_error_state(page)
    axe_check(page, "new group form with errors")

    page.get_by_label("Name", exact=True).fill("Learning and Improvement Subgroup")
    page.get_by_label("Short name").fill("LIS")
    page.get_by_label("Purpose").fill("To learn from practice reviews and check that learning sticks.")
    page.get_by_label("Meeting frequency").fill("Every two months")
    page.get_by_label("Papers out, working days before the meeting").fill("5")
    page.get_by_label("Minutes out, days after the meeting").fill("14")
    fill_choice(page, "Quorum rule", "No quorum rule")
    page.get_by_role("button", name="Save group").click()
    expect_saved_without_errors(page)

    group = Group.objects.get(name="Learning and Improvement Subgroup")
    expect(page).to_have_url(re.compile(rf"/partnership/groups/{group.pk}/$"))
    expect_banner(page, "Group created")
    expect(page.locator("h1")).to_contain_text("Learning and Improvement Subgroup")
    axe_check(page, "group detail")

    page.goto(f"{live_server.url}/partnership/groups/")
    expect(page.get_by_role("link", name="Learning and Improvement Subgroup")).to_be_visible()
    axe_check(page, "group list")


def test_add_a_member_to_a_group(page, live_server, signed_in_officer):
    police = AgencyFactory(name="Northshire Police", short_name="NP")
    health = AgencyFactory(name="Northshire Integrated Care Board", short_name="ICB")
    person = PersonFactory(full_name="Priya Sharma", agency=police)
    group = GroupFactory(name="Case Review Group")

    page.goto(f"{live_server.url}/partnership/groups/{group.pk}/")
    axe_check(page, "group page before adding a member")
    page.get_by_role("button", name="Add a member").click()  # a GOV.UK link button
    expect(page).to_have_url(re.compile(rf"/partnership/groups/{group.pk}/members/new"))
    axe_check(page, "add member form")

    page.get_by_role("button", name="Add member").click()
    expect_error_state(page)
    axe_check(page, "add member form with errors")

    fill_choice(page, "Person", "Priya Sharma")
    fill_choice(page, "Role", "Deputy chair")
    fill_choice(page, "Agency represented", "Northshire Integrated Care Board")
    fill_date(page, "Start date", 1, 4, 2026)
    page.get_by_role("button", name="Add member").click()
    expect_saved_without_errors(page)

    expect(page).to_have_url(re.compile(rf"/partnership/groups/{group.pk}/$"))
    expect_banner(page, "Member added")
    expect(page.locator("main")).to_contain_text("Priya Sharma")
    membership = Membership.objects.get(group=group, person=person)
    assert (membership.role, membership.representing, str(membership.start_date)) == (
        "deputy_chair", health, "2026-04-01",
    )  # fmt: skip
    axe_check(page, "group page with the new member")


def test_people_pages_and_framework(page, live_server, signed_in_officer):
    person = PersonFactory(full_name="Sam Okafor", agency=AgencyFactory(name="Northshire Council"))
    for path, what in [
        ("/partnership/people/", "people list"),
        (f"/partnership/people/{person.pk}/", "person detail"),
        ("/partnership/people/new", "new person form"),
        ("/partnership/framework/", "framework"),
    ]:
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, f"{what}: HTTP {response.status}"
        axe_check(page, what)
