import csv
import html
import io
import re

import pytest
from django.urls import reverse

from learningloop.core.spreadsheets import csv_safe
from learningloop.partnership.models import Agency, Sector, StatutoryRole

from .factories import AgencyFactory

pytestmark = pytest.mark.django_db

VALID = {
    "name": "Northshire Youth Justice",
    "short_name": "NYJ",
    "sector": "justice",
    "statutory_role": "relevant_agency",
}


def _names(response):
    """Agency names in the list table, in order."""
    return re.findall(
        r'href="/partnership/agencies/\d+/">([^<]+)</a>', html.unescape(response.content.decode())
    )


def _h1_count(response):
    return response.content.decode().count("<h1")


def test_list_shows_agencies_and_links(persona_client):
    agency = AgencyFactory(name="Northshire Fire", short_name="NFRS", is_school=True)
    response = persona_client("agency_member").get(reverse("partnership:agency_list"))
    body = response.content.decode()
    assert response.status_code == 200 and _h1_count(response) == 1
    assert reverse("partnership:agency_detail", args=[agency.pk]) in body
    assert "NFRS" in body
    assert "Add an agency" not in body  # read-only roles get no add button
    assert reverse("partnership:framework") in body  # the shared sub-navigation


def test_list_has_add_button_for_managers(officer_client):
    assert "Add an agency" in officer_client.get(reverse("partnership:agency_list")).content.decode()


def test_search_and_filters(officer_client):
    AgencyFactory(
        name="Northshire Police Service",
        short_name="NPS",
        sector=Sector.POLICING,
        statutory_role=StatutoryRole.POLICE,
    )
    AgencyFactory(name="St Mary's Primary", short_name="SMP", sector=Sector.EDUCATION, is_school=True)
    AgencyFactory(name="Old Housing Trust", short_name="OHT", sector=Sector.HOUSING, is_active=False)
    url = reverse("partnership:agency_list")

    def names(**params):
        return _names(officer_client.get(url, params))

    assert names(q="nps") == ["Northshire Police Service"]
    assert names(q="primary") == ["St Mary's Primary"]
    assert names(sector="education") == ["St Mary's Primary"]
    assert names(statutory_role="police") == ["Northshire Police Service"]
    assert "Old Housing Trust" not in names()  # active by default
    assert names(status="ended") == ["Old Housing Trust"]
    assert "Old Housing Trust" in names(status="all")


def test_sort_by_sector(officer_client):
    AgencyFactory(name="A Police", sector=Sector.POLICING)
    AgencyFactory(name="B Health", sector=Sector.HEALTH)
    url = reverse("partnership:agency_list")
    mine = ("A Police", "B Health")
    by_sector = [n for n in _names(officer_client.get(url, {"sort": "sector"})) if n in mine]
    assert by_sector == ["B Health", "A Police"]
    by_name = [n for n in _names(officer_client.get(url, {"sort": "name"})) if n in mine]
    assert by_name == ["A Police", "B Health"]


@pytest.mark.parametrize(
    "params",
    [
        {"page": "abc"},
        {"page": "9999"},
        {"sector": "nonsense"},
        {"status": "zzz"},
        {"sort": "evil"},
        {"q": "x" * 500},
    ],
)
def test_bad_list_parameters_never_fail(officer_client, params):
    response = officer_client.get(reverse("partnership:agency_list"), params)
    assert response.status_code == 200
    assert _h1_count(response) == 1


def test_csv_export_content_and_escaping(officer_client):
    AgencyFactory(name='=HYPERLINK("http://evil")', short_name="+SUM", sector=Sector.HEALTH)
    AgencyFactory(name="@cmd", short_name="-1")
    AgencyFactory(name="Plain agency", short_name="PA")
    response = officer_client.get(reverse("partnership:agency_export"), {"status": "all"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.getvalue().decode())))
    assert rows[0] == ["Name", "Short name", "Sector", "Statutory role", "School", "Active"]
    by_name = {row[0]: row for row in rows[1:]}
    assert '\'=HYPERLINK("http://evil")' in by_name
    assert by_name['\'=HYPERLINK("http://evil")'][1] == "'+SUM"
    assert by_name["'@cmd"][1] == "'-1"
    assert by_name["Plain agency"][1:] == ["PA", "Other", "Relevant agency", "No", "Yes"]


