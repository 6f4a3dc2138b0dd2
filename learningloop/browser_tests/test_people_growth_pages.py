"""Pages that stopped growing with the partnership, through a real browser and axe: the work plan's pages
(60 items, two pages), the complaints and compliments list with its "Any school" choice and a junk agency,
a survey's results and the survey list read from the survey's tallies after a form answer and an
import, and the annual training review's key message gaps, 50 a page."""

import datetime

import pytest
from django.db import transaction
from django.utils import timezone
from playwright.sync_api import expect

from learningloop.accounts.tests.factories import UserFactory
from learningloop.assurance.feedback import services as feedback
from learningloop.assurance.surveys import services as surveys
from learningloop.assurance.tests.factories_surveys import answer, questions, survey
from learningloop.core.policy import Role
from learningloop.dissemination.models import AudiencePlan
from learningloop.dissemination.tests.factories_plans import ensure_method, make_plan
from learningloop.governance.models import WorkPlanItem
from learningloop.governance.tests.factories import make_ldg
from learningloop.partnership.tests.factories import AgencyFactory, LearningSourceTypeFactory

from .helpers import axe_check, expect_error_state, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def admin(page, live_server, partnership, business_unit):
    user = UserFactory(
        email="admin@example.org", full_name="Ada Admin", agency=business_unit, roles=[Role.BU_ADMIN]
    )
    sign_in(page, live_server, user.email)
    return user


def _go(page, live_server, path, what):
    response = page.goto(f"{live_server.url}{path}")
    assert response.status == 200, f"{what}: HTTP {response.status} at {path}"
    axe_check(page, what)


def test_the_work_plan_comes_in_pages(page, live_server, admin):
    _go(page, live_server, "/governance/work-plan/", "work plan (no items)")
    group = make_ldg().group
    for i in range(60):
        WorkPlanItem.objects.create(
            group=group,
            year=2026,
            activity="training" if i % 2 else "work_plan",
            objective=f"Objective {i:02}",
            due_on=datetime.date(2027, 1, 1) + datetime.timedelta(days=i),
        )
    _go(page, live_server, "/governance/work-plan/", "work plan, first page")
    expect(page.get_by_text("60 items")).to_be_visible()
    expect(page.locator(".govuk-pagination")).to_be_visible()
    page.locator(".govuk-pagination__next a").click()
    page.wait_for_load_state("load")
    axe_check(page, "work plan, second page")
    expect(page.get_by_text("60 items")).to_be_visible()
    expect(page.get_by_role("cell", name="Objective 59")).to_be_visible()


def test_complaints_filter_by_any_school(page, live_server, admin, home_agency):
    LearningSourceTypeFactory(name=feedback.SOURCE_TYPE_NAME)
    school = AgencyFactory(name="Hillside Primary School", is_school=True)
    for agency, count in ((home_agency, 4), (school, 3)):
        feedback.feedback_count_record(
            agency=agency, period_start=datetime.date(2024, 1, 1), kind="complaint", theme=None, count=count
        )
    _go(page, live_server, "/assurance/complaints-and-compliments/", "complaints and compliments (filled)")
    page.get_by_label("Agency").select_option(label="Any school")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_load_state("load")
    axe_check(page, "complaints and compliments, any school")
    expect(page.get_by_role("cell", name="Hillside Primary School")).to_be_visible()
    _go(page, live_server, "/assurance/complaints-and-compliments/?agency=999999", "unknown agency")
    expect_error_state(page)


def test_survey_results_and_list_from_the_tallies(page, live_server, admin):
    made = survey()
    answer(made, which_school="Year 8", how_safe="Safe", what_worries=["Online"], how_well=4)
    qs = questions(made)
    year, safe = qs["Which school year are you in?"], qs["How safe do you feel at school?"]
    option = {o.label: o.pk for q in (year, safe) for o in q.options.all()}
    with transaction.atomic():
        surveys.responses_bulk_save(
            survey_id=made.pk,
            records=[
                (
                    timezone.now(),
                    "Year 10",
                    [(year.pk, option["Year 10"], None, ""), (safe.pk, option["Unsafe"], None, "")],
                )
            ],
        )
    _go(page, live_server, "/assurance/surveys/", "survey list (filled)")
    expect(page.get_by_role("cell", name="2", exact=True)).to_be_visible()
    _go(page, live_server, f"/assurance/surveys/{made.pk}/results", "survey results (filled)")
    expect(page.get_by_text("2 responses.")).to_be_visible()
    _go(page, live_server, f"/assurance/surveys/{made.pk}/results?group=Year+10", "survey results, one group")
    expect(page.get_by_text("1 response from Year 10.")).to_be_visible()
    _go(
        page, live_server, f"/assurance/surveys/{made.pk}/results?group=Year+99", "survey results, junk group"
    )
    expect_error_state(page)


def test_the_training_reviews_gaps_come_in_pages(page, live_server, admin):
    plan = make_plan(messages=55)
    training = ensure_method("Multi-agency training")
    for audience_plan in AudiencePlan.objects.filter(message_plan__plan=plan):
        audience_plan.methods.add(training)
    _go(page, live_server, "/training/review/?year=2026", "annual training review, first page of gaps")
    expect(page.get_by_text("55 key messages, 50 a page")).to_be_visible()
    page.locator(".govuk-pagination__next a").click()
    page.wait_for_load_state("load")
    axe_check(page, "annual training review, second page of gaps")
    expect(page.locator("#year")).to_have_value("2026")
