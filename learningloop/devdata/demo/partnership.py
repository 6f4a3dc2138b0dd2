"""Demo partnership: fictional people, their memberships (with history) and one demo login per persona.

Every name here is invented; none is a real child, family member or member of staff. The seed names
only posts, and the framework preset holds those as placeholder people; the demo gives the posts
fictional holders from April 2024 and ends the placeholders' seats the day before, which also shows
membership history.

Safe to repeat: people are matched by name and agency, users by email, memberships by person, group,
role and start date; nothing that already exists is changed (a demo user's changed password stays)."""

import datetime

from django.core.management.base import CommandError

from learningloop.accounts.models import User
from learningloop.core.policy import Role
from learningloop.partnership import preset
from learningloop.partnership.models import Agency, Group, Membership, MembershipRole, Person

DEMO_PASSWORD = "learning-loop-demo"

BU = preset.BUSINESS_UNIT
CSC = preset.CSC
WMP = preset.WMP
ICB = preset.ICB
CWPT = "Coventry and Warwickshire Partnership Trust"
UHB = "University Hospitals Birmingham"
BSMHFT = "Birmingham and Solihull Mental Health NHS Foundation Trust"
SCH = "Solihull Community Housing"
CAFCASS = "CAFCASS"
PROBATION = "Probation Service"
VCS = "Voluntary and community sector"
SWFT = "South Warwickshire NHS Foundation Trust"
EDUCATION = "Schools, education and early years"

# One login per persona of the test suite (learningloop/conftest.py): email, name, role, agency.
DEMO_USERS = [
    ("admin@example.org", "Amira Khan", Role.BU_ADMIN, BU),
    ("officer@example.org", "Tom Whitfield", Role.BU_OFFICER, BU),
    ("chair@example.org", "Daniel Okafor", Role.GROUP_CHAIR, WMP),
    ("police.lead@example.org", "Sarah Lloyd", Role.AGENCY_LEAD, WMP),
    ("police.member@example.org", "Jack Morris", Role.AGENCY_MEMBER, WMP),
    ("health.lead@example.org", "Priya Sharma", Role.AGENCY_LEAD, ICB),
    # The local authority's strategic lead: with the police and health leads, signs off the yearly report.
    ("la.lead@example.org", "Catherine Doyle", Role.AGENCY_LEAD, CSC),
    ("scrutineer@example.org", "Helen Marsh", Role.SCRUTINEER, BU),
    ("readonly@example.org", "Oliver Grant", Role.READ_ONLY, CSC),
    ("publisher@example.org", "Leon Carter", Role.PUBLISHER, BU),  # publishes on the learning hub
]

# Fictional people: name, job title, agency, still active.
PEOPLE = [
    ("Amira Khan", "Partnership Business Manager", BU, True),
    ("Tom Whitfield", "Partnership Project Officer", BU, True),
    ("Grace Bennett", "Partnership Training Officer", BU, True),
    ("Leon Carter", "Communications Officer", BU, True),
    ("Helen Marsh", "Independent Scrutineer", BU, True),
    ("Daniel Okafor", "Detective Chief Inspector, Public Protection", WMP, True),
    ("Sarah Lloyd", "Detective Superintendent, Public Protection", WMP, True),
    ("Jack Morris", "Detective Sergeant, MASH", WMP, True),
    ("Rebecca Hale", "Chief Superintendent, Local Policing Commander", WMP, True),
    ("Priya Sharma", "Chief Nursing Officer", ICB, True),
    ("Fiona Walsh", "Senior Designated Nurse Safeguarding", ICB, True),
    ("Marcus Reid", "Designated Doctor for Safeguarding Children", ICB, True),
    ("Angela Ford", "Designated Nurse for Looked After Children", ICB, False),
    ("Catherine Doyle", "Director of Children's Services", CSC, True),
    ("Nadia Hussain", "Head of Service, MASH and Assessment", CSC, True),
    ("Ben Ashworth", "Principal Social Worker", CSC, True),
    ("Laura Simmons", "Workforce Development Manager", CSC, True),
    ("Oliver Grant", "Service Manager, Quality Assurance", CSC, True),
    ("Steven Hughes", "Head of Quality Assurance", CSC, False),
    ("Emma Clarke", "Named Nurse Safeguarding Children", CWPT, True),
    ("Sophie Turner", "Named Nurse Safeguarding Children", UHB, True),
    ("Ian Fraser", "Named Doctor Safeguarding Children", UHB, True),
    ("Kwame Mensah", "Head of Safeguarding", BSMHFT, True),
    ("Lisa Patel", "Safeguarding Lead", SCH, True),
    ("Joanne Price", "Service Manager", CAFCASS, True),
    ("Richard Evans", "Head of Probation Delivery Unit", PROBATION, True),
    ("Megan Roberts", "Safeguarding Lead, Voluntary Sector Network", VCS, True),
    ("Hannah Moore", "Named Nurse Safeguarding Children", SWFT, True),
    ("Mark Jenkins", "Education Safeguarding Lead", EDUCATION, True),
    ("Claire Dunn", "Early Years Safeguarding Officer", EDUCATION, True),
    ("Paul Wright", "Headteacher, primary school", EDUCATION, True),
]