def test_csv_export_follows_filters(officer_client):
    AgencyFactory(name="Kept agency")
    AgencyFactory(name="Filtered out")
    response = officer_client.get(reverse("partnership:agency_export"), {"q": "kept"})
    rows = list(csv.reader(io.StringIO(response.getvalue().decode())))
    assert [r[0] for r in rows[1:]] == ["Kept agency"]


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@x", "\tx", "\0x"])
def test_csv_safe_prefixes_formula_starts(value):
    assert csv_safe(value) == "'" + value


def test_csv_safe_leaves_plain_text():
    assert csv_safe("Police") == "Police"
    assert csv_safe(None) == ""


def test_create_agency(officer_client):
    form_page = officer_client.get(reverse("partnership:agency_create")).content.decode()
    for label in ("Name", "Short name", "Sector", "Statutory role", "This agency is a school", "Save agency"):
        assert label in form_page
    response = officer_client.post(
        reverse("partnership:agency_create"), {**VALID, "is_school": "on"}, follow=True
    )
    agency = Agency.objects.get(name="Northshire Youth Justice")
    assert response.redirect_chain[-1][0] == reverse("partnership:agency_detail", args=[agency.pk])
    assert "Agency created" in response.content.decode()
    assert agency.is_school and agency.sector == "justice"


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({**VALID, "name": ""}, "name", "Enter the agency's name"),
        ({**VALID, "name": "x" * 201}, "name", "200 characters or fewer"),
        ({**VALID, "short_name": "x" * 41}, "short_name", "40 characters or fewer"),
        ({**VALID, "sector": "space"}, "sector", "Select a sector from the list"),
        ({**VALID, "statutory_role": "king"}, "statutory_role", "Select a statutory role from the list"),
        ({**VALID, "name": "EXISTING agency"}, "name", "An agency called EXISTING agency already exists"),
    ],
)
def test_create_agency_bad_input(officer_client, data, field, message):
    AgencyFactory(name="Existing Agency")
    before = Agency.objects.count()
    response = officer_client.post(reverse("partnership:agency_create"), data)
    assert response.status_code == 200
    assert f'href="#id_{field}' in response.content.decode()
    assert message in html.unescape(response.content.decode())
    assert "There is a problem" in response.content.decode()
    assert Agency.objects.count() == before


def test_edit_agency_keeps_own_name_and_refuses_anothers(officer_client):
    agency = AgencyFactory(name="First")
    AgencyFactory(name="Second")
    url = reverse("partnership:agency_edit", args=[agency.pk])
    response = officer_client.post(url, {**VALID, "name": "first", "version": 1}, follow=True)
    assert "Agency updated" in response.content.decode()
    agency.refresh_from_db()
    assert agency.name == "first"
    response = officer_client.post(url, {**VALID, "name": "SECOND", "version": 2})
    assert response.status_code == 200
    assert "An agency called SECOND already exists" in response.content.decode()
    agency.refresh_from_db()
    assert agency.name == "first"


def test_detail_shows_people_and_seats(persona_client):
    from .factories import MembershipFactory, PersonFactory

    agency = AgencyFactory(name="Seat holder")
    person = PersonFactory(agency=agency, full_name="Pat Seat")
    MembershipFactory(person=person, group__name="Executive")
    response = persona_client("read_only").get(reverse("partnership:agency_detail", args=[agency.pk]))
    body = response.content.decode()
    assert response.status_code == 200 and _h1_count(response) == 1
    assert "Pat Seat" in body and "Executive" in body
    assert "Edit agency" not in body


def test_end_and_reactivate_agency(officer_client):
    agency = AgencyFactory()
    confirm = officer_client.get(reverse("partnership:agency_end", args=[agency.pk]))
    assert confirm.status_code == 200
    assert Agency.objects.get(pk=agency.pk).is_active
    response = officer_client.post(reverse("partnership:agency_end", args=[agency.pk]), follow=True)
    assert "Agency ended" in response.content.decode()
    agency.refresh_from_db()
    assert agency.is_active is False
    officer_client.post(reverse("partnership:agency_reactivate", args=[agency.pk]))
    agency.refresh_from_db()
    assert agency.is_active is True


def test_unknown_agency_is_404(officer_client):
    assert officer_client.get(reverse("partnership:agency_detail", args=[99999])).status_code == 404
