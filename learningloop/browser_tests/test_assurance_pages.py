"""The assurance pages through a real browser: self-assessment cycles, the overview's heat map, returns,
reopening and moderation; multi-agency audits, grading and moderation; agencies' own learning. Every page
is checked with axe in its empty, filled and error states."""

import io

import pytest
from django.core.management import call_command

from learningloop.accounts.tests.factories import UserFactory
from learningloop.assurance.models import AgencyContribution, Audit, Cycle, SelfAssessmentReturn
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


def _go(page, live_server, path, what):
    response = page.goto(f"{live_server.url}{path}")
    assert response.status == 200, f"{what}: HTTP {response.status} at {path}"
    axe_check(page, what)


def _submit(page, name):
    page.get_by_role("button", name=name, exact=True).click()
    page.wait_for_load_state("load")


def test_assurance_pages_empty_filled_and_in_error(page, live_server, admin):
    # Empty.
    _go(page, live_server, "/assurance/self-assessment/", "cycle list (no cycles)")
    _go(page, live_server, "/assurance/audits/", "audit list (no audits)")
    _go(page, live_server, "/assurance/agency-learning/", "agencies' own learning (none)")
    _go(page, live_server, "/assurance/standards/", "standard sets")
    _go(page, live_server, "/assurance/complaints-and-compliments/", "complaints and compliments (none)")

    # Error states: an empty new cycle, audit and contribution.
    for path, button, what in (
        ("/assurance/self-assessment/new", "Start the cycle", "new cycle"),
        ("/assurance/audits/new", "Create the audit", "new audit"),
        ("/assurance/agency-learning/new", "Save as a draft", "new agency learning"),
        ("/assurance/complaints-and-compliments/new", "Record the count", "new complaints count"),
    ):
        _go(page, live_server, path, what)
        _submit(page, button)
        expect_error_state(page)
        axe_check(page, f"{what} with errors")

    # Filled: the demo's cycles, audits and contributions.
    from learningloop.devdata.demo import assurance, partnership

    partnership.seed()
    assurance.seed()
    _go(page, live_server, "/assurance/self-assessment/", "cycle list")
    last = Cycle.objects.filter(name__startswith="Section 11").order_by("due_on").first()
    _go(page, live_server, f"/assurance/self-assessment/{last.pk}/", "overview with heat map and chart")
    ret = SelfAssessmentReturn.objects.filter(cycle=last, status="submitted").order_by("pk").first()
    _go(page, live_server, f"/assurance/returns/{ret.pk}/", "a submitted, moderated return")
    _go(page, live_server, f"/assurance/returns/{ret.pk}/moderation", "moderation form")
    _go(page, live_server, f"/assurance/returns/{ret.pk}/reopen", "reopen form")
    _submit(page, "Reopen the return")
    expect_error_state(page)
    axe_check(page, "reopen without a reason")
    answer = ret.answers.order_by("pk").first()
    _go(page, live_server, f"/assurance/answers/{answer.pk}/edit", "a locked answer")
    current = Cycle.objects.filter(name__startswith="Section 11").order_by("-due_on").first()
    open_answer = SelfAssessmentReturn.objects.filter(cycle=current).order_by("pk").first().answers.first()
    _go(page, live_server, f"/assurance/answers/{open_answer.pk}/edit", "an open answer")

    audit = Audit.objects.order_by("pk").first()
    _go(page, live_server, f"/assurance/audits/{audit.pk}/", "audit with graded cases, results and chart")
    case = audit.cases.order_by("pk").first()
    agency = audit.agencies.order_by("pk").first()
    _go(page, live_server, f"/assurance/audit-cases/{case.pk}/grade/{agency.pk}", "grading form")
    _go(page, live_server, f"/assurance/audit-cases/{case.pk}/moderate", "case moderation")
    _submit(page, "Record the agreed grades")
    expect_error_state(page)
    axe_check(page, "case moderation with no agreed grade")
    _go(page, live_server, f"/assurance/audit-cases/{case.pk}/restricted", "restricted case details")

    _go(page, live_server, "/assurance/agency-learning/", "agencies' own learning")
    _go(
        page,
        live_server,
        "/assurance/complaints-and-compliments/",
        "three years of counts with the trend chart",
    )
    submitted = AgencyContribution.objects.get(status="submitted")
    _go(page, live_server, f"/assurance/agency-learning/{submitted.pk}/", "a submitted contribution")
    _go(page, live_server, f"/assurance/agency-learning/{submitted.pk}/decision", "decision form")
    _submit(page, "Record the decision")
    expect_error_state(page)
    axe_check(page, "decision with no choice")
