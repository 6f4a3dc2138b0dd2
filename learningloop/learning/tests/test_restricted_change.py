"""Seeing a child's restricted details is not changing them (ADR 0012).

restricted.view: business unit administrators and every current CSPR Panel member.
restricted.change: business unit administrators and the Panel's current chair, deputy chair and officers.
A Panel member who may only see them gets the details without a form, and a POST is refused (403) with
nothing saved; everyone else still gets 404 for both."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from learningloop.learning.models import ChildDetails
from learningloop.partnership.models import Group
from learningloop.partnership.tests.factories import GroupFactory, MembershipFactory, PersonFactory

from .factories_reviews import ChildDetailsFactory, make_review

pytestmark = pytest.mark.django_db
NAME = "Test Child Ottoline-Varga"
CHANGED = {
    "child_name": "Test Child Renamed",
    "date_of_birth-day": "3",
    "date_of_birth-month": "4",
    "date_of_birth-year": "2017",
    "address": "5 Invented Street",
    "case_reference": "REF-77",
}


@pytest.fixture
def review():
    review = make_review(pseudonym="Child R", aware_on=datetime.date.today())
    ChildDetailsFactory(review=review, child_name=NAME, case_reference="CASE-R-1")
    return review


def _on_a_group(make_persona, *, role, handles_case_reviews=True, ended=False, persona="agency_member"):
    user = make_persona(persona)
    name = "CSPR Panel" if handles_case_reviews else "Audit subgroup"
    group = Group.objects.filter(name=name).first() or GroupFactory(
        name=name, handles_case_reviews=handles_case_reviews
    )
    MembershipFactory(
        person=PersonFactory(user=user),
        group=group,
        role=role,
        start_date=datetime.date(2020, 1, 1),
        end_date=datetime.date(2021, 1, 1) if ended else None,
    )
    return user


def _who(name, make_persona):
    if name == "bu_admin":
        return make_persona("bu_admin")
    if name == "bu_officer":
        return make_persona("bu_officer")
    role, _, rest = name.partition(" of ")
    return _on_a_group(
        make_persona,
        role=role,
        handles_case_reviews=rest != "another group",
        ended=rest == "the Panel, ended",
    )


def _client(user):
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


# (who, GET status, sees the form, POST status, details changed) — from ADR 0012.
CASES = [
    ("bu_admin", 200, True, 302, True),
    ("chair of the Panel", 200, True, 302, True),
    ("deputy_chair of the Panel", 200, True, 302, True),
    ("officer of the Panel", 200, True, 302, True),
    ("member of the Panel", 200, False, 403, False),
    ("chair of the Panel, ended", 404, False, 404, False),
    ("chair of another group", 404, False, 404, False),
    ("bu_officer", 404, False, 404, False),
]


@pytest.mark.parametrize(("who", "get_status", "form", "post_status", "changes"), CASES)
def test_who_may_see_and_who_may_change(review, make_persona, who, get_status, form, post_status, changes):
    client = _client(_who(who, make_persona))
    url = reverse("learning:child_details", args=[review.pk])
    response = client.get(url)
    assert response.status_code == get_status
    if get_status == 200:
        body = response.content.decode()
        assert NAME in body and "CASE-R-1" in body
        assert ('name="child_name"' in body) is form
        assert ("Save restricted details" in body) is form
    response = client.post(url, {**CHANGED, "version": ChildDetails.objects.get(review=review).version})
    assert response.status_code == post_status
    details = ChildDetails.objects.get(review=review)
    if changes:
        assert response["Location"] == reverse("learning:review_detail", args=[review.pk])
        assert (details.child_name, details.date_of_birth, details.address, details.case_reference) == (
            "Test Child Renamed",
            datetime.date(2017, 4, 3),
            "5 Invented Street",
            "REF-77",
        )
    else:
        assert (details.child_name, details.date_of_birth, details.address, details.case_reference) == (
            NAME,
            datetime.date(2015, 3, 14),
            "1 Imaginary Lane, Nowhere Town",
            "CASE-R-1",
        )


def test_a_member_who_only_sees_them_is_not_offered_the_edit_link(review, make_persona):
    member = _on_a_group(make_persona, role="member")
    body = _client(member).get(reverse("learning:review_detail", args=[review.pk])).content.decode()
    assert "See the restricted details of the child" in body
    assert "See or edit" not in body
    chair = _on_a_group(make_persona, role="chair", persona="agency_lead")
    body = _client(chair).get(reverse("learning:review_detail", args=[review.pk])).content.decode()
    assert "See or edit the restricted details of the child" in body
