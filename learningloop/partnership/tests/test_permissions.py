"""Every view that changes data: works for the business unit, 403 for read-only roles, 405 for the wrong
method, sign-in redirect for anonymous users; and nothing changes when refused."""

import datetime

import pytest
from django.urls import reverse

from learningloop.partnership import models

from .factories import (
    AgencyFactory,
    AudienceGroupFactory,
    GroupFactory,
    LearningSourceTypeFactory,
    MembershipFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db


def _snapshot():
    return {
        "agencies": list(models.Agency.objects.values_list("name", "is_active").order_by("pk")),
        "people": list(models.Person.objects.values_list("full_name", "is_active").order_by("pk")),
        "groups": list(models.Group.objects.values_list("name", "is_active").order_by("pk")),
        "memberships": list(models.Membership.objects.values_list("end_date", "role").order_by("pk")),
        "sources": list(models.LearningSourceType.objects.values_list("name", "is_active").order_by("pk")),
        "audiences": list(models.AudienceGroup.objects.values_list("name", "is_active").order_by("pk")),
    }


def _cases():
    """(name, build(objects) -> (url, data), check(objects) -> bool that the change happened)."""
    return [
        (
            "agency_create",
            lambda o: (
                reverse("partnership:agency_create"),
                {"name": "New agency", "sector": "health", "statutory_role": "health"},
            ),
            lambda o: models.Agency.objects.filter(name="New agency").exists(),
        ),
        (
            "agency_edit",
            lambda o: (
                reverse("partnership:agency_edit", args=[o["agency"].pk]),
                {"name": "Renamed", "sector": "health", "statutory_role": "health"},
            ),
            lambda o: models.Agency.objects.filter(name="Renamed").exists(),
        ),
        (
            "agency_end",
            lambda o: (reverse("partnership:agency_end", args=[o["agency"].pk]), {}),
            lambda o: not models.Agency.objects.get(pk=o["agency"].pk).is_active,
        ),
        (
            "agency_reactivate",
            lambda o: (reverse("partnership:agency_reactivate", args=[o["ended_agency"].pk]), {}),
            lambda o: models.Agency.objects.get(pk=o["ended_agency"].pk).is_active,
        ),
        (
            "person_create",
            lambda o: (
                reverse("partnership:person_create"),
                {"full_name": "New Person", "agency": o["agency"].pk},
            ),
            lambda o: models.Person.objects.filter(full_name="New Person").exists(),
        ),
        (
            "person_edit",
            lambda o: (
                reverse("partnership:person_edit", args=[o["person"].pk]),
                {"full_name": "Renamed Person", "agency": o["agency"].pk},
            ),
            lambda o: models.Person.objects.filter(full_name="Renamed Person").exists(),
        ),
        (
            "person_end",
            lambda o: (reverse("partnership:person_end", args=[o["person"].pk]), {}),
            lambda o: not models.Person.objects.get(pk=o["person"].pk).is_active,
        ),
        (
            "group_create",
            lambda o: (
                reverse("partnership:group_create"),
                {
                    "name": "New group",
                    "papers_due_working_days": "5",
                    "minutes_due_days": "10",
                    "quorum_rule": "none",
                },
            ),
            lambda o: models.Group.objects.filter(name="New group").exists(),
        ),
        (
            "group_edit",
            lambda o: (
                reverse("partnership:group_edit", args=[o["group"].pk]),
                {
                    "name": "Renamed group",
                    "papers_due_working_days": "5",
                    "minutes_due_days": "10",
                    "quorum_rule": "none",
                },
            ),
            lambda o: models.Group.objects.filter(name="Renamed group").exists(),
        ),
        (
            "group_end",
            lambda o: (reverse("partnership:group_end", args=[o["group"].pk]), {}),
            lambda o: not models.Group.objects.get(pk=o["group"].pk).is_active,
        ),
        (
            "membership_create",
            lambda o: (
                reverse("partnership:membership_create", args=[o["group"].pk]),
                {
                    "person": o["other_person"].pk,
                    "role": "member",
                    "start_date-day": "1",
                    "start_date-month": "5",
                    "start_date-year": "2025",
                },
            ),
            lambda o: models.Membership.objects.filter(person=o["other_person"]).exists(),
        ),
        (
            "membership_edit",
            lambda o: (
                reverse("partnership:membership_edit", args=[o["membership"].pk]),
                {
                    "person": o["person"].pk,
                    "role": "chair",
                    "start_date-day": "1",
                    "start_date-month": "4",
                    "start_date-year": "2025",
                },
            ),
            lambda o: models.Membership.objects.get(pk=o["membership"].pk).role == "chair",
        ),
        (
            "membership_end",
            lambda o: (
                reverse("partnership:membership_end", args=[o["membership"].pk]),
                {"end_date-day": "1", "end_date-month": "6", "end_date-year": "2025"},
            ),
            lambda o: (
                models.Membership.objects.get(pk=o["membership"].pk).end_date == datetime.date(2025, 6, 1)
            ),
        ),
        (
            "preset_create",
            lambda o: (
                reverse("partnership:preset_create", args=["audiences"]),
                {"name": "Parents", "position": "1"},
            ),
            lambda o: models.AudienceGroup.objects.filter(name="Parents").exists(),
        ),
        (
            "preset_edit",
            lambda o: (
                reverse("partnership:preset_edit", args=["source-types", o["source"].pk]),
                {"name": "Renamed source", "category": "Reviews", "position": "0"},
            ),
            lambda o: models.LearningSourceType.objects.filter(name="Renamed source").exists(),
        ),
        (
            "preset_end",
            lambda o: (reverse("partnership:preset_end", args=["audiences", o["audience"].pk]), {}),
            lambda o: not models.AudienceGroup.objects.get(pk=o["audience"].pk).is_active,
        ),
    ]


CASES = _cases()


@pytest.fixture
def objects():
    agency = AgencyFactory()
    person = PersonFactory(agency=agency)
    group = GroupFactory()
    return {
        "agency": agency,
        "ended_agency": AgencyFactory(is_active=False),
        "person": person,
        "other_person": PersonFactory(agency=agency),
        "group": group,
        "membership": MembershipFactory(person=person, group=group, start_date=datetime.date(2025, 4, 1)),
        "source": LearningSourceTypeFactory(),
        "audience": AudienceGroupFactory(),
    }


@pytest.mark.parametrize(("name", "build", "check"), CASES, ids=[c[0] for c in CASES])
def test_business_unit_officer_can(persona_client, objects, name, build, check):
    url, data = build(objects)
    if name.endswith("_edit"):
        data = {**data, "version": 1}  # the hidden version a browser posts back from the edit form
    client = persona_client("bu_officer")
    if name in ("group_end", "person_end"):
        from learningloop.core.tests.edit_forms import form_data

        # The versions of the record and its open memberships that the confirmation page carries.
        data = {**data, **form_data(client.get(url).content.decode())}
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()
    assert check(objects)


@pytest.mark.parametrize("persona", ["scrutineer", "agency_lead", "read_only", "group_chair"])
@pytest.mark.parametrize(("name", "build", "check"), CASES, ids=[c[0] for c in CASES])
def test_read_only_roles_are_refused(persona_client, objects, persona, name, build, check):
    url, data = build(objects)
    client = persona_client(persona)
    before = _snapshot()
    assert client.post(url, data).status_code == 403
    if name != "agency_reactivate":
        assert client.get(url).status_code == 403
    assert _snapshot() == before


@pytest.mark.parametrize(("name", "build", "check"), CASES, ids=[c[0] for c in CASES])
def test_wrong_method_is_405(persona_client, objects, name, build, check):
    url, data = build(objects)
    client = persona_client("bu_officer")
    before = _snapshot()
    assert client.put(url, data).status_code == 405
    assert client.delete(url).status_code == 405
    if name == "agency_reactivate":
        assert client.get(url).status_code == 405
    assert _snapshot() == before


@pytest.mark.parametrize(("name", "build", "check"), CASES, ids=[c[0] for c in CASES])
def test_anonymous_is_sent_to_sign_in(client, objects, name, build, check):
    url, data = build(objects)
    before = _snapshot()
    response = client.post(url, data)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert _snapshot() == before
