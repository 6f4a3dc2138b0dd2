"""Account pages that no other journey visits pass axe too: user administration (empty, error and filled
states), the sign-in email page, sign-out, password reset, two-factor set-up, and the conflict page shown
when two people edit the same record."""

import pytest
from playwright.sync_api import expect

from learningloop.accounts.tests.factories import UserFactory
from learningloop.core.policy import Role

from .helpers import axe_check, expect_error_state, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def administrator(partnership, business_unit):
    return UserFactory(email="admin@example.org", full_name="Ada Admin", agency=business_unit,
                       roles=[Role.BU_ADMIN])  # fmt: skip


def test_user_administration_pages(page, live_server, administrator):
    sign_in(page, live_server, administrator.email)
    page.goto(f"{live_server.url}/accounts/users/")
    axe_check(page, "user list")
    page.goto(f"{live_server.url}/accounts/users/new")
    axe_check(page, "new user form, empty")
    page.get_by_role("button", name="Save user").or_(
        page.locator("form button.govuk-button").first
    ).first.click()
    expect_error_state(page)
    axe_check(page, "new user form with errors")
    page.get_by_label("Full name").fill("Priya Patel")
    page.get_by_label("Email address").fill("priya.patel@example.org")
    page.get_by_label("Agency", exact=True).select_option(label=administrator.agency.name)
    page.get_by_label("Agency member").check()
    page.locator("form button.govuk-button").first.click()
    expect(page.get_by_text("Priya Patel").first).to_be_visible()
    axe_check(page, "user list after adding a user")
    target = UserFactory(email="member@example.org", full_name="Sam Member", agency=administrator.agency,
                         roles=[Role.AGENCY_MEMBER])  # fmt: skip
    page.goto(f"{live_server.url}/accounts/users/{target.pk}/edit")
    axe_check(page, "edit user form")
    page.goto(f"{live_server.url}/accounts/users/{target.pk}/deactivate")
    axe_check(page, "deactivate user confirmation")


def test_own_account_pages(page, live_server, administrator):
    sign_in(page, live_server, administrator.email)
    for path, name in [
        ("/accounts/email/", "sign-in email page"),
        ("/accounts/2fa/", "two-factor overview"),
        ("/accounts/password/change/", "change password"),
        ("/accounts/logout/", "sign-out confirmation"),
    ]:
        response = page.goto(f"{live_server.url}{path}")
        assert response.status < 400, path
        axe_check(page, name)


def test_signed_out_account_pages(page, live_server, partnership):
    page.goto(f"{live_server.url}/accounts/password/reset/")
    axe_check(page, "password reset request")
    page.locator("form button.govuk-button").first.click()
    axe_check(page, "password reset request with errors")


def test_conflict_page(browser, live_server, administrator):
    from learningloop.learning.tests.factories_register import ActivityFactory

    activity = ActivityFactory(title="Neglect audit")
    url = f"{live_server.url}/learning/activities/{activity.pk}/edit"
    first, second = (browser.new_context(bypass_csp=True).new_page() for _ in range(2))
    for page in (first, second):
        sign_in(page, live_server, administrator.email)
        page.goto(url)
    second.get_by_label("Title", exact=True).fill("Neglect audit 2026")
    second.get_by_role("button", name="Save activity").click()
    first.get_by_label("Title", exact=True).fill("Neglect multi-agency audit")
    first.get_by_role("button", name="Save activity").click()
    expect(first.locator("h1")).to_have_text("Someone else changed this record")
    axe_check(first, "conflict page")
