"""Builds the records the authorisation walk needs for URLs that take an id. Extend `build` when you add
a page for a new kind of record, and return it under a name your walk_rules.py kwargs use."""

import datetime

from learningloop.partnership.tests.factories import (
    GroupFactory,
    LearningSourceTypeFactory,
    MembershipFactory,
    PersonFactory,
)


def build(*, home_agency, other_agency):
    person = PersonFactory(agency=home_agency)
    group = GroupFactory()
    membership = MembershipFactory(person=person, group=group, start_date=datetime.date(2025, 4, 1))
    return {
        "agency": home_agency,
        "other_agency": other_agency,
        "person": person,
        "group": group,
        "membership": membership,
        "source_type": LearningSourceTypeFactory(owning_group=group),
    }
