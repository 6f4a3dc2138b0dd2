"""User account pages for business unit administrators."""

import re

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from learningloop.accounts.models import User
from learningloop.core.policy import Role
from learningloop.core.tests.worker import run_worker
from learningloop.partnership.tests.factories import AgencyFactory, PersonFactory

from .factories import PASSWORD, UserFactory

LIST = reverse("accounts:user_list")
CREATE = reverse("accounts:user_create")


def _new_user_data(agency_obj, **overrides):
    data = {
        "full_name": "Alex Morgan",
        "email": "alex.morgan@example.org",
        "agency": agency_obj.pk,
        "roles": ["agency_member"],
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_only_administrators_reach_the_pages(lead_client, officer_client, admin_client_):
    assert lead_client.get(LIST).status_code == 403
    assert officer_client.get(LIST).status_code == 403
    assert admin_client_.get(LIST).status_code == 200


@pytest.mark.django_db
def test_navigation_shows_users_to_administrators_only(admin_client_, lead_client):
    assert f'href="{LIST}"' in admin_client_.get(reverse("home")).text
    assert f'href="{LIST}"' not in lead_client.get(reverse("home")).text


@pytest.mark.django_db
def test_list_search_and_filters(admin_client_, home_agency, other_agency):
    UserFactory(
        full_name="Priya Shah", email="priya@police.example", agency=home_agency, roles=["agency_lead"]
    )
    UserFactory(full_name="Tom Reed", email="tom@nhs.example", agency=other_agency, roles=["agency_member"])
    UserFactory(
        full_name="Old Account",
        email="old@nhs.example",
        agency=other_agency,
        roles=["read_only"],
        is_active=False,
    )

    def names(**params):
        return set(re.findall(r'/edit">([^<]+)</a>', admin_client_.get(LIST, params).text))

    assert {"Priya Shah", "Tom Reed"} <= names()
    assert "Old Account" not in names()
    assert names(q="priya") == {"Priya Shah"}
    assert names(q="NHS.example", active="") == {"Tom Reed", "Old Account"}
    assert names(agency=other_agency.pk, active="") == {"Tom Reed", "Old Account"}
    assert names(role="agency_lead") == {"Priya Shah"}
    assert names(active="no") == {"Old Account"}
    page = admin_client_.get(LIST)
    assert page.text.count("<h1") == 1


def _list_queries(client):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(LIST, {"active": ""}).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_list_query_count_does_not_grow_with_users(admin_client_, home_agency, other_agency):
    for i in range(2):
        UserFactory(agency=home_agency if i % 2 else other_agency, roles=["agency_member"])
    few = _list_queries(admin_client_)
    for i in range(48):
        UserFactory(agency=AgencyFactory(), roles=["agency_member", "read_only"])
    many = _list_queries(admin_client_)
    assert few == many


@pytest.mark.django_db
def test_list_is_paginated(admin_client_, home_agency):
    for _ in range(55):
        UserFactory(agency=home_agency)
    html = admin_client_.get(LIST).text
    assert "govuk-pagination" in html
    assert html.count('/edit">') == 50


@pytest.mark.django_db
def test_create_page_labels(admin_client_):
    html = admin_client_.get(CREATE).text
    for label in ("Full name", "Email address", "Agency", "Roles", "Person record (optional)"):
        assert label in html
    for role in Role:
        assert f'value="{role.value}"' in html
    assert 'type="password"' not in html
    assert "novalidate" in html and html.count("<h1") == 1


@pytest.mark.django_db(transaction=True)
def test_create_user_emails_a_link_to_set_a_password(home_agency):
    admin = UserFactory(roles=["bu_admin"], agency=home_agency)
    person = PersonFactory(agency=home_agency, full_name="Alex Morgan")
    client = Client()
    client.force_login(admin)
    response = client.post(
        CREATE,
        _new_user_data(
            home_agency,
            email="Alex.Morgan@Example.org",
            person=person.pk,
            roles=["agency_lead", "group_chair"],
        ),
    )
    assert response.status_code == 302
    user = User.objects.get(email="alex.morgan@example.org")
    assert user.full_name == "Alex Morgan" and user.agency == home_agency
    assert sorted(user.roles) == ["agency_lead", "group_chair"]
    assert not user.has_usable_password()
    person.refresh_from_db()
    assert person.user == user
    assert mail.outbox == []
    run_worker()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["alex.morgan@example.org"]
    link = re.search(r"https?://[^/\s]+(/accounts/password/reset/key/\S+)", mail.outbox[0].body).group(1)

    newcomer = Client()
    page = newcomer.get(link, follow=True)
    assert "Set a new password" in page.text
    action = page.redirect_chain[-1][0]
    password = "my-own-long-passphrase"
    assert newcomer.post(action, {"password1": password, "password2": password}).status_code == 302
    signed_in = newcomer.post(
        reverse("account_login"), {"login": "alex.morgan@example.org", "password": password}
    )
    assert signed_in.status_code == 302 and signed_in["Location"] == reverse("home")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("overrides", "message", "anchor"),
    [
        ({"email": "EXISTING@example.org"}, "A user with this email address already exists", "#id_email"),
        ({"roles": []}, "Choose at least one role", "#id_roles"),
        ({"roles": ["superhero"]}, "Choose roles from the list", "#id_roles"),
        ({"full_name": "x" * 151}, "Full name must be 150 characters or fewer", "#id_full_name"),
        ({"full_name": ""}, "Enter the person&#39;s full name", "#id_full_name"),
        ({"email": "not-an-email"}, "Enter an email address in the correct format", "#id_email"),
        ({"agency": ""}, "Choose the agency they work for", "#id_agency"),
    ],
)
def test_create_rejects_bad_input(admin_client_, home_agency, overrides, message, anchor):
    UserFactory(email="existing@example.org")
    before = User.objects.count()
    response = admin_client_.post(CREATE, _new_user_data(home_agency, **overrides))
    assert response.status_code == 200
    assert "govuk-error-summary" in response.text
    assert message in response.text
    assert f'href="{anchor}"' in response.text
    assert "<title>Error: " in response.text
    assert User.objects.count() == before


