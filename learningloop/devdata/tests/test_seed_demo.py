"""`manage.py seed_demo`: fictional demo people and logins, safe to repeat, never in production."""

import io
import re
from collections import Counter

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from learningloop.accounts.models import User
from learningloop.core.policy import Role
from learningloop.devdata.management.commands.seed_demo import DEMO_PASSWORD, DEMO_USERS
from learningloop.partnership import preset
from learningloop.partnership.models import Group, Membership, MembershipRole, Partnership, Person

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _debug(settings):
    settings.DEBUG = True


def seed(*args):
    out = io.StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def counts():
    return (
        User.objects.count(),
        Person.objects.count(),
        Membership.objects.count(),
        Membership.objects.filter(end_date__isnull=False).count(),
        Partnership.objects.count(),
    )


def test_loads_the_framework_first_when_there_is_no_partnership():
    output = seed()
    assert "Framework preset:" in output
    assert Partnership.current().short_name == "SSCP"
    assert f"Demo password: {DEMO_PASSWORD}" in output


def test_logins_before_seeding_says_what_to_do():
    assert "run `manage.py seed_demo` first" in seed("--logins")
    assert not User.objects.exists()


def test_refuses_to_run_without_debug_unless_forced(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--force"):
        seed()
    assert not User.objects.exists()
    seed("--force")
    assert User.objects.filter(email__in=[email for email, *_ in DEMO_USERS]).count() == len(DEMO_USERS)


# The framework document's membership list (section 7) names posts and agencies, never people; copied by
# hand so the test needs nothing outside the repository.
DOCUMENT_MEMBERSHIP = [
    "DCI – Public Protection, West Midlands Police",
    "Senior Designated Nurse Safeguarding (ICB)",
    "Solihull Children's Social Care",
    "West Midlands Police",
    "NHS Birmingham and Solihull Integrated Care Board (ICB)",
    "Coventry and Warwickshire Partnership Trust",
    "University Hospitals Birmingham",
    "Birmingham and Solihull Mental Health NHS Foundation Trust",
    "Solihull Community Housing",
    "CAFCASS",
    "Probation Service",
    "Voluntary Sector Representative",
    "South Warwickshire NHS Foundation Trust",
    "School/Education/Early Years Representative",
    "SSCP Training Officer",
]


# Tests that read (or change and look at) the demo share one seeding: the class fixture seeds it once, inside
# a transaction each test's own savepoint starts from (devdata/tests/conftest.py).
@pytest.mark.usefixtures("demo_seeded_once")
class TestTheSeededDemo:
    def test_running_twice_changes_nothing(self):
        before = counts()
        user = User.objects.get(email="admin@example.org")
        output = seed()
        assert counts() == before
        assert "(0 rows added)" in output
        assert "Framework preset" not in output
        user_after = User.objects.get(email="admin@example.org")
        assert user_after.password == user.password

    def test_one_demo_login_per_persona_and_every_role_covered(self):
        # Staff logins: the eight personas, the hub's publisher and the local authority's lead. Practitioners
        # who book training are users too (the demo's bookings), one of them a printed demo login.
        staff = [user.pk for user in User.objects.all() if Role.PRACTITIONER not in user.roles]
        users = User.objects.filter(pk__in=staff)
        assert users.count() == len(DEMO_USERS) == 10
        roles = Counter(role for user in users for role in user.roles)
        # One user per staff role, except that there are three agency leads: the three safeguarding partners'
        # (police, health and the local authority), who sign off the yearly report.
        staff_roles = [role for role in Role.values if role != Role.PRACTITIONER]
        assert roles == Counter({role: 1 for role in staff_roles} | {Role.AGENCY_LEAD: 3})
        practitioner = User.objects.get(email="practitioner@police.example.org")
        assert practitioner.roles == [Role.PRACTITIONER]
        assert authenticate(email=practitioner.email, password=DEMO_PASSWORD) == practitioner
        leads = users.filter(
            email__in=["police.lead@example.org", "health.lead@example.org", "la.lead@example.org"]
        )
        assert {u.agency.statutory_role for u in leads} == {"police", "health", "local_authority"}
        admin = User.objects.get(email="admin@example.org")
        assert admin.full_name == "Amira Khan"
        assert admin.agency.statutory_role == "business_unit"
        assert authenticate(email="admin@example.org", password=DEMO_PASSWORD) == admin

    def test_every_demo_user_has_a_person_record(self):
        # (practitioners who book training are not people of the partnership's structure)
        for user in User.objects.filter(email__in=[email for email, *_ in DEMO_USERS]):
            assert user.person.full_name == user.full_name
            assert user.person.agency == user.agency

    def test_the_group_chair_chairs_the_ldg_and_every_seat_has_a_holder(self):
        ldg = Group.objects.get(name=preset.LDG)
        current = ldg.memberships.current().select_related("person__user", "representing")
        chair = current.get(role=MembershipRole.CHAIR)
        assert chair.person.user.email == "chair@example.org"
        assert chair.deputies.get().full_name == "Jack Morris"
        assert {m.representing.name for m in current} == {name for name, *_ in preset.AGENCIES}
        assert current.count() == len(preset.LDG_SEATS)
        # The placeholder seats (posts) are history now, not current.
        placeholders = ldg.memberships.filter(person__full_name__in=[s.full_name for s in preset.LDG_SEATS])
        assert placeholders.count() == len(preset.LDG_SEATS)
        assert not placeholders.current().exists()

    def test_there_are_people_in_every_group_and_some_history(self):
        assert Person.objects.count() >= 40  # 31 demo people and the preset's 15 placeholders
        for group in Group.objects.all():
            assert group.memberships.current().exists(), group
        assert Membership.objects.exclude(group__name=preset.LDG).ended().count() >= 3

    def test_logins_prints_only_the_table(self):
        before = counts()
        output = seed("--logins")
        assert counts() == before
        for email, *_ in DEMO_USERS:
            assert re.search(rf"^\s+{re.escape(email)}\s+.*{DEMO_PASSWORD}$", output, re.MULTILINE)
        assert "Demo data" not in output
        assert "Agency strategic lead" in output

    def test_demo_people_are_invented_and_the_preset_holds_only_posts(self):
        # The seed names posts, not people: the only names in the demo are invented (a first and a last name),
        # and the preset's placeholders are named after posts, with no login and no email address.
        posts = {s.full_name for s in preset.LDG_SEATS}
        placeholders = Person.objects.filter(full_name__in=posts)
        assert placeholders.count() == len(posts) == 15
        assert all(p.user_id is None and not p.email for p in placeholders)
        names = {p.full_name for p in Person.objects.exclude(full_name__in=posts)}
        assert len(names) == 31
        assert all(re.fullmatch(r"[A-Z][a-z]+ [A-Z][a-z]+", name) for name in names), names
        document_text = "\n".join(DOCUMENT_MEMBERSHIP)
        assert not [name for name in names if name in document_text]
        assert not [name for name in names for word in name.split() if word in document_text.split()]

    def test_the_demo_agency_leads_see_requests_and_actions_on_their_home_page(self, settings):
        settings.MFA_REQUIRED_ROLES = []
        client = Client()
        client.force_login(User.objects.get(email="police.lead@example.org"))
        html = client.get("/").content.decode()
        assert "Requests to your agency" in html
        assert "Your agency&#39;s actions" in html
        # The demo's overdue action (8 working days late) belongs to the police.
        assert "Audit 20 cases to check chronologies are in use." in html
