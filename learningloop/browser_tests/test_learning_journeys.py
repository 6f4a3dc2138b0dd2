"""The learning pages through a real browser: the learning register, case reviews and summaries of learning.
A business unit administrator signs in through the real sign-in form; every page is checked with axe in its
empty, filled and error states. One journey (adding an activity) is also done with the keyboard alone."""

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
from learningloop.learning.models import (
    ActivityDocument,
    ActivityStatus,
    CaseReview,
    ChildDetails,
    Finding,
    FindingKind,
    KeyMessage,
    LearningActivity,
    MonitoringEntry,
    ReviewKind,
    SummaryOfLearning,
    SummaryStatus,
    Theme,
)
from learningloop.learning.register import services as services_register
from learningloop.partnership import preset
from learningloop.partnership.models import Group, LearningSourceType

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

AUDIT_TYPE = "Multi-agency audit"


@pytest.fixture
def framework(db):
    """The framework preset, and the deadline rules, themes and workforce groups of the learning app's data
    migration (a transactional test's flush removes what migrations loaded, so they are loaded again)."""
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


def _go(page, live_server, path, what):
    response = page.goto(f"{live_server.url}{path}")
    assert response.status == 200, f"{what}: HTTP {response.status} at {path}"
    axe_check(page, what)


def _activity(title, by, *, started=None, status=ActivityStatus.IN_PROGRESS, source=AUDIT_TYPE, group=None):
    activity = LearningActivity(
        title=title,
        source_type=LearningSourceType.objects.get(name=source),
        status=status,
        started_on=started,
        owning_group=Group.objects.filter(name=group).first() if group else None,
    )
    return services_register.activity_save(activity=activity, by=by)


def _finding(activity, text, themes, by, kind=FindingKind.IMPROVEMENT):
    return services_register.finding_save(
        finding=Finding(activity=activity, text=text, kind=kind),
        themes=list(Theme.objects.filter(name__in=themes)),
        by=by,
    )


# --- The learning register ---


def test_register_list_empty_filled_and_filtered(page, live_server, admin):
    _go(page, live_server, "/learning/activities/", "empty activity list")
    expect(page.locator("main")).not_to_contain_text("Neglect audit")

    audit = _activity("Neglect audit 2024", admin, started=datetime.date(2024, 4, 1), group=preset.AUDIT)
    _finding(audit, "Chronologies were not used.", ["Neglect", "Record keeping"], admin)
    _activity("Section 11 self-assessment", admin, started=datetime.date(2025, 1, 6),
              status=ActivityStatus.PLANNED, source="Ofsted inspection")  # fmt: skip

    _go(page, live_server, "/learning/activities/", "activity list with data")
    expect(page.get_by_role("link", name="Neglect audit 2024")).to_be_visible()

    page.get_by_label("Search").fill("neglect")
    fill_choice(page, "Status", "In progress")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_load_state("load")
    expect(page.get_by_role("link", name="Neglect audit 2024")).to_be_visible()
    expect(page.get_by_role("link", name="Section 11 self-assessment")).to_have_count(0)
    axe_check(page, "activity list with filters applied")

    # An invalid filter is reported on the page.
    _go(page, live_server, "/learning/activities/?from=31-02-2024&to=2023-01-01", "activity list, bad filter")

    # Sorted by a column.
    page.goto(f"{live_server.url}/learning/activities/")
    page.get_by_role("link", name="Title", exact=True).click()
    page.wait_for_load_state("load")
    axe_check(page, "activity list sorted by title")