@pytest.mark.django_db
def test_create_cannot_link_a_person_who_already_has_an_account(admin_client_, home_agency):
    person = PersonFactory(agency=home_agency, user=UserFactory())
    before = User.objects.count()
    response = admin_client_.post(CREATE, _new_user_data(home_agency, person=person.pk))
    assert "Choose a person from the list" in response.text
    assert User.objects.count() == before


@pytest.mark.django_db
def test_edit_agency_roles_and_active(admin_client_, home_agency, other_agency):
    user = UserFactory(agency=home_agency, roles=["agency_member"])
    url = reverse("accounts:user_edit", kwargs={"pk": user.pk})
    page = admin_client_.get(url)
    assert page.status_code == 200 and page.text.count("<h1") == 1
    response = admin_client_.post(
        url,
        {"agency": other_agency.pk, "roles": ["agency_lead", "scrutineer"], "is_active": "on", "version": 1},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert (
        user.agency == other_agency and sorted(user.roles) == ["agency_lead", "scrutineer"] and user.is_active
    )
    bad = admin_client_.post(
        url, {"agency": other_agency.pk, "roles": ["nope"], "is_active": "on", "version": 2}
    )
    assert bad.status_code == 200 and "Choose roles from the list" in bad.text
    user.refresh_from_db()
    assert sorted(user.roles) == ["agency_lead", "scrutineer"]


@pytest.mark.django_db
def test_administrator_cannot_deactivate_or_demote_themselves(admin_client_, bu_admin):
    assert (
        admin_client_.get(reverse("accounts:user_deactivate", kwargs={"pk": bu_admin.pk})).status_code == 403
    )
    assert (
        admin_client_.post(reverse("accounts:user_deactivate", kwargs={"pk": bu_admin.pk})).status_code == 403
    )
    url = reverse("accounts:user_edit", kwargs={"pk": bu_admin.pk})
    response = admin_client_.post(url, {"agency": bu_admin.agency_id, "roles": ["bu_admin"]})
    assert "You cannot deactivate your own account" in response.text
    response = admin_client_.post(
        url, {"agency": bu_admin.agency_id, "roles": ["read_only"], "is_active": "on"}
    )
    assert "You cannot remove your own administrator role" in response.text
    bu_admin.refresh_from_db()
    assert bu_admin.is_active and bu_admin.roles == ["bu_admin"]


@pytest.mark.django_db
def test_deactivated_user_cannot_sign_in(admin_client_, home_agency):
    user = UserFactory(agency=home_agency, roles=["agency_member"])
    their_session = Client()
    their_session.force_login(user)
    url = reverse("accounts:user_deactivate", kwargs={"pk": user.pk})
    page = admin_client_.get(url)
    assert page.status_code == 200 and page.text.count("<h1") == 1
    assert admin_client_.post(url).status_code == 302
    user.refresh_from_db()
    assert not user.is_active
    # Signed out of the session they had, and cannot sign in again.
    assert their_session.get(reverse("home")).status_code == 302
    fresh = Client()
    fresh.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert "_auth_user_id" not in fresh.session


@pytest.mark.django_db
def test_user_pages_need_mfa_like_the_rest(settings, admin_client_):
    settings.MFA_REQUIRED_ROLES = ["bu_admin"]
    response = admin_client_.get(LIST)
    assert response.status_code == 302 and response["Location"] == reverse("mfa_activate_totp")
    assert admin_client_.get(reverse("account_overview")).status_code == 200
