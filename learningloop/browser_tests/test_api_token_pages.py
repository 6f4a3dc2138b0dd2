"""The API token pages pass axe: the empty list, the create form empty and with errors, the token shown
once, the filled list, the revoke confirmation, and the administrator's list of everyone's tokens."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from learningloop.accounts.tests.factories import UserFactory
from learningloop.api.tests.helpers import token_for
from learningloop.core.policy import Role

from .helpers import axe_check, expect_error_state, fill_date, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def analyst(partnership, home_agency):
    return UserFactory(email="analyst@example.org", full_name="Ana Lyst", agency=home_agency,
                       roles=[Role.AGENCY_LEAD])  # fmt: skip


@pytest.fixture
def administrator(partnership, business_unit):
    return UserFactory(email="admin@example.org", full_name="Ada Admin", agency=business_unit,
                       roles=[Role.BU_ADMIN])  # fmt: skip


def test_a_user_creates_sees_and_revokes_a_token(page, live_server, analyst):
    sign_in(page, live_server, analyst.email)
    page.goto(f"{live_server.url}/accounts/")
    page.get_by_role("link", name="Your API tokens").click()
    expect(page.get_by_text("You have no tokens yet.")).to_be_visible()
    axe_check(page, "API tokens, none yet")

    page.get_by_role("button", name="Create a token").click()
    axe_check(page, "create a token, empty")
    page.get_by_label("Name").fill("")
    page.get_by_role("button", name="Create token").click()
    expect_error_state(page)
    axe_check(page, "create a token with errors")

    page.get_by_label("Name").fill("Power BI dashboard")
    expiry = datetime.date.today() + datetime.timedelta(days=90)
    fill_date(page, "Expiry date", expiry.day, expiry.month, expiry.year)
    page.get_by_role("button", name="Create token").click()
    expect(page.get_by_role("heading", name="API token created")).to_be_visible()
    expect(page.locator("code", has_text=re.compile(r"^llpat_"))).to_be_visible()
    axe_check(page, "token created, shown once")

    page.get_by_role("link", name="Back to your API tokens").click()
    expect(page.get_by_role("cell", name="Power BI dashboard", exact=True)).to_be_visible()
    axe_check(page, "API tokens, one active")
    page.get_by_role("link", name="Revoke Power BI dashboard").click()
    axe_check(page, "revoke a token")
    page.get_by_role("button", name="Revoke token").click()
    expect(page.locator(".govuk-tag", has_text="Revoked")).to_be_visible()
    axe_check(page, "API tokens, one revoked")


def test_an_administrator_sees_everyones_tokens(page, live_server, administrator, analyst):
    token_for(analyst, name="Quarterly Excel")
    sign_in(page, live_server, administrator.email)
    page.goto(f"{live_server.url}/api/tokens/all/")
    expect(page.get_by_role("cell", name="Quarterly Excel", exact=True)).to_be_visible()
    axe_check(page, "everyone's API tokens")