def test_add_edit_an_activity_with_documents_and_findings(page, live_server, admin, tmp_path):
    earlier = _activity("Earlier neglect audit (2022)", admin, started=datetime.date(2022, 5, 9))
    _finding(earlier, "Parents' explanations for missed appointments were accepted without checking.",
             ["Professional curiosity", "Neglect"], admin)  # fmt: skip

    page.goto(f"{live_server.url}/learning/activities/")
    page.get_by_role("button", name="Add a learning activity").click()
    expect(page).to_have_url(re.compile(r"/learning/activities/new$"))
    axe_check(page, "add activity form")

    page.get_by_role("button", name="Save activity").click()
    expect_error_state(page)
    axe_check(page, "add activity form with errors")

    page.get_by_label("Title", exact=True).fill("Multi-agency audit: neglect 2026")
    fill_choice(page, "Type", AUDIT_TYPE)
    page.get_by_label("Description").fill("A dip sample of twelve children on a child protection plan.")
    fill_date(page, "Started", 2, 2, 2026)
    fill_choice(page, "Status", "In progress")
    page.get_by_role("group", name="Provider agencies").get_by_role("checkbox").first.check()
    fill_choice(page, "Group that owns the learning", preset.AUDIT)
    page.get_by_role("button", name="Save activity").click()
    expect_saved_without_errors(page)

    activity = LearningActivity.objects.get(title="Multi-agency audit: neglect 2026")
    expect(page).to_have_url(re.compile(rf"/learning/activities/{activity.pk}/$"))
    expect_banner(page, "Activity added")
    axe_check(page, "activity detail after adding")

    # Edit: an error, then saved.
    page.goto(f"{live_server.url}/learning/activities/{activity.pk}/edit")
    axe_check(page, "edit activity form")
    fill_choice(page, "Status", "Completed")  # completed without a completion date
    page.get_by_role("button", name="Save activity").click()
    expect_error_state(page)
    axe_check(page, "edit activity form with errors")
    fill_date(page, "Completed", 30, 3, 2026)
    page.get_by_role("button", name="Save activity").click()
    expect_saved_without_errors(page)
    expect_banner(page, "Activity updated")

    # A document: empty, the wrong type, then a real PDF.
    page.get_by_role("button", name="Add a document").click()
    expect(page).to_have_url(re.compile(rf"/learning/activities/{activity.pk}/documents/new$"))
    axe_check(page, "upload document form")
    page.get_by_role("button", name="Upload document").click()
    expect_error_state(page)
    axe_check(page, "upload document form, no file")
    fake = tmp_path / "report.pdf"
    fake.write_text("This is plain text pretending to be a PDF.\n")
    page.get_by_label("Upload a file").set_input_files(str(fake))
    page.get_by_role("button", name="Upload document").click()
    expect_error_state(page)
    axe_check(page, "upload document form, wrong file type")
    real = tmp_path / "audit-report.pdf"
    real.write_bytes(b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")
    page.get_by_label("Upload a file").set_input_files(str(real))
    page.get_by_role("button", name="Upload document").click()
    expect_saved_without_errors(page)
    expect_banner(page, "Document added")
    assert ActivityDocument.objects.filter(activity=activity, original_name="audit-report.pdf").exists()
    axe_check(page, "activity detail with a document")

    # A finding: error, then saved; its page shows the earlier finding with the same theme.
    page.get_by_role("button", name="Add a finding").click()
    axe_check(page, "add finding form")
    page.get_by_role("button", name="Save finding").click()
    expect_error_state(page)
    axe_check(page, "add finding form with errors")
    page.get_by_label("Finding", exact=True).fill("Missed health appointments were not followed up.")
    fill_choice(page, "Kind", "Area for improvement")
    page.get_by_role("group", name="Themes").get_by_label("Professional curiosity").check()
    page.get_by_label("Recommendations").fill("Professional curiosity training for health visitors.")
    page.get_by_role("button", name="Save finding").click()
    expect_saved_without_errors(page)
    expect_banner(page, "Finding added")
    finding = Finding.objects.get(activity=activity)
    expect(page).to_have_url(re.compile(rf"/learning/findings/{finding.pk}/$"))
    similar = page.locator("main table")
    expect(similar).to_contain_text("Parents' explanations for missed appointments")
    expect(similar).to_contain_text("Earlier neglect audit (2022)")
    axe_check(page, "finding detail with previously identified findings")

    _go(page, live_server, f"/learning/findings/{finding.pk}/edit", "edit finding form")
    _go(page, live_server, f"/learning/activities/{activity.pk}/", "activity detail with a finding")
    _go(page, live_server, "/learning/themes/recurrence/", "theme recurrence")
    expect(page.locator("main")).to_contain_text("Professional curiosity")


def test_themes_and_priorities(page, live_server, admin):
    _go(page, live_server, "/learning/themes/", "themes list")
    page.goto(f"{live_server.url}/learning/themes/new")
    axe_check(page, "add theme form")
    page.get_by_label("Name", exact=True).fill("Neglect")  # exists already
    page.get_by_role("button", name="Save theme").click()
    expect_error_state(page)
    axe_check(page, "add theme form with errors")
    page.get_by_label("Name", exact=True).fill("Online harm")
    page.get_by_label("Description").fill("Harm to children online, including sextortion.")
    page.get_by_role("button", name="Save theme").click()
    expect_saved_without_errors(page)
    expect_banner(page, "Theme added")
    axe_check(page, "themes list after adding")
    theme = Theme.objects.get(name="Online harm")
    _go(page, live_server, f"/learning/themes/{theme.pk}/edit", "edit theme form")

    _go(page, live_server, "/learning/priorities/", "priorities list (empty)")
    page.goto(f"{live_server.url}/learning/priorities/new")
    axe_check(page, "add priority form")
    page.get_by_role("button", name="Save priority").click()
    expect_error_state(page)
    axe_check(page, "add priority form with errors")
    page.get_by_label("Name", exact=True).fill("Tackling neglect")
    page.get_by_role("button", name="Save priority").click()
    expect_saved_without_errors(page)
    expect_banner(page, "Priority added")
    axe_check(page, "priorities list with a priority")


def _tab_to(page, selector, limit=80):
    """Press Tab until the focused element matches `selector` (keyboard only)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_add_an_activity_with_the_keyboard_only(page, live_server, admin):
    page.goto(f"{live_server.url}/learning/activities/new")
    _tab_to(page, "input[name=title]")
    page.keyboard.type("Keyboard-only audit of escalation")
    _tab_to(page, "select[name=source_type]")
    page.keyboard.type(AUDIT_TYPE)  # type-ahead chooses the option
    assert page.evaluate("() => document.activeElement.selectedOptions[0].text") == AUDIT_TYPE
    _tab_to(page, "textarea[name=description]")
    page.keyboard.type("Done with the keyboard alone.")
    _tab_to(page, "input[name=status]")
    # The first radio of the group has focus; the arrow keys move to "In progress" and choose it.
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")
    assert page.evaluate("() => document.activeElement.value") == ActivityStatus.IN_PROGRESS
    _tab_to(page, "form button, form input[type=submit]")
    assert page.evaluate("() => document.activeElement.textContent.trim()") == "Save activity"
    page.keyboard.press("Enter")
    page.wait_for_load_state("load")
    expect_saved_without_errors(page)
    expect_banner(page, "Activity added")
    activity = LearningActivity.objects.get(title="Keyboard-only audit of escalation")
    assert activity.source_type.name == AUDIT_TYPE
    assert activity.status == ActivityStatus.IN_PROGRESS
    assert activity.description == "Done with the keyboard alone."


# --- Case reviews ---


def test_case_review_journey(page, live_server, admin):
    _go(page, live_server, "/learning/reviews/", "review list (empty)")
    page.goto(f"{live_server.url}/learning/reviews/new")
    axe_check(page, "add review form")
    page.get_by_role("button", name="Add case review").click()
    expect_error_state(page)
    axe_check(page, "add review form with errors")

    fill_choice(page, "Type of review", ReviewKind.CHILD.label)
    page.get_by_label("Title", exact=True).fill("Rapid review: Child K")
    page.get_by_label("Pseudonym").fill("Child K")
    fill_date(page, "Date the local authority became aware", 2, 3, 2026)
    page.get_by_role("button", name="Add case review").click()
    expect_saved_without_errors(page)
    expect_banner(page, "Case review added")
    review = CaseReview.objects.get(pseudonym="Child K")
    expect(page).to_have_url(re.compile(rf"/learning/reviews/{review.pk}/$"))
    assert review.milestones.exists()
    axe_check(page, "review detail with milestones")

    # Edit: the notification date before the date of awareness is refused.
    page.get_by_role("button", name="Edit the review").click()
    axe_check(page, "edit review form")
    fill_date(page, "Date the national panel was notified", 1, 3, 2026)
    page.get_by_role("button", name="Save case review").click()
    expect_error_state(page)
    expect(page.locator(".govuk-error-summary")).to_contain_text("The notification date must be on or after")
    axe_check(page, "edit review form with errors")
    fill_date(page, "Date the national panel was notified", 4, 3, 2026)
    page.get_by_role("button", name="Save case review").click()
    expect_saved_without_errors(page)
    expect_banner(page, "Case review updated")

    # A monitoring entry: error, then saved.
    page.get_by_role("button", name="Add a monitoring entry").click()
    axe_check(page, "monitoring entry form")
    page.get_by_role("button", name="Add entry").click()
    expect_error_state(page)
    axe_check(page, "monitoring entry form with errors")
    fill_date(page, "Date", 10, 3, 2026)
    page.get_by_label("Note").fill("Rapid review on track; agencies' chronologies received.")
    page.get_by_role("button", name="Add entry").click()
    expect_saved_without_errors(page)
    expect_banner(page, "Monitoring entry added")
    assert MonitoringEntry.objects.filter(review=review).count() == 1
    axe_check(page, "review detail with a monitoring entry")

    # Restricted details (bu_admin): an error, then saved.
    page.get_by_role("link", name="See or edit the restricted details of the child").click()
    expect(page).to_have_url(re.compile(rf"/learning/reviews/{review.pk}/restricted/$"))
    axe_check(page, "restricted details form")
    page.get_by_label("Child’s name").fill("Kai Example")
    fill_date(page, "Date of birth", 1, 1, 2999)
    page.get_by_role("button", name="Save restricted details").click()
    expect_error_state(page)
    axe_check(page, "restricted details form with errors")
    fill_date(page, "Date of birth", 14, 6, 2019)
    page.get_by_role("button", name="Save restricted details").click()
    expect_saved_without_errors(page)
    expect_banner(page, "Restricted details saved")
    assert ChildDetails.objects.get(review=review).child_name == "Kai Example"

    _go(page, live_server, "/learning/reviews/", "review list with a review")
    expect(page.get_by_role("link", name="Child K")).to_be_visible()
    _go(page, live_server, "/learning/deadlines/", "statutory deadlines")
    _go(page, live_server, "/learning/deadlines/rules/", "deadline rules")
    _go(page, live_server, "/learning/reviews/conversions/", "review conversions")


def test_case_review_pages_on_demo_data(page, live_server, admin):
    from learningloop.devdata.demo import learning_reviews

    learning_reviews.seed()
    assert CaseReview.objects.count() > 3
    _go(page, live_server, "/learning/reviews/", "review list (demo data)")
    _go(page, live_server, "/learning/reviews/?overdue=yes", "review list filtered to overdue")
    _go(page, live_server, "/learning/deadlines/", "statutory deadlines (demo data)")
    _go(page, live_server, "/learning/reviews/conversions/", "review conversions (demo data)")
    for review in CaseReview.objects.order_by("pk"):
        _go(page, live_server, f"/learning/reviews/{review.pk}/", f"review detail {review.pseudonym}")
    sar = CaseReview.objects.filter(kind=ReviewKind.SAR).first()
    if sar:
        _go(page, live_server, f"/learning/reviews/{sar.pk}/edit", "edit form of a SAR")


# --- Summaries of learning ---


def test_summary_journey(page, live_server, admin):
    audit = _activity("Audit of neglect 2025", admin, status=ActivityStatus.COMPLETED)
    _finding(audit, "Chronologies were not used.", ["Neglect"], admin)

    _go(page, live_server, "/learning/summaries/", "summary list (empty)")
    page.goto(f"{live_server.url}/learning/summaries/new")
    axe_check(page, "new summary form")
    page.get_by_role("button", name="Create summary").click()
    expect_error_state(page)
    axe_check(page, "new summary form with errors")
    page.get_by_label("Title", exact=True).fill("Learning from neglect audits")
    fill_choice(page, "Subgroup", preset.AUDIT)
    page.get_by_role("group", name="Activities").get_by_role("checkbox").first.check()
    page.get_by_role("button", name="Create summary").click()
    expect_saved_without_errors(page)
    expect_banner(page, "Summary created")
    summary = SummaryOfLearning.objects.get(title="Learning from neglect audits")
    expect(page).to_have_url(re.compile(rf"/learning/summaries/{summary.pk}/edit$"))
    axe_check(page, "edit summary form")

    page.get_by_label("Title", exact=True).fill("")
    page.get_by_role("button", name="Save summary").click()
    expect_error_state(page)
    axe_check(page, "edit summary form with errors")
    page.get_by_label("Title", exact=True).fill("Learning from neglect audits 2025")
    page.get_by_label("Summary of findings").fill(
        "Chronologies were not used, so cumulative harm was missed."
    )
    page.get_by_role("button", name="Save summary").click()
    expect_saved_without_errors(page)
    expect_banner(page, "Summary saved")
    axe_check(page, "summary detail (draft, no key messages)")

    # A key message: error, then saved.
    page.get_by_role("button", name="Add a key message").click()
    axe_check(page, "key message form")
    page.get_by_role("button", name="Save key message").click()
    expect_error_state(page)
    axe_check(page, "key message form with errors")
    page.get_by_label("Key message", exact=True).fill(
        "Use a multi-agency chronology when neglect is suspected."
    )
    page.get_by_role("group", name="Audience groups").get_by_role("checkbox").first.check()
    page.get_by_role("group", name="Findings it comes from").get_by_role("checkbox").first.check()
    page.get_by_role("button", name="Save key message").click()
    expect_saved_without_errors(page)
    expect_banner(page, "Key message added")
    assert KeyMessage.objects.filter(summary=summary).count() == 1
    axe_check(page, "summary detail (draft, one key message)")

    # Submit, then return: no reason (error), then with a reason.
    page.get_by_role("button", name="Submit to the LDG").click()
    page.wait_for_load_state("load")
    expect_banner(page, "Summary submitted to the LDG")
    axe_check(page, "summary detail (submitted)")
    page.get_by_role("button", name="Return with a reason").click()
    expect(page).to_have_url(re.compile(rf"/learning/summaries/{summary.pk}/return$"))
    expect_error_state(page)
    axe_check(page, "return summary form with errors")
    page.get_by_label("Reason for returning").fill("Please add the audit dates to the description.")
    page.get_by_role("button", name="Return summary").click()
    expect_saved_without_errors(page)
    expect_banner(page, "Summary returned to the subgroup")
    summary.refresh_from_db()
    assert summary.status == SummaryStatus.RETURNED
    axe_check(page, "summary detail (returned)")

    # Resubmit and accept.
    page.get_by_role("button", name="Resubmit to the LDG").click()
    page.wait_for_load_state("load")
    expect_banner(page, "Summary submitted to the LDG")
    page.get_by_role("button", name="Accept for the LDG").click()
    page.wait_for_load_state("load")
    expect_banner(page, "Summary accepted by the LDG")
    summary.refresh_from_db()
    assert summary.status == SummaryStatus.ACCEPTED
    axe_check(page, "summary detail (accepted)")
    _go(page, live_server, f"/learning/summaries/{summary.pk}/edit", "edit page of an accepted summary")
    _go(page, live_server, "/learning/summaries/", "summary list with a summary")
    _go(page, live_server, "/learning/summaries/?status=accepted", "summary list filtered")


def test_learning_pages_on_demo_data(page, live_server, admin):
    from learningloop.devdata.demo import learning_register, learning_summaries

    learning_register.seed()
    learning_summaries.seed()
    _go(page, live_server, "/learning/activities/", "activity list (demo data)")
    _go(page, live_server, "/learning/activities/?page=2", "activity list page 2 (demo data)")
    _go(page, live_server, "/learning/themes/recurrence/", "theme recurrence (demo data)")
    _go(page, live_server, "/learning/priorities/", "priorities (demo data)")
    finding = Finding.objects.filter(activity__started_on__year=2025).order_by("pk").first()
    _go(page, live_server, f"/learning/findings/{finding.pk}/", "finding detail (demo data)")
    _go(page, live_server, "/learning/summaries/", "summary list (demo data)")
    for summary in SummaryOfLearning.objects.order_by("pk"):
        _go(page, live_server, f"/learning/summaries/{summary.pk}/", f"summary detail ({summary.status})")
