"""The pages made cheap at scale (docs/adr/0025-page-cost-that-does-not-grow.md), through a real browser:
outstanding responses 50 a page (empty, two pages, a junk page number), and the lists whose select options
and status tags are now written in one pass (filled and with junk filters). Every state is checked with axe.
"""

import datetime

import pytest
from playwright.sync_api import expect

from learningloop.core import workdays
from learningloop.dissemination.tests.factories_requests import RequestFactory, ResponseFactory
from learningloop.improvement.tests.factories import ActionFactory
from learningloop.learning.models import ActivityStatus, LearningActivity
from learningloop.partnership.models import LearningSourceType
from learningloop.partnership.tests.factories import AgencyFactory

from .helpers import axe_check, expect_error_state
from .test_practice_journeys import _go, admin, framework  # noqa: F401 - the same signed-in administrator

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

OUTSTANDING = "/dissemination/requests/outstanding/"


@pytest.mark.usefixtures("admin")
def test_outstanding_responses_come_50_a_page(page, live_server):
    _go(page, live_server, OUTSTANDING, "outstanding responses (empty)")
    expect(page.get_by_text("No outstanding responses.")).to_be_visible()

    today = datetime.date.today()
    agency = AgencyFactory(name="Northshire Police")
    late = RequestFactory(title="Late request", due_on=workdays.add_working_days(today, -3))
    ResponseFactory(request=late, agency=agency)
    for i in range(54):
        request = RequestFactory(title=f"Request {i:02}", due_on=today + datetime.timedelta(days=10 + i))
        ResponseFactory(request=request, agency=agency)

    _go(page, live_server, OUTSTANDING, "outstanding responses, first of two pages")
    expect(page.get_by_text("Northshire Police (55 outstanding, 1 overdue)")).to_be_visible()
    expect(page.locator("tbody .govuk-table__row")).to_have_count(50)
    expect(page.get_by_role("link", name="Late request")).to_be_visible()
    page.get_by_role("navigation", name="Pagination").get_by_role("link", name="Next").click()
    page.wait_for_load_state("load")
    axe_check(page, "outstanding responses, second page")
    expect(page.locator("tbody .govuk-table__row")).to_have_count(5)
    expect(page.get_by_role("link", name="Request 53")).to_be_visible()

    _go(page, live_server, f"{OUTSTANDING}?page=junk", "outstanding responses, junk page number")
    expect(page.get_by_role("link", name="Late request")).to_be_visible()


@pytest.mark.usefixtures("admin")
def test_register_and_action_list_with_many_agencies(page, live_server):
    for i in range(60):
        AgencyFactory(name=f"Primary school {i:02}", is_school=True)
    police = AgencyFactory(name="Northshire Police")
    LearningActivity.objects.create(
        title="Multi-agency audit of neglect",
        source_type=LearningSourceType.objects.order_by("pk").first(),
        status=ActivityStatus.COMPLETED,
        started_on=datetime.date(2026, 3, 2),
        completed_on=datetime.date(2026, 5, 4),
    )
    ActionFactory(description="Share chronologies at strategy meetings", owner_agency=police)

    _go(page, live_server, "/learning/activities/", "register with many agencies in the filter")
    # "Any agency", every agency that is not a school, and one "Any school" (ADR 0038): not the 60 schools.
    agencies = LearningActivity.provider_agencies.field.related_model.objects
    expect(page.get_by_label("Provider agency").locator("option")).to_have_count(
        1 + agencies.filter(is_school=False).count() + 1
    )
    school_option = page.get_by_label("Provider agency").locator("option", has_text="Primary school 07")
    expect(school_option).to_have_count(0)
    expect(page.locator("strong.govuk-tag", has_text="Completed")).to_be_visible()

    page.get_by_label("Provider agency").select_option(label="Northshire Police")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_load_state("load")
    axe_check(page, "register filtered by an agency")
    expect(page.get_by_label("Provider agency")).to_have_value(str(police.pk))

    _go(page, live_server, "/learning/activities/?agency=999999&status=junk", "register, junk filters")
    expect_error_state(page)
    expect(page.get_by_role("link", name="Multi-agency audit of neglect")).to_be_visible()

    _go(page, live_server, f"/actions/?agency={police.pk}", "action list filtered by an agency")
    expect(page.get_by_label("Agency")).to_have_value(str(police.pk))
    expect(page.get_by_role("link", name="Share chronologies at strategy meetings")).to_be_visible()


@pytest.mark.usefixtures("admin")
def test_a_large_export_shows_its_progress_then_the_download(page, live_server, settings):
    from learningloop.core.tests.worker import run_worker

    settings.SPREADSHEET_BACKGROUND_ROWS = 1  # two actions make a "large" export here
    ActionFactory(description="Share chronologies at strategy meetings")
    ActionFactory(description="Audit escalation")
    _go(page, live_server, "/actions/", "action list before a large export")
    response = page.goto(f"{live_server.url}/actions/export.xlsx")
    assert response.status == 200 and "/exports/" in page.url
    axe_check(page, "export progress, waiting")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Preparing actions-")
    run_worker()
    page.reload()
    axe_check(page, "export ready")
    expect(page.get_by_text("Your spreadsheet is ready")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download actions-").click()
    assert download.value.suggested_filename.endswith(".xlsx")


@pytest.mark.usefixtures("admin")
def test_a_link_to_an_expired_export_says_to_ask_for_it_again(page, live_server, settings):
    """The daily run deletes a large export a week after it was built (SPREADSHEET_EXPORT_KEEP_DAYS): its
    old link shows a GOV.UK page that says so, not an error."""
    from learningloop.core.models import SpreadsheetExport
    from learningloop.core.reminders import send_due_reminders
    from learningloop.core.tests.worker import run_worker

    settings.SPREADSHEET_BACKGROUND_ROWS = 1
    ActionFactory(description="Share chronologies at strategy meetings")
    ActionFactory(description="Audit escalation")
    _go(page, live_server, "/actions/", "action list before a large export")
    page.goto(f"{live_server.url}/actions/export.xlsx")
    run_worker()
    export = SpreadsheetExport.objects.get()
    SpreadsheetExport.objects.filter(pk=export.pk).update(
        finished_at=export.finished_at - datetime.timedelta(days=8)
    )
    send_due_reminders()
    response = page.goto(f"{live_server.url}/exports/{export.pk}/download")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("This spreadsheet has expired")
    expect(page.get_by_text("Ask for it again")).to_be_visible()
    axe_check(page, "expired export")
