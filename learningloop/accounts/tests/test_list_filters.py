"""The user accounts list filters through the shared FilterSet: active accounts by default on every page, a
valid filter narrows the rows, a junk value is reported in the error summary while the list still shows."""

import pytest
from django.urls import reverse

from learningloop.core.policy import Role
from learningloop.core.tests.lists import assert_junk_reported, listed

from .factories import UserFactory

pytestmark = pytest.mark.django_db
NAMES = ["Ada Chair", "Ben Lead", "Cat Gone"]


@pytest.fixture
def users(db):
    UserFactory(full_name="Ada Chair", roles=[Role.GROUP_CHAIR])
    UserFactory(full_name="Ben Lead", roles=[Role.AGENCY_LEAD])
    UserFactory(full_name="Cat Gone", roles=[Role.AGENCY_LEAD], is_active=False)


def test_active_accounts_are_the_default_on_every_page(admin_client_, users):
    url = reverse("accounts:user_list")
    assert listed(admin_client_.get(url), NAMES) == ["Ada Chair", "Ben Lead"]
    assert listed(admin_client_.get(url, {"page": "1"}), NAMES) == ["Ada Chair", "Ben Lead"]
    assert listed(admin_client_.get(url, {"active": ""}), NAMES) == NAMES  # "All"


def test_accounts_narrow_by_role(admin_client_, users):
    response = admin_client_.get(reverse("accounts:user_list"), {"role": Role.AGENCY_LEAD, "active": "no"})
    assert listed(response, NAMES) == ["Cat Gone"]


def test_junk_role_is_reported_and_the_valid_filter_still_applies(admin_client_, users):
    response = admin_client_.get(reverse("accounts:user_list"), {"role": "emperor", "q": "ben"})
    assert_junk_reported(response, "Select an option from the list", "id_role")
    assert listed(response, NAMES) == ["Ben Lead"]
