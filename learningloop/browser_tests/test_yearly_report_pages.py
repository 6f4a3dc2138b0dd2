"""The yearly report pages through a real browser, each checked with axe in its empty, filled and error
states: the list, drafting a report, the builder page (a draft with its live figures and charts, and a
report signed off by the three partners), editing its text, withdrawing a sign-off."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import expect

from learningloop.accounts.tests.factories import UserFactory
from learningloop.core.policy import Role

from .helpers import axe_check, expect_error_state, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def admin(page, live_server, partnership, business_unit):
    call_command("load_framework", stdout=io.StringIO())
    user = UserFactory(
        email="admin@example.org", full_name="Ada Admin", agency=business_unit, roles=[Role.BU_ADMIN]
    )
    sign_in(page, live_server, user.email)
    return user


def _go(page, live_server, name, **kwargs):
    page.goto(live_server.url + reverse(name, kwargs=kwargs or None))
    page.wait_for_load_state("load")


def _filled_year(home_agency, other_agency):
    """A year with figures in several sections, including a chart."""
    from learningloop.dissemination.models import CommunicationStatus, ResponseStatus
    from learningloop.dissemination.tests.factories_plans import CommunicationFactory
    from learningloop.dissemination.tests.factories_requests import RequestFactory, ResponseFactory
    from learningloop.performance.models import Category, Frequency
    from learningloop.performance.tests.factories import IndicatorFactory, SubmissionFactory

    day = datetime.date(2025, 6, 2)
    CommunicationFactory(status=CommunicationStatus.DONE, done_on=day, due_on=day, people_attending=41)
    sent = datetime.datetime(2025, 9, 1, 10, tzinfo=datetime.UTC)
    request = RequestFactory(sent_at=sent, due_on=datetime.date(2025, 10, 1))
    ResponseFactory(request=request, agency=home_agency, status=ResponseStatus.ACCEPTED, submitted_at=sent)
    ResponseFactory(request=request, agency=other_agency)
    indicator = IndicatorFactory(
        name="Children safe at home a year on", category=Category.BETTER_OFF, frequency=Frequency.QUARTERLY
    )
    for start, value in ((datetime.date(2025, 4, 1), 70), (datetime.date(2025, 7, 1), 78)):
        SubmissionFactory(indicator=indicator, agency=home_agency, period_start=start, value=value)


def test_empty_pages(page, live_server, admin):
    _go(page, live_server, "yearly:list")
    axe_check(page, "Yearly reports (empty)")
    _go(page, live_server, "yearly:create")
    axe_check(page, "Draft a yearly report")
    page.get_by_label("April 2025 to March 2026").check()
    page.get_by_role("button", name="Draft the report").click()
    page.wait_for_load_state("load")
    assert page.get_by_role("heading", level=1).inner_text() == "1 April 2025 to 31 March 2026"
    axe_check(page, "Yearly report builder (a year with no records)")


def test_error_states(page, live_server, admin):
    from learningloop.reports.tests.factories_yearly import draft

    _go(page, live_server, "yearly:create")
    page.get_by_role("button", name="Draft the report").click()
    expect_error_state(page)
    axe_check(page, "Draft a yearly report (errors)")
    report = draft(2025)
    _go(page, live_server, "yearly:edit", pk=report.pk)
    box = page.locator("#id_section-partners-above")
    box.evaluate("el => el.removeAttribute('maxlength')")  # as an old browser would send it
    box.fill("x" * 20001)
    page.get_by_role("button", name="Save report").click()
    expect_error_state(page)
    axe_check(page, "Edit the yearly report (errors)")


def test_filled_pages(page, live_server, admin, home_agency, other_agency):
    from learningloop.accounts.models import User
    from learningloop.reports.tests.factories_yearly import draft, sign, signed_off

    _filled_year(home_agency, other_agency)
    report = draft(2025)
    report.texts["partners"] = {"above": "The partners met every quarter.", "below": "It worked."}
    report.save()
    _go(page, live_server, "yearly:detail", pk=report.pk)
    assert page.locator("svg[role=img]").count() >= 2  # the responses chart and the measure's chart
    axe_check(page, "Yearly report builder (draft, filled)")
    _go(page, live_server, "yearly:edit", pk=report.pk)
    axe_check(page, "Edit the yearly report")
    frozen = signed_off(2024)
    _go(page, live_server, "yearly:detail", pk=frozen.pk)
    axe_check(page, "Yearly report builder (signed off)")
    _go(page, live_server, "yearly:edit", pk=frozen.pk)
    expect(page.locator(".govuk-error-summary")).to_contain_text("cannot be changed")
    axe_check(page, "Edit a signed-off yearly report (refused)")
    _go(page, live_server, "yearly:list")
    axe_check(page, "Yearly reports (filled)")

    police = User.objects.get(email="lead.police@example.org")  # signed the 2024 report
    sign(report, police)
    page.context.clear_cookies()
    sign_in(page, live_server, police.email)
    _go(page, live_server, "yearly:withdraw", pk=report.pk)
    axe_check(page, "Withdraw a sign-off")
    page.get_by_role("button", name="Withdraw sign-off").click()
    expect_error_state(page)
    axe_check(page, "Withdraw a sign-off (errors)")
