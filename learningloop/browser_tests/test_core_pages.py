"""Sign-in, the home page and the other main pages: each passes axe (WCAG 2.2 AA, serious and critical),
and the strict Content Security Policy holds with GOV.UK Frontend's JavaScript running."""

import re

import pytest
from playwright.sync_api import expect

from learningloop.accounts.tests.factories import UserFactory
from learningloop.core.policy import Role

from .helpers import axe_check, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def officer(partnership, business_unit):
    return UserFactory(email="officer@example.org", full_name="Olu Officer", agency=business_unit,
                       roles=[Role.BU_OFFICER])  # fmt: skip


@pytest.fixture
def administrator(partnership, business_unit):
    return UserFactory(email="admin@example.org", full_name="Ada Admin", agency=business_unit,
                       roles=[Role.BU_ADMIN])  # fmt: skip


def test_sign_in_page_is_accessible(page, live_server, partnership):
    page.goto(f"{live_server.url}/accounts/login/")
    axe_check(page, "sign-in page")


def test_officer_signs_in_and_lands_on_home(page, live_server, officer):
    sign_in(page, live_server, officer.email)
    expect(page).to_have_url(f"{live_server.url}/")
    expect(page.locator("h1")).to_have_count(1)
    axe_check(page, "home page")


def test_accessibility_statement_signed_out(page, live_server, partnership):
    page.goto(f"{live_server.url}/accessibility")
    expect(page.locator("h1")).to_contain_text(re.compile("accessibility", re.I))
    axe_check(page, "accessibility statement")


def test_audit_trail_as_administrator(page, live_server, administrator):
    sign_in(page, live_server, administrator.email)
    response = page.goto(f"{live_server.url}/audit/")
    assert response.status == 200
    axe_check(page, "audit trail")


def test_your_account_page(page, live_server, officer):
    sign_in(page, live_server, officer.email)
    response = page.goto(f"{live_server.url}/accounts/")
    assert response.status == 200
    axe_check(page, "your account")


GOVUK_MODULES_NOT_INITIALISED = """() => [...document.querySelectorAll('[data-module^="govuk-"]')]
    .filter(el => !el.hasAttribute('data-' + el.dataset.module + '-init'))
    .map(el => el.dataset.module)"""


def test_strict_csp_holds_and_govuk_javascript_runs(strict_page, live_server, officer):
    page = strict_page
    problems = []
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))

    def check(name):
        expect(page.locator("body")).to_have_class(re.compile(r"\bgovuk-frontend-supported\b"))
        assert page.evaluate(GOVUK_MODULES_NOT_INITIALISED) == [], f"GOV.UK modules not initialised on {name}"
        csp = [p for p in problems if "Content Security Policy" in p]
        assert not csp, f"CSP violations on {name}:\n" + "\n".join(csp)

    response = page.goto(f"{live_server.url}/accounts/login/")
    assert "script-src" in (response.headers.get("content-security-policy") or "")
    check("the sign-in page")

    sign_in(page, live_server, officer.email)
    expect(page).to_have_url(f"{live_server.url}/")
    check("the home page")
    assert not problems, "Console errors:\n" + "\n".join(problems)
