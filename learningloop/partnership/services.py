"""Writes to the partnership structure that carry a rule or touch several rows.

Ending never deletes: an ended agency, person, group or membership stays in the history, so the
learning trail and past attendance still make sense.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from learningloop.core.concurrency import bump_version

from .models import Agency, Group, Membership, Person


def _end_open_memberships(queryset, on: datetime.date) -> int:
    """End each membership still open on `on`. One that has not started yet ends on its start date."""
    count = 0
    for membership in queryset.filter(Q(end_date__isnull=True) | Q(end_date__gt=on)).select_for_update():
        membership.end_date = max(on, membership.start_date)
        membership.full_clean()
        membership.save(update_fields=["end_date"])
        bump_version(membership)
        count += 1
    return count


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
def person_end(*, person: Person, on: datetime.date | None = None) -> Person:
    """Mark the person inactive and end their memberships still open on `on` (default today)."""
    on = on or timezone.localdate()
    person.is_active = False
    person.save(update_fields=["is_active"])
    bump_version(person)
    _end_open_memberships(person.memberships.all(), on)
    return person


@transaction.atomic
def group_end(*, group: Group, on: datetime.date | None = None) -> Group:
    """Mark the group inactive and end its members' open seats as of `on` (default today)."""
    on = on or timezone.localdate()
    group.is_active = False
    group.save(update_fields=["is_active"])
    bump_version(group)
    _end_open_memberships(group.memberships.all(), on)
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
