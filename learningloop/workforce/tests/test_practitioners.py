"""Practitioners' own accounts: self-registration with a work email at an approved agency domain, email
confirmation before signing in, and what a signed-in practitioner may reach."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import override_settings

from learningloop.accounts.mfa import mfa_required
from learningloop.core.policy import Role
from learningloop.core.tests.test_navigation import MAIN, navs
from learningloop.core.tests.worker import run_worker
from learningloop.workforce.models import AgencyEmailDomain, PractitionerProfile

from .factories import BookingFactory, PractitionerFactory, SessionFactory

PASSWORD = "a-long-enough-password-42"


@pytest.fixture
def police_domain(home_agency):
    return AgencyEmailDomain.objects.create(agency=home_agency, domain="northshire.police.uk")


def _register(client, email):
    return client.post(
        "/accounts/signup/",
        {
            "full_name": "Sam Constable",
            "email": email,
            "job_title": "Response officer",
            "manager_name": "Mo Sergeant",
            "manager_email": "mo.sergeant@northshire.police.uk",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )


@pytest.mark.django_db(transaction=True)
def test_a_practitioner_registers_confirms_their_email_then_signs_in(client, police_domain, home_agency):
    response = _register(client, "Sam.Constable@Northshire.Police.uk")
    assert response.status_code == 302
    profile = PractitionerProfile.objects.select_related("user").get()
    user = profile.user
    assert user.roles == [Role.PRACTITIONER] and user.agency == home_agency
    assert profile.manager_email == "mo.sergeant@northshire.police.uk"
    # Not signed in until the address is confirmed: the confirmation goes out by the worker.
    assert client.get("/training/mine/").status_code == 302
    # The worker closes its database connection after each task (right for a long-running worker);
    # inside the test's transaction that would end the test's own connection on PostgreSQL.
    run_worker()
    assert len(mail.outbox) == 1
    link = re.search(r"http\S+/accounts/confirm-email/(\S+)/", mail.outbox[0].body)
    assert link, mail.outbox[0].body
    # Signing in before confirming is refused (allauth's mandatory verification, for practitioners).
    signin = client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert signin.status_code == 302 and "confirm-email" in signin["Location"]
    assert client.get("/training/mine/").status_code == 302
    confirm = client.post(f"/accounts/confirm-email/{link.group(1)}/")
    assert confirm.status_code == 302
    assert EmailAddress.objects.get(user=user).verified
    client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert client.get("/training/mine/").status_code == 200


@pytest.mark.django_db
def test_an_address_at_an_unapproved_domain_cannot_register(client, police_domain):
    response = _register(client, "someone@gmail.com")
    assert response.status_code == 200
    assert "ask the partnership business unit to approve it" in response.content.decode()
    assert not PractitionerProfile.objects.exists()


@pytest.mark.django_db
def test_the_business_unit_approves_a_new_domain(officer_client, client, home_agency):
    assert _register(client, "sam@new-agency.org.uk").status_code == 200
    response = officer_client.post(
        "/training/domains/", {"domain": "@New-Agency.org.uk", "agency": home_agency.pk}
    )
    assert response.status_code == 302
    assert AgencyEmailDomain.objects.get().domain == "new-agency.org.uk"
    assert _register(client, "sam@new-agency.org.uk").status_code == 302


@pytest.mark.django_db
def test_a_practitioner_sees_only_their_own_bookings_and_nothing_internal(client, home_agency):
    me = PractitionerFactory(agency=home_agency)
    session = SessionFactory(course__title="Neglect: seeing the child")
    mine = BookingFactory(session=session, practitioner=me)
    theirs = BookingFactory(
        session=session, practitioner=PractitionerFactory(agency=home_agency, full_name="Other Person")
    )
    client.force_login(me)
    assert client.get(f"/training/bookings/{mine.pk}/").status_code == 200
    assert client.get(f"/training/bookings/{theirs.pk}/").status_code == 404
    page = client.get("/training/mine/").content.decode()
    assert "Neglect: seeing the child" in page
    # The session page does not list who else booked.
    assert "Other Person" not in client.get(f"/training/sessions/{session.pk}/").content.decode()
    # The partnership's records are closed, whatever the page.
    for path in ("/learning/", "/partnership/agencies/", "/actions/", "/trail/", "/dissemination/briefings/"):
        assert client.get(path).status_code == 403, path
    assert client.get("/")["Location"] == "/training/mine/"


@pytest.mark.django_db
def test_navigation_for_a_practitioner_is_their_own_sections(client, home_agency):
    client.force_login(PractitionerFactory(agency=home_agency))
    main = navs(client, "/training/mine/")[MAIN]
    assert [text for text, _, _ in main] == ["Home", "Training", "Briefings"]
    assert ("Training", "/training/", "true") in main or any(t == "Training" and c for t, _, c in main)
    assert {t: h for t, h, _ in navs(client, "/training/mine/")["Training"]} == {
        "Programme": "/training/",
        "Your bookings": "/training/mine/",
    }


@override_settings(MFA_REQUIRED_ROLES=["*"])
@pytest.mark.django_db
def test_every_user_mfa_means_partnership_staff_not_practitioners(home_agency, agency_lead):
    assert mfa_required(agency_lead)
    assert not mfa_required(PractitionerFactory(agency=home_agency))


@override_settings(MFA_REQUIRED_ROLES=["*", "practitioner"])
@pytest.mark.django_db
def test_a_partnership_may_require_mfa_of_practitioners_too(home_agency):
    assert mfa_required(PractitionerFactory(agency=home_agency))
