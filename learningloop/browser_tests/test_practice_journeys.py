"""The practice pages through a real browser: dissemination plans, briefings, requests to agencies,
improvement actions and the learning trail. Users sign in through the real sign-in form; every page is
checked with axe in its empty, filled and error states."""

import datetime
import importlib
import io
import re

import pytest
from django.apps import apps as django_apps
from django.core.management import call_command
from playwright.sync_api import expect

from learningloop.accounts.tests.factories import UserFactory
from learningloop.core.policy import Role
from learningloop.dissemination.models import (
    AgencyResponse,
    Briefing,
    BriefingStatus,
    Communication,
    CommunicationStatus,
    DisseminationPlan,
    EmbeddingRequest,
    ResponseStatus,
)
from learningloop.improvement.models import Action, ActionPlan, ActionStatus
from learningloop.learning.models import Finding, FindingKind, KeyMessage, SummaryOfLearning, SummaryStatus

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

TODAY = datetime.date.today()
NEXT_MONTH = TODAY + datetime.timedelta(days=30)
LAST_WEEK = TODAY - datetime.timedelta(days=7)


@pytest.fixture
def framework(db):
    """The framework preset, and the rows of the learning app's data migration (a transactional test's
    flush removes what migrations loaded, so they are loaded again)."""
    call_command("load_framework", stdout=io.StringIO())
    vocabularies = importlib.import_module(
        "learningloop.learning.migrations.0002_deadline_rules_and_vocabularies"
    )
    vocabularies.load(django_apps, None)


@pytest.fixture
def admin(page, live_server, framework, partnership, business_unit):
    user = UserFactory(email="admin@example.org", full_name="Ada Admin", agency=business_unit,
                       roles=[Role.BU_ADMIN])  # fmt: skip
    sign_in(page, live_server, user.email)
    return user


@pytest.fixture
def learning_demo(admin):
    """The learning demos (register, reviews, summaries): accepted summaries with key messages."""
    from learningloop.devdata.demo import learning_register, learning_reviews, learning_summaries

    learning_register.seed()
    learning_reviews.seed()
    learning_summaries.seed()
    assert SummaryOfLearning.objects.filter(status=SummaryStatus.ACCEPTED).exists()


def _go(page, live_server, path, what):
    response = page.goto(f"{live_server.url}{path}")
    assert response.status == 200, f"{what}: HTTP {response.status} at {path}"
    axe_check(page, what)


def _other_user_page(browser, live_server, user):
    """A second signed-in browser context (the CSP bypassed, as for `page`, so axe can be injected)."""
    context = browser.new_context(bypass_csp=True, locale="en-GB")
    other = context.new_page()
    other.set_default_timeout(10_000)
    sign_in(other, live_server, user.email)
    return context, other


def _submit(page, name):
    page.get_by_role("button", name=name, exact=True).click()
    page.wait_for_load_state("load")


# --- Dissemination plans ---


