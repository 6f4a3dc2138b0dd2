"""Writes for the policies and procedures register."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from learningloop.core.concurrency import claim_version

from ..models import PolicyChange, PolicyDocument


@transaction.atomic
def policy_save(*, policy: PolicyDocument, expected_version=None) -> PolicyDocument:
    if policy.pk and expected_version is not None:
        claim_version(policy, expected_version)
    policy.full_clean()
    policy.save()
    return policy


@transaction.atomic
def policy_change_add(
    *, policy: PolicyDocument, changed_on, description: str, key_message=None
) -> PolicyChange:
    """Log a change; one made because of learning names its key message, so the trail shows it."""
    if changed_on and changed_on > timezone.localdate():
        raise ValidationError({"changed_on": "The date of the change must be today or in the past"})
    change = PolicyChange(
        policy=policy, changed_on=changed_on, description=description, key_message=key_message
    )
    change.full_clean()
    change.save()
    return change
