"""The impact pages pass axe (WCAG 2.2 AA, serious and critical) empty, filled and with errors: the
dashboard, the indicator list and page with its chart, the submit form, the upload page with a file's
problems, the late returns and the agency contribution scorecard."""

import datetime

import pytest
from django.utils import timezone

from learningloop.accounts.tests.factories import UserFactory
from learningloop.core.policy import Role
from learningloop.performance.services import data_dues_create
from learningloop.performance.tests.factories import IndicatorFactory, SubmissionFactory

from .helpers import axe_check, expect_error_state, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def officer(partnership, business_unit):
    return UserFactory(
        email="officer@example.org", full_name="Bea Officer", agency=business_unit, roles=[Role.BU_OFFICER]
    )


def test_impact_pages_empty(page, live_server, officer):
    sign_in(page, live_server, officer.email)
    for path, name in [
        ("/impact/", "dashboard, empty"),
        ("/impact/indicators/", "indicator list, empty"),
        ("/impact/late/", "late returns, empty"),
        ("/impact/agencies/", "contribution, empty"),
        ("/impact/import/", "upload page"),
    ]:
        page.goto(f"{live_server.url}{path}")
        axe_check(page, name)


def test_impact_pages_filled_and_with_errors(page, live_server, officer, home_agency, other_agency):
    today = timezone.localdate()
    first = (today.replace(day=1) - datetime.timedelta(days=120)).replace(day=1)
    indicator = IndicatorFactory(
        name="Assessments within 45 working days", providers=[home_agency, other_agency], collect_from=first
    )
    data_dues_create(indicator=indicator)
    SubmissionFactory(
        indicator=indicator, agency=home_agency, period_start=first, value=80, numerator=80, denominator=100
    )
    SubmissionFactory(
        indicator=indicator, agency=other_agency, period_start=first, value=90, numerator=90, denominator=100
    )
    sign_in(page, live_server, officer.email)
    for path, name in [
        ("/impact/", "dashboard, filled"),
        ("/impact/indicators/", "indicator list, filled"),
        (f"/impact/indicators/{indicator.pk}/", "indicator page with chart"),
        ("/impact/late/", "late returns, filled"),
        ("/impact/agencies/", "contribution, filled"),
        (f"/impact/agencies/{home_agency.pk}/", "agency contribution page"),
    ]:
        page.goto(f"{live_server.url}{path}")
        axe_check(page, name)
    page.goto(f"{live_server.url}/impact/indicators/{indicator.pk}/submit/")
    axe_check(page, "submit form")
    page.get_by_role("button", name="Submit value").click()
    expect_error_state(page)
    axe_check(page, "submit form with errors")
    page.goto(f"{live_server.url}/impact/?priority=banana")
    axe_check(page, "dashboard with a filter error")
    page.goto(f"{live_server.url}/impact/import/")
    page.set_input_files(
        "input[type=file]",
        files=[
            {
                "name": "returns.csv",
                "mimeType": "text/csv",
                "buffer": b"Indicator code,Agency,Period end,Value\r\nnope,Nowhere,soon,lots\r\n",
            }
        ],
    )
    page.get_by_role("button", name="Upload values").click()
    expect_error_state(page)
    axe_check(page, "upload page with a file's problems")
    page.goto(f"{live_server.url}/impact/indicators/add/")
    page.get_by_role("button", name="Add indicator").click()
    expect_error_state(page)
    axe_check(page, "add indicator form with errors")
