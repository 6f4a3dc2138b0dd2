import datetime

import pytest

from learningloop.core.policy import POLICY, Role, can
from learningloop.partnership.tests.factories import GroupFactory, MembershipFactory, PersonFactory


def test_every_action_names_only_known_roles():
    for action, roles in POLICY.items():
        assert roles <= set(Role.values), action


@pytest.mark.django_db
def test_unknown_actions_are_a_programming_error(bu_admin):
    with pytest.raises(KeyError):
        can(bu_admin, "no.such.action")


@pytest.mark.django_db
def test_anonymous_and_inactive_users_may_do_nothing(bu_admin):
    from django.contrib.auth.models import AnonymousUser

    assert not can(AnonymousUser(), "partnership.view")
    bu_admin.is_active = False
    assert not can(bu_admin, "partnership.view")


@pytest.mark.django_db
def test_current_members_of_a_case_review_group_see_restricted_details(agency_lead, home_agency):
    assert not can(agency_lead, "restricted.view")
    panel = GroupFactory(name="CSPR Panel", handles_case_reviews=True)
    person = PersonFactory(agency=home_agency, user=agency_lead)
    MembershipFactory(person=person, group=panel, start_date=datetime.date(2024, 1, 1))
    agency_lead._case_review_member = None
    assert can(agency_lead, "restricted.view")


@pytest.mark.django_db
def test_former_members_and_members_of_other_groups_do_not(agency_lead, home_agency):
    panel = GroupFactory(name="CSPR Panel", handles_case_reviews=True)
    other = GroupFactory(name="Audit Group")
    person = PersonFactory(agency=home_agency, user=agency_lead)
    MembershipFactory(
        person=person, group=panel, start_date=datetime.date(2023, 1, 1), end_date=datetime.date(2024, 1, 1)
    )
    MembershipFactory(person=person, group=other, start_date=datetime.date(2024, 1, 1))
    assert not can(agency_lead, "restricted.view")