CHAIR, DEPUTY, MEMBER, OFFICER = (
    MembershipRole.CHAIR,
    MembershipRole.DEPUTY_CHAIR,
    MembershipRole.MEMBER,
    MembershipRole.OFFICER,
)
FIRST_YEAR = datetime.date(2023, 4, 1)
SECOND_YEAR = datetime.date(2024, 4, 1)

# group, person, role, start, end (None while current). Each person represents their own agency.
MEMBERSHIPS = [
    (preset.EXECUTIVE, "Catherine Doyle", CHAIR, FIRST_YEAR, None),
    (preset.EXECUTIVE, "Rebecca Hale", MEMBER, FIRST_YEAR, None),
    (preset.EXECUTIVE, "Priya Sharma", MEMBER, FIRST_YEAR, None),
    (preset.EXECUTIVE, "Amira Khan", OFFICER, FIRST_YEAR, None),
    (preset.ARG, "Steven Hughes", CHAIR, FIRST_YEAR, datetime.date(2024, 8, 31)),
    (preset.ARG, "Nadia Hussain", CHAIR, datetime.date(2024, 9, 1), None),
    (preset.ARG, "Sarah Lloyd", MEMBER, FIRST_YEAR, None),
    (preset.ARG, "Fiona Walsh", MEMBER, FIRST_YEAR, None),
    (preset.ARG, "Lisa Patel", MEMBER, FIRST_YEAR, None),
    (preset.ARG, "Tom Whitfield", OFFICER, FIRST_YEAR, None),
    (preset.CSPR_PANEL, "Marcus Reid", CHAIR, FIRST_YEAR, None),
    (preset.CSPR_PANEL, "Sarah Lloyd", MEMBER, FIRST_YEAR, None),
    (preset.CSPR_PANEL, "Ben Ashworth", MEMBER, FIRST_YEAR, None),
    (preset.CSPR_PANEL, "Ian Fraser", MEMBER, FIRST_YEAR, None),
    (preset.CSPR_PANEL, "Richard Evans", MEMBER, FIRST_YEAR, None),
    (preset.CSPR_PANEL, "Amira Khan", OFFICER, FIRST_YEAR, None),
    (preset.MASH, "Nadia Hussain", CHAIR, FIRST_YEAR, None),
    (preset.MASH, "Jack Morris", MEMBER, FIRST_YEAR, None),
    (preset.MASH, "Emma Clarke", MEMBER, FIRST_YEAR, None),
    (preset.MASH, "Angela Ford", MEMBER, FIRST_YEAR, datetime.date(2024, 12, 31)),
    (preset.AUDIT, "Ben Ashworth", CHAIR, FIRST_YEAR, None),
    (preset.AUDIT, "Kwame Mensah", MEMBER, FIRST_YEAR, None),
    (preset.AUDIT, "Joanne Price", MEMBER, FIRST_YEAR, None),
    (preset.AUDIT, "Angela Ford", MEMBER, FIRST_YEAR, datetime.date(2024, 12, 31)),
    (preset.AUDIT, "Oliver Grant", MEMBER, datetime.date(2025, 1, 1), None),
    (preset.AUDIT, "Tom Whitfield", OFFICER, FIRST_YEAR, None),
    (preset.FORUM, "Megan Roberts", CHAIR, FIRST_YEAR, None),
    (preset.FORUM, "Claire Dunn", MEMBER, FIRST_YEAR, None),
    (preset.FORUM, "Paul Wright", MEMBER, FIRST_YEAR, None),
    (preset.FORUM, "Hannah Moore", MEMBER, FIRST_YEAR, None),
    (preset.FORUM, "Grace Bennett", OFFICER, FIRST_YEAR, None),
]

