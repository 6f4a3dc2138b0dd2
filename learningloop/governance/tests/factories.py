"""Factories for governance: an LDG-like group with the three safeguarding partners and a relevant agency,
and meetings made through the service (so their deadlines exist)."""

import datetime
from dataclasses import dataclass

from learningloop.partnership.models import ChairRule, MembershipRole, QuorumRule, StatutoryRole
from learningloop.partnership.tests.factories import (
    AgencyFactory,
    GroupFactory,
    MembershipFactory,
    PersonFactory,
)

from ..meetings import services
from ..models import Meeting


@dataclass
class Ldg:
    group: object
    la: object
    police: object
    health: object
    school: object
    seats: dict  # "la", "police", "health", "school", "officer" -> Membership


def make_ldg(
    *, name="Learning and Development Group", start=datetime.date(2025, 4, 1), police=None, health=None
):
    group = GroupFactory(
        name=name,
        short_name="LDG",
        quorum_rule=QuorumRule.SAFEGUARDING_PARTNERS,
        chair_rule=ChairRule.SAFEGUARDING_PARTNER,
        meetings_every_months=2,
        papers_due_working_days=5,
        minutes_due_days=14,
    )
    la = AgencyFactory(
        name="Northshire Council", short_name="Council", statutory_role=StatutoryRole.LOCAL_AUTHORITY
    )
    police = police or AgencyFactory(
        name="Northshire Police", short_name="Police", statutory_role=StatutoryRole.POLICE
    )
    health = health or AgencyFactory(
        name="Northshire ICB", short_name="ICB", statutory_role=StatutoryRole.HEALTH
    )
    school = AgencyFactory(name="Northshire Academy", short_name="Academy")
    bu = AgencyFactory(name="Partnership business unit (LDG)", statutory_role=StatutoryRole.BUSINESS_UNIT)
    seats = {
        "police": MembershipFactory(
            group=group,
            role=MembershipRole.CHAIR,
            start_date=start,
            person=PersonFactory(full_name="Pat Police", agency=police, email="pat@police.example.org"),
        ),
        "la": MembershipFactory(
            group=group,
            start_date=start,
            person=PersonFactory(full_name="Lou Council", agency=la, email="lou@council.example.org"),
        ),
        "health": MembershipFactory(
            group=group,
            start_date=start,
            person=PersonFactory(full_name="Hana Health", agency=health, email="hana@icb.example.org"),
        ),
        "school": MembershipFactory(
            group=group,
            start_date=start,
            person=PersonFactory(full_name="Sam School", agency=school, email="sam@academy.example.org"),
        ),
        "officer": MembershipFactory(
            group=group,
            role=MembershipRole.OFFICER,
            start_date=start,
            person=PersonFactory(full_name="Olly Officer", agency=bu, email="olly@bu.example.org"),
        ),
    }
    return Ldg(group, la, police, health, school, seats)


def make_meeting(group, date, start_time=datetime.time(10, 0), **extra) -> Meeting:
    return services.meeting_create(
        meeting=Meeting(
            group=group, date=date, start_time=start_time, place=extra.pop("place", "Council House"), **extra
        )
    )
