"""Requests to agencies for information through a real browser: from a case review's page to the request
form (filled in with the review and its agencies), the request, an agency's answer and the outstanding list;
and importing complaints and compliments from a file. Every page is checked with axe in its empty, filled
and error states."""

import re

import pytest

from learningloop.dissemination.models import EmbeddingRequest
from learningloop.learning.tests.factories_reviews import CaseReviewFactory
from learningloop.partnership.tests.factories import AgencyFactory

from .helpers import axe_check, expect_error_state
from .test_assurance_pages import _go, _submit, admin  # noqa: F401 - the signed-in admin fixture

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.usefixtures("admin")
def test_a_chronology_request_from_a_case_review_empty_filled_and_in_error(page, live_server):
    _go(page, live_server, "/dissemination/requests/", "requests (none)")
    _go(page, live_server, "/dissemination/requests/new-information", "information request form")
    _submit(page, "Send request")
    expect_error_state(page)
    axe_check(page, "information request form with errors")

    police, health = AgencyFactory(name="Northshire Police"), AgencyFactory(name="Northshire Health")
    review = CaseReviewFactory(pseudonym="Child R")
    review.activity.provider_agencies.set([police, health])
    _go(page, live_server, f"/learning/reviews/{review.pk}/", "case review without requests")
    page.get_by_role("button", name="Ask the agencies involved for chronologies").click()
    page.wait_for_load_state("load")
    axe_check(page, "information request form filled in from the case review")
    _submit(page, "Send request")
    sent = EmbeddingRequest.objects.get(kind="information")
    assert sent.case_review_id == review.pk and sent.responses.count() == 2
    axe_check(page, "the sent request")

    _go(page, live_server, f"/learning/reviews/{review.pk}/", "case review with its request")
    response = sent.responses.get(agency=police)
    _go(page, live_server, f"/dissemination/responses/{response.pk}/", "an information response")
    _go(page, live_server, f"/dissemination/responses/{response.pk}/edit", "the information form")
    _submit(page, "Submit response")
    expect_error_state(page)
    axe_check(page, "the information form with errors")
    page.get_by_label("The information you are giving").fill("Our chronology: two contacts (fictional)")
    _submit(page, "Submit response")
    axe_check(page, "a submitted information response")
    _go(page, live_server, "/dissemination/requests/outstanding/", "outstanding responses with information")


@pytest.mark.usefixtures("admin")
def test_the_complaints_and_compliments_import_empty_and_in_error(page, live_server, tmp_path):
    AgencyFactory(name="Northshire Police")
    _go(page, live_server, "/assurance/complaints-and-compliments/import/", "complaints import")
    _submit(page, "Import counts")
    expect_error_state(page)
    axe_check(page, "complaints import without a file")
    bad = tmp_path / "counts.csv"
    bad.write_text("Agency,Quarter starting,Kind,Theme,Count\nNowhere,15/02/2026,Grumbles,,2.5\n")
    page.get_by_label("Upload the completed file").set_input_files(str(bad))
    _submit(page, "Import counts")
    expect_error_state(page)
    axe_check(page, "complaints import with row errors")
    good = tmp_path / "good.csv"
    good.write_text("Agency,Quarter starting,Kind,Theme,Count\nNorthshire Police,01/04/2026,Complaints,,3\n")
    page.get_by_label("Upload the completed file").set_input_files(str(good))
    _submit(page, "Import counts")
    axe_check(page, "complaints and compliments after an import")


@pytest.mark.usefixtures("admin")
def test_agencies_found_by_name_and_every_school_empty_found_and_in_error(page, live_server):
    from learningloop.partnership.models import Sector

    oak = AgencyFactory(name="Oak Primary School", sector=Sector.EDUCATION, is_school=True)
    AgencyFactory(name="Ash Academy", sector=Sector.EDUCATION, is_school=True)
    AgencyFactory(name="Northshire Homes", sector=Sector.HOUSING)
    _go(page, live_server, "/dissemination/requests/new-information", "information request form, none named")
    page.get_by_label("Title").fill("LADO annual report")
    page.get_by_label("What you are asking for").fill("Please send it")
    _submit(page, "Send request")
    expect_error_state(page)
    axe_check(page, "information request form with no agency chosen")

    page.get_by_label("Find an agency or school by name").fill("oak")
    _submit(page, "Find")
    axe_check(page, "information request form with agencies found by name")
    page.get_by_label("Oak Primary School").check()
    housing = page.get_by_label(re.compile(r"Housing \(\d+ agenc"))
    label = page.locator(f'label[for="{housing.get_attribute("id")}"]').inner_text()
    in_housing = int(re.search(r"\((\d+) agenc", label).group(1))
    housing.check()
    _submit(page, "Send request")
    sent = EmbeddingRequest.objects.get(kind="information")
    asked = set(sent.responses.values_list("agency__name", flat=True))
    # The school found by name, and each housing agency the sector's label counts (ours among them).
    assert {oak.name, "Northshire Homes"} <= asked and len(asked) == 1 + in_housing
    axe_check(page, "the request sent to a school found by name and a sector")
