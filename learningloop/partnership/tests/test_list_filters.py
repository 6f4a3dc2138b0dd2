"""The partnership lists filter through the shared FilterSet: a valid filter narrows the rows, a junk value
is reported in the error summary while the list still shows."""

import pytest
from django.urls import reverse

from learningloop.core.tests.lists import assert_junk_reported, listed
from learningloop.partnership.models import Sector

from .factories import AgencyFactory, GroupFactory, PersonFactory

pytestmark = pytest.mark.django_db

AGENCIES = ["Ashford College", "Brook Hospital", "Carrow Police", "Dene Housing"]


@pytest.fixture
def agencies(db):
    AgencyFactory(name="Ashford College", sector=Sector.EDUCATION)
    AgencyFactory(name="Brook Hospital", sector=Sector.HEALTH)
    AgencyFactory(name="Carrow Police", sector=Sector.POLICING)
    AgencyFactory(name="Dene Housing", sector=Sector.HOUSING, is_active=False)


def test_agencies_narrow_by_sector_and_keep_the_filter_in_the_download(officer_client, agencies):
    response = officer_client.get(reverse("partnership:agency_list"), {"sector": "health", "page": "1"})
    assert listed(response, AGENCIES) == ["Brook Hospital"]
    assert f'href="{reverse("partnership:agency_export")}?sector=health"' in response.content.decode()
    export = officer_client.get(reverse("partnership:agency_export"), {"sector": "health"})
    lines = export.getvalue().decode().splitlines()
    assert [line.split(",")[0] for line in lines] == ["Name", "Brook Hospital"]
    assert export["Content-Disposition"] == 'attachment; filename="agencies.csv"'


def test_agencies_junk_sector_is_reported_and_the_other_filters_still_apply(officer_client, agencies):
    response = officer_client.get(
        reverse("partnership:agency_list"), {"sector": "spaceport", "status": "all"}
    )
    assert_junk_reported(response, "Select a sector from the list", "id_sector")
    assert listed(response, AGENCIES) == AGENCIES


def test_agencies_sort_by_sector(officer_client, agencies):
    response = officer_client.get(reverse("partnership:agency_list"), {"sort": "sector", "status": "all"})
    # Sector codes in order: education, health, housing, policing.
    assert listed(response, AGENCIES) == [
        "Ashford College",
        "Brook Hospital",
        "Dene Housing",
        "Carrow Police",
    ]


def test_people_narrow_by_agency_and_junk_agency_is_reported(officer_client):
    police, health = AgencyFactory(name="Police"), AgencyFactory(name="Health")
    PersonFactory(full_name="Alex Morgan", agency=police)
    PersonFactory(full_name="Bea Khan", agency=health)
    url = reverse("partnership:person_list")
    names = ["Alex Morgan", "Bea Khan"]
    assert listed(officer_client.get(url, {"agency": police.pk}), names) == ["Alex Morgan"]
    response = officer_client.get(url, {"agency": "999999", "q": "khan"})
    assert_junk_reported(response, "Select an agency from the list", "id_agency")
    assert listed(response, names) == ["Bea Khan"]


def test_groups_narrow_by_status_and_junk_status_is_reported(officer_client):
    GroupFactory(name="Case Review Group")
    GroupFactory(name="Old Panel", is_active=False)
    url = reverse("partnership:group_list")
    names = ["Case Review Group", "Old Panel"]
    assert listed(officer_client.get(url, {"status": "ended"}), names) == ["Old Panel"]
    response = officer_client.get(url, {"status": "sometimes"})
    assert_junk_reported(response, "Select active, ended or all", "id_status")
    assert listed(response, names) == ["Case Review Group"]  # the default, active groups
