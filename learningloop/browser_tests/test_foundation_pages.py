"""The shared pages every area relies on, through a real browser: the deadlines page, a deadline rule's edit
page, a list's filter errors, the edit-conflict page, a refused workflow step, an agency lead's home page
and the section navigation. Each page is checked with axe (WCAG 2.2 AA) in its empty, filled and error
states; the navigation is also walked with the keyboard alone."""

import datetime
import importlib
import re

import pytest
from django.apps import apps as django_apps
from django.utils import timezone
from playwright.sync_api import expect

from learningloop.accounts.tests.factories import UserFactory
from learningloop.core.policy import Role
from learningloop.improvement.tests.factories import ActionFactory, PlanFactory
from learningloop.learning.models import DeadlineRule, SummaryOfLearning, SummaryStatus
from learningloop.learning.tests.factories_summaries import KeyMessageFactory, SummaryFactory
from learningloop.partnership.models import Agency
from learningloop.partnership.tests.factories import AgencyFactory

from .helpers import axe_check, expect_banner, expect_error_state, expect_saved_without_errors, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _today():
    return timezone.localdate()


@pytest.fixture
def deadline_rules(db):
    """The deadline rules of the learning app's data migration (a transactional test's flush removes them)."""
    importlib.import_module("learningloop.learning.migrations.0002_deadline_rules_and_vocabularies").load(
        django_apps, None
    )


@pytest.fixture
def admin(page, live_server, partnership, business_unit):
    user = UserFactory(email="admin@example.org", full_name="Ada Admin", agency=business_unit,
                       roles=[Role.BU_ADMIN])  # fmt: skip
    sign_in(page, live_server, user.email)
    return user


def _go(page, live_server, path, what, status=200):
    response = page.goto(f"{live_server.url}{path}")
    assert response.status == status, f"{what}: HTTP {response.status} at {path}"
    axe_check(page, what)
    return response


def _second_browser(browser, live_server, user):
    """Another person's browser (the CSP bypassed, as for `page`, so axe can be injected)."""
    context = browser.new_context(bypass_csp=True, locale="en-GB")
    other = context.new_page()
    other.set_default_timeout(10_000)
    sign_in(other, live_server, user.email)
    return context, other


# --- The deadlines page ---


def test_deadlines_page_empty_with_rows_and_a_junk_filter(page, live_server, admin):
    _go(page, live_server, "/learning/deadlines/", "deadlines page, empty")
    expect(page.locator("h1")).to_have_text("Statutory and operational deadlines")
    expect(page.locator("main")).to_contain_text("No deadlines match these filters.")

    police = AgencyFactory(name="Northshire Police")
    plan = PlanFactory(title="Neglect audit action plan")
    ActionFactory(plan=plan, owner_agency=police, description="Share chronologies at strategy meetings",
                  due_on=_today() - datetime.timedelta(days=7))  # fmt: skip
    ActionFactory(plan=plan, owner_agency=police, description="Re-audit ten neglect cases",
                  due_on=_today() + datetime.timedelta(days=120))  # fmt: skip

    # By default the page lists what needs attention: the overdue action, not the one due in four months.
    _go(page, live_server, "/learning/deadlines/", "deadlines page with rows")
    table = page.get_by_role("table", name="Deadlines, soonest first")
    expect(table.get_by_role("link", name="Share chronologies at strategy meetings")).to_be_visible()
    expect(table).not_to_contain_text("Re-audit ten neglect cases")
    expect(page.locator("main")).to_contain_text("1 deadline")

    page.get_by_label("Status").select_option(label="All open deadlines")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_load_state("load")
    expect(table.get_by_role("link")).to_have_text(
        ["Share chronologies at strategy meetings", "Re-audit ten neglect cases"]  # soonest first
    )
    axe_check(page, "deadlines page, all open")

    # A kind that does not exist (an edited or old link) is reported, not a server error.
    _go(page, live_server, "/learning/deadlines/?kind=no-such-kind&status=all", "deadlines page, junk filter")
    expect_error_state(page)
    summary = page.locator(".govuk-error-summary")
    expect(summary.get_by_role("link", name="Select an option from the list")).to_have_attribute(
        "href", "#id_kind"
    )
    expect(summary).not_to_contain_text("no-such-kind")  # the address is not repeated back
    # The other filter still applies: every deadline is listed.
    expect(page.get_by_role("table", name="Deadlines, soonest first").get_by_role("link")).to_have_count(2)


