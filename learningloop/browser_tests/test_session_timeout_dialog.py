"""The timeout warning in a real browser, under the strict Content Security Policy: it opens two minutes
before the inactivity timeout with focus inside, says how long is left, and "Stay signed in" (or Escape)
tells the server the user is still there. The browser's clock is Playwright's, fast-forwarded."""

import pytest
from playwright.sync_api import expect

from learningloop.accounts.tests.factories import UserFactory
from learningloop.core.policy import Role

from .helpers import axe_check, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def member(partnership, home_agency):
    return UserFactory(email="member@example.org", agency=home_agency, roles=[Role.AGENCY_MEMBER])


def test_timeout_warning_stay_signed_in_and_escape(strict_page, live_server, member):
    page = strict_page
    page.set_default_timeout(10_000)
    csp_errors = []
    page.on("console", lambda m: csp_errors.append(m.text) if "Content Security Policy" in m.text else None)
    sign_in(page, live_server, member.email)
    page.clock.install()
    page.goto(f"{live_server.url}/")
    dialog = page.locator("#session-timeout-dialog")
    expect(dialog).to_be_hidden()

    page.clock.fast_forward("28:30")  # 1 minute 30 seconds left
    expect(dialog).to_be_visible()
    expect(dialog).to_be_focused()
    expect(dialog.get_by_role("heading", name="You’re about to be signed out")).to_be_visible()
    expect(dialog.locator(".app-timeout-dialog__countdown")).to_have_text("2 minutes")  # 90 s, rounded up
    axe_check(page, "timeout warning open")

    with page.expect_response(lambda r: r.url.endswith("/accounts/session/keep-alive/")) as keep_alive:
        dialog.get_by_role("button", name="Stay signed in").click()
    assert keep_alive.value.status == 200
    expect(dialog).to_be_hidden()

    page.clock.fast_forward("28:30")  # warning again, a full period after the keep-alive
    expect(dialog).to_be_visible()
    with page.expect_response(lambda r: r.url.endswith("/accounts/session/keep-alive/")) as keep_alive:
        page.keyboard.press("Escape")
    assert keep_alive.value.status == 200
    expect(dialog).to_be_hidden()
    assert not csp_errors, csp_errors
