"""The survey pages through a real browser, checked with axe in their empty, filled and error states: the
list, a new survey and question, the import page, the results with their charts, the free-text page, and
the public answer form (without signing in) with its errors, thank-you and closed pages."""

import pytest

from learningloop.accounts.tests.factories import UserFactory
from learningloop.assurance.models import Survey
from learningloop.core.policy import Role

from .helpers import axe_check, expect_error_state, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def admin(page, live_server, partnership, business_unit):
    user = UserFactory(
        email="admin@example.org", full_name="Ada Admin", agency=business_unit, roles=[Role.BU_ADMIN]
    )
    sign_in(page, live_server, user.email)
    return user


def _go(page, live_server, path, what, status=200):
    response = page.goto(f"{live_server.url}{path}")
    assert response.status == status, f"{what}: HTTP {response.status} at {path}"
    axe_check(page, what)


def _submit(page, name):
    page.get_by_role("button", name=name, exact=True).click()
    page.wait_for_load_state("load")


def test_survey_pages_empty_filled_and_in_error(page, live_server, admin):
    # Empty.
    _go(page, live_server, "/assurance/surveys/", "survey list (no surveys)")

    # Error states: an empty new survey, then an empty question on a real one.
    _go(page, live_server, "/assurance/surveys/new", "new survey")
    _submit(page, "Create the survey")
    expect_error_state(page)
    axe_check(page, "new survey with errors")

    from learningloop.devdata.demo import surveys

    surveys.seed()
    hrbq = Survey.objects.get(slug=surveys.HRBQ)
    _go(page, live_server, f"/assurance/surveys/{hrbq.pk}/questions/new", "new question")
    _submit(page, "Add the question")
    expect_error_state(page)
    axe_check(page, "new question with errors")
    _go(page, live_server, f"/assurance/surveys/{hrbq.pk}/import", "import responses")
    _submit(page, "Import responses")
    expect_error_state(page)
    axe_check(page, "import responses with errors")

    # Filled: the demo's surveys, 1,700 imported responses.
    _go(page, live_server, "/assurance/surveys/", "survey list")
    _go(page, live_server, f"/assurance/surveys/{hrbq.pk}/", "a survey and its questions")
    _go(page, live_server, f"/assurance/surveys/{hrbq.pk}/edit", "edit the survey")
    _go(page, live_server, f"/assurance/surveys/{hrbq.pk}/results", "results with charts")
    _go(page, live_server, f"/assurance/surveys/{hrbq.pk}/results?group=Year+10", "results for Year 10")
    free = hrbq.questions.get(kind="free_text")
    _go(page, live_server, f"/assurance/surveys/questions/{free.pk}/answers", "free-text answers")
    question = hrbq.questions.get(is_respondent_group=True)
    _go(page, live_server, f"/assurance/surveys/questions/{question.pk}/edit", "edit a question")


def test_the_public_form_without_signing_in(page, live_server, partnership):
    from learningloop.devdata.demo import surveys

    surveys.seed()
    families = f"/have-your-say/{surveys.FAMILIES}/"
    _go(page, live_server, families, "public answer form")
    _submit(page, "Send your answers")
    expect_error_state(page)
    axe_check(page, "public answer form with errors")
    page.get_by_label("Yes", exact=True).check()
    page.get_by_label("4", exact=True).check()
    _submit(page, "Send your answers")
    assert page.url.endswith("/thank-you")
    axe_check(page, "thank-you page")
    _go(page, live_server, f"/have-your-say/{surveys.HRBQ}/", "a survey answered by import only", status=404)
    Survey.objects.filter(slug=surveys.FAMILIES).update(status="closed")
    _go(page, live_server, families, "a closed survey", status=410)
