"""Choosing who is asked for information without a checkbox for each of the partnership's agencies and
schools: the agencies named (a case review's are named already; more are found by name), every agency of
a sector, or every school. The request goes to exactly the agencies so chosen, each once, and the form costs
the same however many agencies and schools the partnership has."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from learningloop.dissemination.models import AgencyResponse, EmbeddingRequest
from learningloop.partnership.models import Sector
from learningloop.partnership.tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db
NEW = "/dissemination/requests/new-information"


@pytest.fixture
def partnership_agencies():
    made = {
        "hospital": AgencyFactory(name="Eastmoor Hospital", sector=Sector.HEALTH),
        "gp": AgencyFactory(name="Eastmoor GP Federation", sector=Sector.HEALTH),
        "closed_clinic": AgencyFactory(name="Eastmoor Old Clinic", sector=Sector.HEALTH, is_active=False),
        "police": AgencyFactory(name="Eastmoor Constabulary", sector=Sector.POLICING),
        "nursery": AgencyFactory(name="Eastmoor Early Years Service", sector=Sector.EDUCATION),
        "oak": AgencyFactory(name="Oak Primary School", sector=Sector.EDUCATION, is_school=True),
        "ash": AgencyFactory(name="Ash Academy", sector=Sector.EDUCATION, is_school=True),
        "elm": AgencyFactory(name="Elm Oak Infants", sector=Sector.EDUCATION, is_school=True),
        "closed_school": AgencyFactory(
            name="Old Oak School", sector=Sector.EDUCATION, is_school=True, is_active=False
        ),
    }
    return made


def _send(client, **choices):
    body = {"title": "LADO annual report", "message": "Please send it", "working_days": "5"}
    return client.post(NEW, body | choices)


def test_a_request_goes_to_each_agency_chosen_once(officer_client, partnership_agencies):
    a = partnership_agencies
    response = _send(
        officer_client,
        agencies=[a["police"].pk, a["hospital"].pk],  # the hospital is in a sector chosen too
        every=["health", "schools"],
    )
    assert response.status_code == 302
    sent = EmbeddingRequest.objects.get()
    # Counted by hand: the police (named); health's active agencies, not schools: the hospital and the GP
    # federation (the old clinic is closed); every active school: Oak, Ash and Elm (Old Oak is closed).
    # The early years service is in the education sector, which was not chosen. Six, each once.
    asked = sorted(sent.responses.values_list("agency__name", flat=True))
    assert asked == [
        "Ash Academy",
        "Eastmoor Constabulary",
        "Eastmoor GP Federation",
        "Eastmoor Hospital",
        "Elm Oak Infants",
        "Oak Primary School",
    ]
    page = officer_client.get(response.url).text
    assert "Request for information sent to 6 agencies" in page


def test_every_agency_of_a_sector_leaves_its_schools_out(officer_client, partnership_agencies):
    assert _send(officer_client, every=["education"]).status_code == 302
    assert list(AgencyResponse.objects.values_list("agency__name", flat=True)) == [
        "Eastmoor Early Years Service"
    ]


def test_the_form_offers_sectors_and_every_school_with_their_numbers(officer_client, partnership_agencies):
    form = officer_client.get(NEW).text
    assert "Health (2 agencies)" in form  # the closed clinic is not counted
    assert "Policing (1 agency)" in form
    assert "Education and early years (1 agency)" in form
    assert "Every school (3 schools)" in form
    assert "Housing" not in form  # no agency in that sector
    # No school or agency is listed by name until it is named or found.
    for name in ("Oak Primary School", "Ash Academy", "Eastmoor Hospital"):
        assert name not in form


def test_find_shows_the_matching_agencies_and_keeps_those_chosen(officer_client, partnership_agencies):
    a = partnership_agencies
    response = officer_client.post(
        NEW,
        {
            "title": "LADO annual report",
            "message": "",
            "working_days": "5",
            "agencies": [a["police"].pk],
            "find": "oak",
            "find_agencies": "1",
        },
    )
    assert response.status_code == 200
    page = response.text
    assert "There is a problem" not in page  # Find checks nothing and sends nothing
    assert not EmbeddingRequest.objects.exists()
    assert f'value="{a["police"].pk}" checked' in page
    # The active agencies whose name contains "oak" (the closed Old Oak School is not offered), unchecked.
    for found in ("oak", "elm"):
        assert f'value="{a[found].pk}"' in page
        assert f'value="{a[found].pk}" checked' not in page
    assert "Old Oak School" not in page and "Ash Academy" not in page
    assert "2 agencies found" in page
    assert 'value="LADO annual report"' in page  # what was typed is kept


def test_find_ignores_control_characters_in_what_was_typed(officer_client, partnership_agencies):
    """A NUL byte in the search (PostgreSQL refuses it in any text) is dropped, not a server error."""
    response = officer_client.post(NEW, {"find": "o\x00ak", "find_agencies": "1"})
    assert response.status_code == 200
    assert "2 agencies found" in response.text


def test_find_says_when_nothing_matches(officer_client, partnership_agencies):
    page = officer_client.post(NEW, {"find": "zzz", "find_agencies": "1"}).text
    assert "No active agency or school has a name containing ‘zzz’" in page


def test_bad_choices_are_reported_and_nothing_is_sent(officer_client, partnership_agencies):
    response = _send(officer_client, every=["nonsense"], agencies=["x"], find="o" * 101)
    assert response.status_code == 200
    for message in (
        "Select a sector from the list",
        "Select agencies from the list",
        "The name to find must be 100 characters or fewer",
    ):
        assert message in response.text
    nothing = _send(officer_client)
    assert nothing.status_code == 200 and "Select at least one agency" in nothing.text
    assert not EmbeddingRequest.objects.exists() and not AgencyResponse.objects.exists()


def test_the_form_costs_the_same_however_many_agencies_and_schools(officer_client, partnership_agencies):
    with CaptureQueriesContext(connection) as few:
        small = officer_client.get(NEW).text
    for n in range(40):
        AgencyFactory(name=f"School {n:02d}", sector=Sector.EDUCATION, is_school=True)
        AgencyFactory(name=f"Health service {n:02d}", sector=Sector.HEALTH)
    with CaptureQueriesContext(connection) as many:
        large = officer_client.get(NEW).text
    assert len(many) == len(few)
    assert "Every school (43 schools)" in large and "Health (42 agencies)" in large
    assert "School 07" not in large and "Health service 07" not in large
    assert len(large) - len(small) < 100  # two numbers changed; no line per agency


def test_the_case_reviews_are_offered_newest_first_by_kind_and_pseudonym(officer_client):
    import datetime

    from learningloop.learning.tests.factories_reviews import CaseReviewFactory

    CaseReviewFactory(pseudonym="Child A", aware_on=datetime.date(2025, 3, 1))
    newest = CaseReviewFactory(pseudonym="Child B", aware_on=datetime.date(2026, 6, 1))
    with CaptureQueriesContext(connection) as few:
        form = officer_client.get(NEW).text
    kind = "Serious incident: rapid review and child safeguarding practice review"
    first, second = form.index(f">{kind}: Child B</option>"), form.index(f">{kind}: Child A</option>")
    assert first < second
    chosen = officer_client.get(NEW, {"review": newest.pk}).text
    assert f'<option value="{newest.pk}" selected>{kind}: Child B</option>' in chosen
    for n in range(10):
        CaseReviewFactory(pseudonym=f"Child {n}", aware_on=datetime.date(2024, 1, n + 1))
    with CaptureQueriesContext(connection) as many:
        officer_client.get(NEW)
    assert len(many) == len(few)