# --- A deadline rule ---


def test_deadline_rule_edit_error_then_saved(page, live_server, admin, deadline_rules):
    rule = DeadlineRule.objects.order_by("position").first()
    _go(page, live_server, "/learning/deadlines/rules/", "deadline rules")
    _go(page, live_server, f"/learning/deadlines/rules/{rule.pk}/edit", "deadline rule form")

    page.get_by_label("How many").fill("fifteen")
    page.get_by_role("button", name="Save the rule").click()
    expect_error_state(page)
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter a whole number")
    axe_check(page, "deadline rule form with errors")
    # The error summary's link takes the keyboard to the field at fault.
    page.locator(".govuk-error-summary").get_by_role("link", name="Enter a whole number").click()
    expect(page.get_by_label("How many")).to_be_focused()

    page.get_by_label("How many").fill("15")
    page.get_by_role("button", name="Save the rule").click()
    expect_saved_without_errors(page)
    expect(page).to_have_url(re.compile(r"/learning/deadlines/rules/$"))
    expect_banner(page, "Rule changed")
    rule.refresh_from_db()
    assert rule.amount == 15


# --- A list's filters ---


def test_action_list_reports_junk_filters_and_still_lists(page, live_server, admin):
    _go(page, live_server, "/actions/", "action list, empty")
    ActionFactory(description="Share chronologies at strategy meetings", owner_agency=AgencyFactory())
    _go(page, live_server, "/actions/", "action list with an action")
    expect(page.get_by_role("link", name="Share chronologies at strategy meetings")).to_be_visible()

    missing_agency = (Agency.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1000
    _go(page, live_server, f"/actions/?status=junk&agency={missing_agency}", "action list, junk filters")
    expect_error_state(page)
    summary = page.locator(".govuk-error-summary")
    expect(summary.get_by_role("link")).to_have_count(2)  # one per field at fault
    # The junk filters are ignored: the list still shows.
    expect(page.get_by_role("link", name="Share chronologies at strategy meetings")).to_be_visible()
    summary.get_by_role("link").first.click()
    expect(page.get_by_label("Status", exact=True)).to_be_focused()


# --- The edit-conflict page ---


def test_two_people_edit_the_same_agency(page, live_server, browser, admin):
    agency = AgencyFactory(name="Northshire Police", short_name="NP")
    url = f"{live_server.url}/partnership/agencies/{agency.pk}/edit"
    context, other = _second_browser(browser, live_server, admin)
    try:
        page.goto(url)
        other.goto(url)
        other.get_by_label("Name", exact=True).fill("Northshire Constabulary")
        other.get_by_role("button", name="Save agency").click()
        expect_saved_without_errors(other)

        page.get_by_label("Name", exact=True).fill("Northshire Police Service")
        with page.expect_response(lambda r: r.request.method == "POST") as posted:
            page.get_by_role("button", name="Save agency").click()
        assert posted.value.status == 409
        expect(page.locator("h1")).to_have_text("Someone else changed this record")
        name_row = page.get_by_role("row", name=re.compile(r"^Name"))
        expect(name_row).to_contain_text("Northshire Police Service")  # what this person entered
        expect(name_row).to_contain_text("Northshire Constabulary")  # what is saved
        expect(name_row).to_contain_text("Different")
        axe_check(page, "edit-conflict page")
        agency.refresh_from_db()
        assert agency.name == "Northshire Constabulary"  # nothing of the second save was written

        page.get_by_role("button", name="Open the saved version to edit").click()
        expect(page.get_by_label("Name", exact=True)).to_have_value("Northshire Constabulary")
    finally:
        context.close()


# --- A refused workflow step ---


def test_accepting_a_summary_someone_else_accepted_is_refused(page, live_server, admin):
    summary = SummaryFactory(title="Neglect audit summary", status=SummaryStatus.SUBMITTED)
    KeyMessageFactory(summary=summary, text="Share chronologies at the strategy discussion")
    _go(page, live_server, f"/learning/summaries/{summary.pk}/", "submitted summary")
    # Meanwhile the LDG chair accepts it on their own screen.
    SummaryOfLearning.objects.filter(pk=summary.pk).update(status=SummaryStatus.ACCEPTED)

    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        page.get_by_role("button", name="Accept for the LDG").click()
    assert posted.value.status == 409
    expect(page.locator("h1")).to_have_text("This step is not possible now")
    expect(page.locator("main")).to_contain_text(
        "Only a summary submitted to the LDG can be accepted or returned. This one is accepted by the LDG."
    )
    axe_check(page, "refused workflow step")
    page.get_by_role("button", name="Back to the summary").click()
    expect(page).to_have_url(re.compile(rf"/learning/summaries/{summary.pk}/$"))


# --- An agency lead's home page ---


def test_agency_lead_home_shows_requests_and_actions(page, live_server, partnership, home_agency):
    from learningloop.dissemination.tests.factories_requests import RequestFactory, ResponseFactory

    lead = UserFactory(email="lead@example.org", full_name="Lee Lead", agency=home_agency,
                       roles=[Role.AGENCY_LEAD])  # fmt: skip
    sign_in(page, live_server, lead.email)
    _go(page, live_server, "/", "agency lead's home, nothing to do")
    expect(page.get_by_role("heading", name="Requests to your agency")).to_have_count(0)

    request = RequestFactory(title="Embedding chronologies", due_on=_today() + datetime.timedelta(days=14))
    ResponseFactory(request=request, agency=home_agency)
    ResponseFactory(agency=AgencyFactory(name="Northshire Council"))  # another agency's: not shown
    plan = PlanFactory(title="Neglect audit action plan")
    ActionFactory(plan=plan, owner_agency=home_agency, description="Share chronologies at strategy meetings",
                  due_on=_today() - datetime.timedelta(days=7))  # fmt: skip
    ActionFactory(plan=plan, owner_agency=home_agency, description="Brief the neighbourhood teams",
                  due_on=_today() + datetime.timedelta(days=2))  # fmt: skip

    _go(page, live_server, "/", "agency lead's home with requests and actions")
    heading = page.get_by_role("heading", name="Requests to your agency")
    requests = heading.locator("xpath=following-sibling::ul[1]")
    expect(requests.get_by_role("link")).to_have_text(["Embedding chronologies"])
    expect(page.get_by_role("heading", name="Your agency's actions")).to_be_visible()
    overdue = page.get_by_role("table", name="Overdue actions")
    expect(overdue.get_by_role("link", name="Share chronologies at strategy meetings")).to_be_visible()
    due_soon = page.get_by_role("table", name="Actions due soon")
    expect(due_soon.get_by_role("link", name="Brief the neighbourhood teams")).to_be_visible()


# --- The section navigation ---

FOCUSED = """() => {
    const el = document.activeElement;
    const nav = el.closest('nav');
    return {text: el.innerText.trim(), nav: nav ? nav.getAttribute('aria-label') : null,
            current: el.getAttribute('aria-current')};
}"""


def _tab_through(page, until_nav, limit=40):
    """Press Tab from the top of the page until focus leaves the `until_nav` navigation; what was focused."""
    page.locator("body").focus()
    seen, entered = [], False
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        seen.append(focused)
        if focused["nav"] == until_nav:
            entered = True
        elif entered:
            break
    return seen


def test_section_navigation_with_the_keyboard(page, live_server, admin):
    _go(page, live_server, "/partnership/agencies/", "agencies, in the Governance section")
    seen = _tab_through(page, until_nav="Governance")
    sections = [f["text"] for f in seen if f["nav"] == "Main sections"]
    # Every section this business unit administrator may open, each once, in the site map's order.
    assert sections == ["Home", "Learning", "Practice", "Impact", "Governance", "People"], sections
    assert [f["text"] for f in seen if f["nav"] == "Your account"] == ["Your account", "Sign out"]
    pages = [f for f in seen if f["nav"] == "Governance"]
    governance = ["Agencies", "Groups", "Meetings", "Work plan", "Risks and barriers", "Highlight reports",
                  "Policies and procedures", "Learning events", "Yearly report", "Framework",
                  "Audit trail"]  # fmt: skip
    assert [f["text"] for f in pages] == governance, pages
    # The current section and the current page are announced as such.
    assert {f["text"]: f["current"] for f in seen if f["nav"] == "Main sections"}["Governance"] == "true"
    assert {f["text"]: f["current"] for f in pages} == {
        text: "page" if text == "Agencies" else None for text in governance
    }  # fmt: skip

    # Enter on a focused page link opens it; the marks move with it.
    nav = page.get_by_role("navigation", name="Governance", exact=True)
    nav.get_by_role("link", name="Groups").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/partnership/groups/$"))
    nav = page.get_by_role("navigation", name="Governance", exact=True)
    expect(nav.get_by_role("link", name="Groups")).to_have_attribute("aria-current", "page")
    expect(nav.get_by_role("link", name="Agencies")).not_to_have_attribute("aria-current", re.compile(".*"))
    axe_check(page, "groups, in the Governance section")

    # A page inside a section (not its list) marks its section page as the one you are in.
    agency = AgencyFactory(name="Northshire Police")
    _go(page, live_server, f"/partnership/agencies/{agency.pk}/", "an agency, in the Governance section")
    nav = page.get_by_role("navigation", name="Governance", exact=True)
    expect(nav.get_by_role("link", name="Agencies")).to_have_attribute("aria-current", "true")


# Elements reaching past the right edge of the window, other than a data table's (WCAG 1.4.10 allows a table
# two-dimensional scrolling).
OVERFLOWING = """(width) => [...document.querySelectorAll('body *')]
    .filter(el => !el.closest('table') && el.getBoundingClientRect().right > width + 1)
    .map(el => el.tagName.toLowerCase() + '.' + el.className)"""


def test_section_navigation_reflows_on_a_narrow_screen(page, live_server, admin):
    """WCAG 1.4.10: at 320 CSS pixels wide only the data table is wider than the screen; the sections sit
    behind the Menu button and the section's pages wrap."""
    page.set_viewport_size({"width": 320, "height": 640})
    AgencyFactory(name="Northshire Integrated Care Board")
    _go(page, live_server, "/partnership/agencies/", "agencies on a narrow screen")
    assert page.evaluate(OVERFLOWING, 320) == []
    main_sections = page.get_by_role("navigation", name="Main sections")
    expect(main_sections.get_by_role("link", name="Learning")).to_be_hidden()
    menu = main_sections.get_by_role("button", name="Menu")
    menu.focus()
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(main_sections.get_by_role("link", name="Learning")).to_be_visible()
    section_pages = page.get_by_role("navigation", name="Governance", exact=True).get_by_role("link")
    expect(section_pages).to_have_count(11)
    axe_check(page, "agencies on a narrow screen, menu open")


# --- Restricted details ---


def test_panel_member_sees_restricted_details_read_only(page, live_server, partnership, home_agency,
                                                       deadline_rules):  # fmt: skip
    from learningloop.learning.tests.factories_reviews import ChildDetailsFactory, make_review
    from learningloop.partnership.models import MembershipRole
    from learningloop.partnership.tests.factories import GroupFactory, MembershipFactory, PersonFactory

    member = UserFactory(email="panel@example.org", full_name="Pat Panel", agency=home_agency,
                         roles=[Role.AGENCY_MEMBER])  # fmt: skip
    panel = GroupFactory(name="CSPR Panel", handles_case_reviews=True)
    person = PersonFactory(full_name="Pat Panel", agency=home_agency, user=member)
    MembershipFactory(person=person, group=panel, role=MembershipRole.MEMBER)
    review = make_review(pseudonym="Child Q")
    ChildDetailsFactory(review=review, child_name="Test Child Zebedee-Quinton")

    sign_in(page, live_server, member.email)
    _go(page, live_server, f"/learning/reviews/{review.pk}/restricted/", "restricted details, read only")
    expect(page.locator("h1")).to_have_text("Restricted details")
    name_row = page.locator(".govuk-summary-list__row", has_text="Child’s name")
    expect(name_row.locator(".govuk-summary-list__value")).to_have_text("Test Child Zebedee-Quinton")
    expect(page.locator("main form")).to_have_count(0)  # nothing to change, no form to tab into
    expect(page.get_by_role("button", name="Save restricted details")).to_have_count(0)
    page.get_by_role("link", name="Back to the review").click()
    expect(page).to_have_url(re.compile(rf"/learning/reviews/{review.pk}/$"))
