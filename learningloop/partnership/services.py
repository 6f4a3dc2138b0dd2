"""Writes to the partnership structure that carry a rule or touch several rows.

Ending never deletes: an ended agency, person, group or membership stays in the history, so the
learning trail and past attendance still make sense.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from learningloop.core.concurrency import bump_version, claim_version, claim_versions

from .models import Agency, Group, Membership, Person


def _end_open_memberships(queryset, on: datetime.date, expected=None) -> int:
    """End each membership still open on `on`. One that has not started yet ends on its start date.

    All or nothing: each membership's version is claimed from `expected` (pk -> version, as the
    confirmation page showed it; None: as saved now). If any changed, is new, or was ended since,
    RecordsChanged names them and nothing is written."""
    memberships = queryset.open_on(on)
    if expected is None:
        expected = dict(memberships.values_list("pk", "version"))
    claimed = claim_versions(memberships, expected)
    for membership in claimed:
        membership.end_date = max(on, membership.start_date)
        membership.full_clean()
        membership.save(update_fields=["end_date"])
    return len(claimed)


@transaction.atomic
def agency_end(*, agency: Agency) -> Agency:
    agency.is_active = False
    agency.save(update_fields=["is_active"])
    bump_version(agency)
    return agency


@transaction.atomic
def agency_reactivate(*, agency: Agency) -> Agency:
    agency.is_active = True
    agency.save(update_fields=["is_active"])
    bump_version(agency)
    return agency


@transaction.atomic
def person_end(
    *, person: Person, on: datetime.date | None = None, expected_version=None, expected_memberships=None
) -> Person:
    """Mark the person inactive and end their memberships still open on `on` (default today). From a
    confirmation page, the versions it showed (EditConflict / RecordsChanged if any changed: nothing
    written)."""
    on = on or timezone.localdate()
    claim_version(person, person.version if expected_version is None else expected_version)
    person.is_active = False
    person.save(update_fields=["is_active"])
    _end_open_memberships(person.memberships.all(), on, expected_memberships)
    return person


@transaction.atomic
def group_end(
    *, group: Group, on: datetime.date | None = None, expected_version=None, expected_memberships=None
) -> Group:
    """Mark the group inactive and end its members' open seats as of `on` (default today). From a
    confirmation page, the versions it showed (EditConflict / RecordsChanged if any changed: nothing
    written)."""
    on = on or timezone.localdate()
    claim_version(group, group.version if expected_version is None else expected_version)
    group.is_active = False
    group.save(update_fields=["is_active"])
    _end_open_memberships(group.memberships.all(), on, expected_memberships)
    return group


@transaction.atomic
def membership_end(*, membership: Membership, end_date: datetime.date) -> Membership:
    if end_date < membership.start_date:
        raise ValidationError({"end_date": "The end date must be on or after the start date"})
    membership.end_date = end_date
    membership.full_clean()
    membership.save(update_fields=["end_date"])
    bump_version(membership)
    return membership


@transaction.atomic
def preset_item_end(*, item) -> object:
    item.is_active = False
    item.save(update_fields=["is_active"])
    bump_version(item)
    return item
