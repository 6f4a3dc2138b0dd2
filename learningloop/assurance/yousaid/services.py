"""Writes for "You said, we did". Keyword-only, validated, atomic."""

from django.db import transaction
from django.utils import timezone

from learningloop.core.concurrency import claim_version

from ..models import YouSaidWeDid


@transaction.atomic
def you_said_we_did_save(
    *, entry: YouSaidWeDid, key_messages=None, actions=None, themes=None, expected_version=None, by=None
) -> YouSaidWeDid:
    """Create or change an entry; the links are replaced when given."""
    if entry.pk is not None:
        claim_version(entry, expected_version)
    elif getattr(by, "is_authenticated", False):
        entry.created_by = by
    entry.updated_at = timezone.now()
    entry.full_clean()
    entry.save()
    for relation, values in (("key_messages", key_messages), ("actions", actions), ("themes", themes)):
        if values is not None:
            getattr(entry, relation).set(values)
    return entry
