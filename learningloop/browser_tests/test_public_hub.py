"""The public learning hub in a browser: empty, filled and error states of the public pages (signed out) and
of the business unit's publishing pages each pass axe (WCAG 2.2 AA, serious and critical)."""

import pytest
from playwright.sync_api import expect

from learningloop.accounts.tests.factories import UserFactory
from learningloop.core.policy import Role
from learningloop.website.public.services import monthly_count_record
from learningloop.website.tests.factories import local_review, publish, ready_briefing

from .helpers import axe_check, expect_error_state, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def administrator(partnership, business_unit):
    return UserFactory(email="admin@example.org", full_name="Ada Admin", agency=business_unit,
                       roles=[Role.BU_ADMIN])  # fmt: skip


@pytest.fixture
def published(administrator):
    review = publish("case_review", local_review(title="Local review: Baby Orchard"), administrator,
                     notes="Health visitors now repeat safe sleep advice at every contact.")  # fmt: skip
    briefing = publish(
        "learning_briefing", ready_briefing(title="7-minute briefing: chronologies"), administrator
    )
    monthly_count_record(publication_id=briefing.pk)
    return review, briefing


def test_the_empty_hub_is_accessible(page, live_server, partnership):
    page.goto(f"{live_server.url}/publications/")
    expect(page.locator("h1")).to_have_text("Learning from practice")
    expect(page.get_by_text("No publications match your search.")).to_be_visible()
    axe_check(page, "empty learning hub")


def test_the_filled_hub_publication_and_theme_pages_are_accessible(page, live_server, published):
    review, _ = published
    page.goto(f"{live_server.url}/publications/")
    expect(page.get_by_role("link", name="Local review: Baby Orchard")).to_be_visible()
    axe_check(page, "learning hub with publications")
    page.get_by_role("link", name="Local review: Baby Orchard").click()
    expect(page.locator("h1")).to_have_text("Local review: Baby Orchard")
    expect(page.get_by_text("Information about the improvements made")).to_be_visible()
    axe_check(page, "published case review")
    page.get_by_role("link", name="Safe sleep").click()
    expect(page.locator("h1")).to_have_text("Safe sleep")
    axe_check(page, "theme page")


def test_the_search_error_state_is_accessible(page, live_server, published):
    page.goto(f"{live_server.url}/publications/?kind=nonsense")
    expect_error_state(page)
    axe_check(page, "learning hub search with an error")


def test_the_publishing_pages_are_accessible(page, live_server, administrator, published):
    candidate = ready_briefing(title="Briefing waiting to be published")
    sign_in(page, live_server, administrator.email)
    page.goto(f"{live_server.url}/publications/manage/")
    expect(page.locator("h1")).to_have_text("Publications on the learning hub")
    axe_check(page, "publications list")
    page.get_by_role("button", name="Publish something").click()
    axe_check(page, "publish something")
    page.get_by_role("link", name="Briefing waiting to be published").click()
    page.get_by_role("button", name="Publish on the learning hub").click()
    expect_error_state(page)
    axe_check(page, "publish form with an error")
    for label in (
        "It identifies no child",
        "It identifies no family member",
        "It identifies no practitioner",
    ):
        page.get_by_label(label).check()
    page.get_by_role("button", name="Publish on the learning hub").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("is published on the learning hub")
    assert candidate.title in page.content()
    page.goto(f"{live_server.url}/publications/manage/statistics/")
    axe_check(page, "website statistics")
    _, briefing = published
    page.goto(f"{live_server.url}/publications/manage/{briefing.pk}/retire/")
    page.get_by_role("button", name="Retire it").click()
    expect_error_state(page)
    axe_check(page, "retire form with an error")
