"""Builds the records the authorisation walk needs for URLs that take an id. Extend `build` when you add
a page for a new kind of record, and return it under a name your walk_rules.py kwargs use."""

import datetime

from learningloop.partnership.tests.factories import (
    AgencyFactory,
    GroupFactory,
    LearningSourceTypeFactory,
    MembershipFactory,
    PersonFactory,
)


def build(*, home_agency, other_agency):
    person = PersonFactory(agency=home_agency)
    group = GroupFactory()
    membership = MembershipFactory(person=person, group=group, start_date=datetime.date(2025, 4, 1))
    # Records the walk's allowed POSTs edit or end, so that the pages walked after them still find theirs.
    ended = AgencyFactory(name="Walk ended agency", is_active=False)
    return {
        "agency_to_edit": AgencyFactory(name="Walk agency to edit"),
        "agency_to_end": AgencyFactory(name="Walk agency to end"),
        "agency_ended": ended,
        "person_to_end": PersonFactory(agency=home_agency),
        "person_to_seat": PersonFactory(agency=home_agency),
        "group_to_edit": GroupFactory(),
        "group_to_end": GroupFactory(),
        "membership_to_end": MembershipFactory(group=group, start_date=datetime.date(2025, 4, 1)),
        "source_type_to_end": LearningSourceTypeFactory(owning_group=group),
        "agency": home_agency,
        "other_agency": other_agency,
        "person": person,
        "group": group,
        "membership": membership,
        "source_type": LearningSourceTypeFactory(owning_group=group),
        "spreadsheet_export": _spreadsheet_export(),
    }


def _spreadsheet_export():
    """A finished export with no requester (exports are their requester's only)."""
    from django.core.files.base import ContentFile

    from learningloop.core.models import SpreadsheetExport

    export = SpreadsheetExport(path="/actions/export.xlsx", filename="walk.xlsx", fmt="xlsx", status="done")
    export.file.save("walk.xlsx", ContentFile(b"walk"), save=False)
    export.save()
    return export
