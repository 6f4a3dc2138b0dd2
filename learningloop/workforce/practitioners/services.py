"""Writes for practitioners' accounts."""

from django.db import transaction

from learningloop.core.policy import Role

from ..models import PractitionerProfile
from .forms import agency_for_email


@transaction.atomic
def practitioner_create(*, user, data) -> PractitionerProfile:
    """Make a newly signed-up user a practitioner of the agency whose approved domain their email is at."""
    user.full_name = data["full_name"].strip()
    user.roles = [Role.PRACTITIONER]
    user.agency = agency_for_email(user.email)
    user.full_clean(exclude=["password"])
    user.save()
    profile = PractitionerProfile(
        user=user,
        job_title=data["job_title"].strip(),
        manager_name=(data.get("manager_name") or "").strip(),
        manager_email=(data.get("manager_email") or "").strip().lower(),
    )
    profile.full_clean()
    profile.save()
    return profile