# The LDG's seats (preset.LDG_SEATS, by post) and their fictional holders from April 2024.
LDG_HOLDERS = {
    "DCI – Public Protection, " + WMP: "Daniel Okafor",
    "Senior Designated Nurse Safeguarding, " + ICB: "Fiona Walsh",
    "Learning and development lead, " + CSC: "Laura Simmons",
    "Learning and development lead, " + CWPT: "Emma Clarke",
    "Learning and development lead, " + UHB: "Sophie Turner",
    "Learning and development lead, " + BSMHFT: "Kwame Mensah",
    "Learning and development lead, " + SCH: "Lisa Patel",
    "Learning and development lead, " + CAFCASS: "Joanne Price",
    "Learning and development lead, " + PROBATION: "Richard Evans",
    "Learning and development lead, " + VCS: "Megan Roberts",
    "Learning and development lead, " + SWFT: "Hannah Moore",
    "Learning and development lead, " + EDUCATION: "Mark Jenkins",
    "SSCP Training Officer, " + BU: "Grace Bennett",
    "SSCP Project Officer, " + BU: "Tom Whitfield",
    "SSCP Unit Manager, " + BU: "Amira Khan",
}
LDG_DEPUTIES = {"Daniel Okafor": ["Jack Morris"], "Laura Simmons": ["Ben Ashworth"]}


def seed() -> int:
    """People, logins, memberships and the LDG's holders; returns how many rows it added."""
    agencies = Agencies()
    people = seed_people(agencies)
    return sum([people.added, seed_users(agencies, people), seed_memberships(people), seed_ldg(people)])


class Agencies(dict):
    """The preset's agencies by their preset name (or short name, if the partnership renamed one)."""

    def __missing__(self, name):
        short = {n: s for n, s, *_ in preset.AGENCIES}.get(name)
        agency = Agency.objects.filter(name__iexact=name).first()
        if agency is None and short:
            agency = Agency.objects.filter(short_name__iexact=short).order_by("pk").first()
        if agency is None:
            raise CommandError(f"The agency {name!r} is missing: run `manage.py load_framework` first.")
        self[name] = agency
        return agency


class People(dict):
    added = 0


def seed_people(agencies: Agencies) -> People:
    people = People()
    for full_name, job_title, agency_name, active in PEOPLE:
        agency = agencies[agency_name]
        person = Person.objects.filter(full_name__iexact=full_name, agency=agency).first()
        if person is None:
            email = full_name.lower().replace(" ", ".") + "@example.org"
            person = Person(
                full_name=full_name, job_title=job_title, agency=agency, email=email, is_active=active
            )
            person.full_clean()
            person.save()
            people.added += 1
        people[full_name] = person
    return people


def seed_users(agencies: Agencies, people: People) -> int:
    added = 0
    for email, full_name, role, agency_name in DEMO_USERS:
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            user = User.objects.create_user(
                email, DEMO_PASSWORD, full_name=full_name, agency=agencies[agency_name], roles=[role]
            )
            added += 1
        person = people[full_name]
        if person.user_id is None and not Person.objects.filter(user=user).exists():
            person.user = user
            person.email = user.email
            person.save(update_fields=["user", "email"])
    return added


def _membership(group: Group, person: Person, role: str, start, end=None) -> bool:
    exists = Membership.objects.filter(person=person, group=group, role=role, start_date=start).exists()
    if exists:
        return False
    membership = Membership(
        person=person, group=group, role=role, representing=person.agency, start_date=start, end_date=end
    )
    membership.full_clean()
    membership.save()
    return True


def _group(name: str) -> Group:
    short = {g["name"]: g["short_name"] for g in preset.GROUPS}[name]
    group = Group.objects.filter(name__iexact=name).first()
    group = group or Group.objects.filter(short_name__iexact=short).order_by("pk").first()
    if group is None:
        raise CommandError(f"The group {name!r} is missing: run `manage.py load_framework` first.")
    return group


def seed_memberships(people: People) -> int:
    return sum(
        _membership(_group(group), people[name], role, start, end)
        for group, name, role, start, end in MEMBERSHIPS
    )


def seed_ldg(people: People) -> int:
    """Fictional holders for the LDG's posts from April 2024; the placeholder seats end the day before."""
    ldg = _group(preset.LDG)
    added = 0
    for seat in preset.LDG_SEATS:
        holder = people[LDG_HOLDERS[seat.full_name]]
        placeholder_seats = ldg.memberships.filter(
            person__full_name__iexact=seat.full_name, role=seat.role, end_date__isnull=True
        )
        for membership in placeholder_seats.filter(start_date__lt=SECOND_YEAR):
            membership.end_date = SECOND_YEAR - datetime.timedelta(days=1)
            membership.full_clean()
            membership.save(update_fields=["end_date"])
        if _membership(ldg, holder, seat.role, SECOND_YEAR):
            added += 1
            membership = ldg.memberships.get(person=holder, role=seat.role, start_date=SECOND_YEAR)
            membership.deputies.set([people[n] for n in LDG_DEPUTIES.get(holder.full_name, [])])
    return added