def test_dissemination_plan_journey(page, live_server, learning_demo):
    _go(page, live_server, "/dissemination/plans/", "plan list (no plans, accepted summaries without one)")
    expect(page.locator("main")).to_contain_text("Accepted summaries without a plan")
    expect(page.get_by_role("button", name=re.compile(r"^Create the plan for ")).first).to_be_visible()

    # Create the plan from the summary page's button.
    summary = (
        SummaryOfLearning.objects.filter(status=SummaryStatus.ACCEPTED, dissemination_plan__isnull=True)
        .order_by("pk")
        .first()
    )
    _go(page, live_server, f"/learning/summaries/{summary.pk}/", "accepted summary without a plan")
    _submit(page, "Create the dissemination plan")
    expect_banner(page, "Dissemination plan created")
    plan = DisseminationPlan.objects.get(summary=summary)
    expect(page).to_have_url(re.compile(rf"/dissemination/plans/{plan.pk}/$"))
    axe_check(page, "plan detail (new plan, nothing planned)")

    # A key message's plan: an over-long measure of success, then saved.
    message_plan = plan.message_plans.order_by("pk").first()
    _go(page, live_server, f"/dissemination/plans/messages/{message_plan.pk}/edit", "edit key message plan")
    page.get_by_label("Purpose", exact=True).fill("So that practitioners build a chronology early.")
    first_methods = page.get_by_role("group", name=re.compile(r"^Communication methods: ")).first
    first_methods.get_by_role("checkbox").first.check()
    measures = page.get_by_label(re.compile(r"Measures of success: ")).first
    measures.fill("x" * 5001)
    _submit(page, "Save key message plan")
    # Not expect_error_state: with the error only in an audience row, the page title lacks "Error: "
    # (the base template looks at `form` alone). Reported; the summary and the message are checked.
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    expect(page.locator(".govuk-error-message").first).to_be_visible()
    expect(page.locator(".govuk-error-summary")).to_contain_text("5000 characters or fewer")
    axe_check(page, "edit key message plan with errors")
    page.get_by_label(re.compile(r"Measures of success: ")).first.fill("Attendance and feedback forms.")
    _submit(page, "Save key message plan")
    expect_saved_without_errors(page)
    expect_banner(page, "Key message plan saved")
    axe_check(page, "plan detail with a key message planned")

    # A communication: a due date in the past, then saved.
    page.get_by_role("link", name=re.compile(r"^Add a communication")).first.click()
    page.wait_for_load_state("load")
    expect(page).to_have_url(re.compile(r"/communications/new$"))
    axe_check(page, "add communication form")
    page.get_by_label("Description", exact=True).fill("Briefing at the practitioners' forum")
    fill_date(page, "Due date", LAST_WEEK.day, LAST_WEEK.month, LAST_WEEK.year)
    _submit(page, "Save communication")
    expect_error_state(page)
    expect(page.locator(".govuk-error-summary")).to_contain_text("today or in the future")
    axe_check(page, "add communication form with errors")
    fill_date(page, "Due date", NEXT_MONTH.day, NEXT_MONTH.month, NEXT_MONTH.year)
    _submit(page, "Save communication")
    expect_saved_without_errors(page)
    expect_banner(page, "Communication added")
    communication = Communication.objects.get(description="Briefing at the practitioners' forum")
    axe_check(page, "plan detail with a communication")

    # Update it to done: no date (error), then with the date and reach.
    page.get_by_role("link", name=re.compile(r"^Update")).first.click()
    page.wait_for_load_state("load")
    expect(page).to_have_url(re.compile(rf"/communications/{communication.pk}/edit$"))
    axe_check(page, "update communication form")
    fill_choice(page, "Status", "Done")
    _submit(page, "Save communication")
    expect_error_state(page)
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the date the communication was done")
    axe_check(page, "update communication form with errors")
    fill_date(page, "Date done", TODAY.day, TODAY.month, TODAY.year)
    page.get_by_label("People attending", exact=True).fill("42")
    _submit(page, "Save communication")
    expect_saved_without_errors(page)
    expect_banner(page, "Communication updated")
    communication.refresh_from_db()
    assert communication.status == CommunicationStatus.DONE and communication.people_attending == 42
    axe_check(page, "plan detail with a done communication")
    page.screenshot(path="/tmp/plan.png", full_page=True)  # noqa: S108 - looked at by hand

    # The downloads answer.
    for suffix, content_type in [
        ("plan.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("plan.pdf", "application/pdf"),
    ]:
        response = page.request.get(f"{live_server.url}/dissemination/plans/{plan.pk}/{suffix}")
        assert response.status == 200, suffix
        assert response.headers["content-type"].startswith(content_type), response.headers["content-type"]
        assert len(response.body()) > 500

    _go(page, live_server, "/dissemination/plans/", "plan list with a plan")
    _go(page, live_server, "/dissemination/plans/?communications=open", "plan list filtered")
    _go(page, live_server, "/dissemination/plans/?communications=nonsense", "plan list, bad filter")


def test_dissemination_plans_on_demo_data(page, live_server, learning_demo):
    from learningloop.devdata.demo import dissemination_plans

    dissemination_plans.seed()
    _go(page, live_server, "/dissemination/plans/", "plan list (demo data)")
    for plan in DisseminationPlan.objects.order_by("pk"):
        _go(page, live_server, f"/dissemination/plans/{plan.pk}/", f"plan detail {plan.pk} (demo data)")


# --- Briefings ---


def test_briefing_journey(page, live_server, learning_demo):
    _go(page, live_server, "/dissemination/briefings/", "briefing list (empty)")
    page.get_by_role("button", name="Write a briefing or newsletter item").click()
    page.wait_for_load_state("load")
    axe_check(page, "new briefing form")
    _submit(page, "Save briefing")
    expect_error_state(page)
    axe_check(page, "new briefing form with errors")

    fill_choice(page, "Kind", "7-minute briefing")
    page.get_by_label("Title", exact=True).fill("7-minute briefing: using a chronology")
    page.get_by_role("group", name="Key messages").get_by_role("checkbox").first.check()
    page.get_by_label("Background", exact=True).fill("Two reviews found chronologies were not used.")
    _submit(page, "Save briefing")
    expect_saved_without_errors(page)
    briefing = Briefing.objects.get(title="7-minute briefing: using a chronology")
    expect(page).to_have_url(re.compile(rf"/dissemination/briefings/{briefing.pk}/$"))
    axe_check(page, "briefing detail (draft, incomplete)")

    # Mark ready while incomplete (no "What to do"): refused with an error summary.
    _submit(page, "Mark ready for publication")
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter what to do")
    axe_check(page, "briefing detail, mark ready refused")

    # Edit, complete it, then mark ready.
    page.goto(f"{live_server.url}/dissemination/briefings/{briefing.pk}/edit/")
    axe_check(page, "edit briefing form")
    page.get_by_label("Title", exact=True).fill("")
    _submit(page, "Save briefing")
    expect_error_state(page)
    axe_check(page, "edit briefing form with errors")
    page.get_by_label("Title", exact=True).fill("7-minute briefing: using a chronology")
    page.get_by_label("What to do", exact=True).fill("Start a chronology at the first strategy discussion.")
    _submit(page, "Save briefing")
    expect_saved_without_errors(page)
    expect_banner(page, "Briefing updated")
    _submit(page, "Mark ready for publication")
    expect_banner(page, "Marked ready for publication")
    briefing.refresh_from_db()
    assert briefing.status == BriefingStatus.READY
    axe_check(page, "briefing detail (ready)")

    response = page.request.get(f"{live_server.url}/dissemination/briefings/{briefing.pk}/pdf/")
    assert response.status == 200
    assert response.headers["content-type"].startswith("application/pdf")
    assert response.body().startswith(b"%PDF")

    _go(page, live_server, "/dissemination/briefings/", "briefing list with a briefing")
    _go(page, live_server, "/dissemination/briefings/?status=ready", "briefing list filtered")
    _go(page, live_server, "/dissemination/briefings/?kind=nonsense", "briefing list, bad filter")


# --- Requests to agencies ---


def test_request_journey(page, live_server, browser, learning_demo, tmp_path):
    _go(page, live_server, "/dissemination/requests/", "request list (empty)")
    _go(page, live_server, "/dissemination/requests/outstanding/", "outstanding responses (empty)")
    page.goto(f"{live_server.url}/dissemination/requests/new")
    axe_check(page, "send request form")

    # No agencies and no key messages: errors.
    page.get_by_label("Title", exact=True).fill("Embedding the chronology")
    page.get_by_label("What you are asking").fill("Please tell us how you will embed these key messages.")
    for box in page.get_by_role("group", name="Agencies").get_by_role("checkbox").all():
        box.uncheck()
    _submit(page, "Send request")
    expect_error_state(page)
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select at least one agency")
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select at least one key message")
    axe_check(page, "send request form with errors")

    page.get_by_role("group", name="Key messages").get_by_role("checkbox").first.check()
    page.get_by_role("group", name="Agencies").get_by_role("checkbox").first.check()
    _submit(page, "Send request")
    expect_saved_without_errors(page)
    request = EmbeddingRequest.objects.get(title="Embedding the chronology")
    response = AgencyResponse.objects.get(request=request)
    axe_check(page, "after sending a request")
    _go(page, live_server, "/dissemination/requests/", "request list with a request")
    _go(page, live_server, f"/dissemination/requests/{request.pk}/", "request detail")
    _go(
        page, live_server, f"/dissemination/responses/{response.pk}/", "response detail (sent), business unit"
    )

    # The agency's strategic lead.
    lead = UserFactory(email="lead@example.org", full_name="Lee Lead", agency=response.agency,
                       roles=[Role.AGENCY_LEAD])  # fmt: skip
    context, lead_page = _other_user_page(browser, live_server, lead)
    try:
        _go(lead_page, live_server, "/", "home page of the agency lead")
        expect(lead_page.locator("main")).to_contain_text("Embedding the chronology")
        _go(lead_page, live_server, "/dissemination/requests/", "requests to the agency")
        _go(lead_page, live_server, f"/dissemination/responses/{response.pk}/", "response page (agency lead)")
        lead_page.get_by_role("button", name="Respond").click()
        lead_page.wait_for_load_state("load")
        axe_check(lead_page, "response form (empty)")
        lead_page.get_by_label(re.compile(r"Where in your agency")).fill("The supervision policy.")
        _submit(lead_page, "Save as draft")
        expect_saved_without_errors(lead_page)
        response.refresh_from_db()
        assert response.status == ResponseStatus.DRAFT
        axe_check(lead_page, "response page (draft)")

        # Evidence (the response must still be editable): the wrong type, then a real PDF.
        lead_page.goto(f"{live_server.url}/dissemination/responses/{response.pk}/evidence/new")
        axe_check(lead_page, "evidence form")
        fake = tmp_path / "sheet.pdf"
        fake.write_text("Plain text pretending to be a PDF.\n")
        lead_page.get_by_label("Upload a file").set_input_files(str(fake))
        _submit(lead_page, "Upload evidence")
        expect_error_state(lead_page)
        axe_check(lead_page, "evidence form, wrong file type")
        real = tmp_path / "action-sheet.pdf"
        real.write_bytes(b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")
        lead_page.get_by_label("Upload a file").set_input_files(str(real))
        _submit(lead_page, "Upload evidence")
        expect_saved_without_errors(lead_page)
        assert response.evidence.count() == 1
        axe_check(lead_page, "response page with evidence")

        # Submit with answers missing (error), then complete.
        lead_page.goto(f"{live_server.url}/dissemination/responses/{response.pk}/edit")
        axe_check(lead_page, "response form (draft)")
        _submit(lead_page, "Submit response")
        expect_error_state(lead_page)
        axe_check(lead_page, "response form with errors")
        lead_page.get_by_label(re.compile(r"What mechanisms")).fill(
            "Team briefings and a supervision prompt."
        )
        lead_page.get_by_label(re.compile(r"How will you evaluate")).fill("A dip-sample audit.")
        evaluate_by = NEXT_MONTH + datetime.timedelta(days=60)
        fill_date(lead_page, "By when will you evaluate it?", evaluate_by.day, evaluate_by.month,
                  evaluate_by.year)  # fmt: skip
        _submit(lead_page, "Submit response")
        expect_saved_without_errors(lead_page)
        response.refresh_from_db()
        assert response.status == ResponseStatus.SUBMITTED
        axe_check(lead_page, "response page (submitted)")
    finally:
        context.close()

    # The business unit reviews: more information without a note (error), then accept.
    _go(page, live_server, f"/dissemination/responses/{response.pk}/review", "review form")
    fill_choice(page, "Your decision", "Ask for more information")
    _submit(page, "Save decision")
    expect_error_state(page)
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter what more information is needed")
    axe_check(page, "review form with errors")
    fill_choice(page, "Your decision", "Accept the response")
    _submit(page, "Save decision")
    expect_saved_without_errors(page)
    response.refresh_from_db()
    assert response.status == ResponseStatus.ACCEPTED
    axe_check(page, "response page (accepted)")
    _go(page, live_server, "/dissemination/requests/outstanding/", "outstanding responses")


def test_request_pages_on_demo_data(page, live_server, learning_demo):
    from learningloop.devdata.demo import dissemination_requests

    dissemination_requests.seed()
    _go(page, live_server, "/dissemination/requests/", "request list (demo data)")
    _go(page, live_server, "/dissemination/requests/outstanding/", "outstanding responses (demo data)")
    for request in EmbeddingRequest.objects.order_by("pk"):
        _go(page, live_server, f"/dissemination/requests/{request.pk}/", f"request detail {request.pk}")
    for status in ResponseStatus.values:
        response = AgencyResponse.objects.filter(status=status).order_by("pk").first()
        if response:
            _go(page, live_server, f"/dissemination/responses/{response.pk}/", f"response ({status})")


# --- Improvement actions ---


def test_action_journey(page, live_server, browser, learning_demo):
    _go(page, live_server, "/actions/plans/", "action plan list (empty)")
    _go(page, live_server, "/actions/", "action list (empty)")
    finding = Finding.objects.filter(kind=FindingKind.IMPROVEMENT).order_by("pk").first()
    _go(page, live_server, f"/actions/plans/new?source=finding&id={finding.pk}", "new plan from a finding")
    expect(page.get_by_role("combobox", name="Finding", exact=True)).to_have_value(str(finding.pk))

    # No source chosen: an error.
    page.get_by_label("Title", exact=True).fill("Escalation in neglect cases")
    fill_choice(page, "Scope", "Multi-agency")
    page.get_by_role("combobox", name="Finding", exact=True).select_option(value="")
    _submit(page, "Create plan")
    expect_error_state(page)
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select the finding")
    axe_check(page, "new plan form with errors")
    page.get_by_role("combobox", name="Finding", exact=True).select_option(value=str(finding.pk))
    _submit(page, "Create plan")
    expect_saved_without_errors(page)
    expect_banner(page, "Action plan created")
    plan = ActionPlan.objects.get(title="Escalation in neglect cases")
    assert plan.source_finding == finding
    axe_check(page, "plan detail (no actions)")

    # An action: a past due date (error), then saved.
    page.get_by_role("button", name="Add an action").click()
    page.wait_for_load_state("load")
    axe_check(page, "add action form")
    page.get_by_label("Description", exact=True).fill("Brief team managers on the escalation policy.")
    owner_agency = page.get_by_label("Owner agency", exact=True)
    owner_agency.select_option(index=1)
    fill_date(page, "Due date", LAST_WEEK.day, LAST_WEEK.month, LAST_WEEK.year)
    _submit(page, "Add action")
    expect_error_state(page)
    expect(page.locator(".govuk-error-summary")).to_contain_text("today or in the future")
    axe_check(page, "add action form with errors")
    fill_date(page, "Due date", NEXT_MONTH.day, NEXT_MONTH.month, NEXT_MONTH.year)
    _submit(page, "Add action")
    expect_saved_without_errors(page)
    action = Action.objects.get(plan=plan)
    axe_check(page, "after adding an action")
    _go(page, live_server, f"/actions/{action.pk}/", "action detail")

    # An update: completed without 100% (error), then saved.
    page.get_by_role("button", name="Add an update").click()
    page.wait_for_load_state("load")
    axe_check(page, "action update form")
    page.get_by_label("What has happened", exact=True).fill("All team managers briefed.")
    fill_choice(page, "Status", "Completed")
    page.get_by_label("Progress (per cent)").fill("60")
    fill_date(page, "Date completed", TODAY.day, TODAY.month, TODAY.year)
    _submit(page, "Add update")
    expect_error_state(page)
    expect(page.locator(".govuk-error-summary")).to_contain_text("Progress must be 100%")
    axe_check(page, "action update form with errors")
    page.get_by_label("Progress (per cent)").fill("100")
    _submit(page, "Add update")
    expect_saved_without_errors(page)
    action.refresh_from_db()
    assert action.status == ActionStatus.COMPLETED
    axe_check(page, "action detail (completed)")

    # The sustainment check.
    _go(page, live_server, f"/actions/{action.pk}/sustainment", "sustainment check form")
    in_three_months = TODAY + datetime.timedelta(days=90)
    fill_date(page, "Check the improvement lasted on", in_three_months.day, in_three_months.month,
              in_three_months.year)  # fmt: skip
    _submit(page, "Save check")
    expect_saved_without_errors(page)
    action.refresh_from_db()
    assert action.sustainment_due_on == in_three_months
    axe_check(page, "action detail with a sustainment check due")

    # An agency lead: my agency's actions.
    lead = UserFactory(email="lead@example.org", full_name="Lee Lead", agency=action.owner_agency,
                       roles=[Role.AGENCY_LEAD])  # fmt: skip
    context, lead_page = _other_user_page(browser, live_server, lead)
    try:
        _go(lead_page, live_server, "/actions/mine/", "my agency's actions (agency lead)")
        expect(lead_page.locator("main")).to_contain_text("Brief team managers")
    finally:
        context.close()
    _go(page, live_server, "/actions/mine/", "my agency's actions (business unit, choose an agency)")


def test_action_lists_and_bulk_update_on_demo_data(page, live_server, learning_demo):
    from learningloop.devdata.demo import improvement_actions

    improvement_actions.seed()
    assert Action.objects.exists()
    _go(page, live_server, "/actions/plans/", "action plan list (demo data)")
    for plan in ActionPlan.objects.order_by("pk"):
        _go(page, live_server, f"/actions/plans/{plan.pk}/", f"action plan {plan.pk} (demo data)")
    _go(page, live_server, "/actions/", "action list (demo data)")
    _go(page, live_server, "/actions/?status=in_progress&rag=red", "action list filtered")
    _go(page, live_server, "/actions/?due=nonsense", "action list, bad filter")
    _go(page, live_server, "/actions/overdue/", "overdue actions")
    _go(page, live_server, "/actions/due-soon/", "actions due soon")
    agency = Action.objects.order_by("pk").first().owner_agency
    _go(page, live_server, f"/actions/mine/?agency={agency.pk}", "my agency's actions, agency chosen")
    for action in Action.objects.order_by("pk")[:8]:
        _go(page, live_server, f"/actions/{action.pk}/", f"action detail {action.status}")

    # Bulk update: nothing selected (error), then two actions marked in progress.
    page.goto(f"{live_server.url}/actions/?status=not_started")
    _submit(page, "Update selected actions")
    expect(page.locator(".govuk-error-message").first).to_be_visible()
    axe_check(page, "bulk update with errors")
    boxes = page.locator("input[name=actions]")
    boxes.nth(0).check()
    chosen = [int(boxes.nth(0).get_attribute("value"))]
    page.locator("#bulk-form input[name=status][value=in_progress]").check()
    page.get_by_label("Note for each action's log").fill("Started at the subgroup.")
    _submit(page, "Update selected actions")
    expect_saved_without_errors(page)
    expect_banner(page, "1 action updated")
    assert Action.objects.get(pk=chosen[0]).status == ActionStatus.IN_PROGRESS
    axe_check(page, "action list after a bulk update")


# --- The learning trail ---


def test_learning_trail_on_demo_data(page, live_server, learning_demo):
    from learningloop.devdata.demo import (
        dissemination_briefings,
        dissemination_plans,
        dissemination_requests,
        improvement_actions,
    )

    dissemination_plans.seed()
    dissemination_briefings.seed()
    dissemination_requests.seed()
    improvement_actions.seed()
    _go(page, live_server, "/trail/", "trail index (demo data)")
    _go(page, live_server, "/trail/?loop_status=nonsense", "trail index, bad filter")

    # The key message with the most in every section.
    message = (
        KeyMessage.objects.filter(
            summary__dissemination_plan__isnull=False,
            embedding_requests__isnull=False,
            action_plans__isnull=False,
            briefings__isnull=False,
        )
        .order_by("pk")
        .first()
    ) or KeyMessage.objects.filter(summary__dissemination_plan__isnull=False).order_by("pk").first()
    _go(page, live_server, f"/trail/messages/{message.pk}/", "key message trail (demo data)")
    main = page.locator("main")
    steps = main.locator("ol.app-trail-steps > li")
    assert steps.count() >= 4, f"the ordered list of steps has {steps.count()} items"
    flow = main.locator(".app-trail-flow")
    expect(flow).to_be_visible()
    stages = flow.locator(".app-trail-flow__stage")
    assert stages.count() >= 4
    box = stages.first.bounding_box()
    assert box and box["width"] > 20 and box["height"] > 10, f"a loop stage renders too small: {box}"
    for section in ["identified", "summary", "planned", "disseminated", "embedded", "actions"]:
        expect(main.locator(f"section#{section}")).to_be_visible()
    page.screenshot(path="/tmp/trail.png", full_page=True)  # noqa: S108 - looked at by hand
