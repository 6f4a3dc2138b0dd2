"""Writes of the indicator library and of the story behind each curve."""

from django.db import transaction
from django.utils import timezone

from learningloop.core.concurrency import claim_version

from ..services import data_dues_create


def indicator_create(*, indicator, providers, by=None):
    with transaction.atomic():
        indicator.full_clean()
        indicator.save()
        indicator.providers.set(providers)
        data_dues_create(indicator=indicator)
    return indicator


def indicator_edit(*, indicator, providers, expected_version, by=None):
    """Save the business unit's edit; the providers' deadlines follow (new periods, new providers, a new
    number of working days for what is still owed)."""
    with transaction.atomic():
        indicator.full_clean()
        claim_version(indicator, expected_version)
        indicator.save()
        indicator.providers.set(providers)
        data_dues_create(indicator=indicator)
    return indicator


def story_save(*, story, actions, expected_version, by=None):
    with transaction.atomic():
        story.updated_by = by if getattr(by, "is_authenticated", False) else None
        story.updated_at = timezone.now()
        story.full_clean()
        if story.pk:
            claim_version(story, expected_version)
        story.save()
        story.actions.set(actions)
    return story
