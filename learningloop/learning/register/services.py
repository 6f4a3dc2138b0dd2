"""Writes for the learning register: activities, their documents and findings, and the vocabularies.
Keyword-only, validated with full_clean, atomic; views compose these and stay thin."""

from django.db import transaction

from learningloop.core.concurrency import claim_version
from learningloop.core.stored_files import attach_upload

from ..models import ActivityDocument, Finding, LearningActivity


@transaction.atomic
def activity_save(
    *, activity: LearningActivity, provider_agencies=(), priorities=(), by=None, expected_version=None
):
    """Validate and save an activity with its provider agencies and partnership priorities. An edit names
    the version it started from; if someone saved in between, EditConflict is raised and nothing saved."""
    if activity.pk is None and by is not None and getattr(by, "is_authenticated", False):
        activity.created_by = by
    activity.full_clean()
    if expected_version is not None:
        claim_version(activity, expected_version)
    activity.save()
    activity.provider_agencies.set(provider_agencies)
    activity.priorities.set(priorities)
    return activity


def document_attach(*, activity: LearningActivity, upload, by=None) -> ActivityDocument:
    """Check an uploaded file and attach it to the activity (all or nothing; see core.stored_files)."""
    return attach_upload(stored=ActivityDocument(activity=activity), upload=upload, by=by)


@transaction.atomic
def document_delete(*, document: ActivityDocument) -> None:
    """Delete the row, and the stored file once the deletion is committed."""
    storage, name = document.file.storage, document.file.name
    document.delete()
    if name:
        transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def finding_save(*, finding: Finding, themes=(), by=None, expected_version=None) -> Finding:
    """Validate and save a finding with its themes (an edit is refused if someone saved in between)."""
    if finding.pk is None and by is not None and getattr(by, "is_authenticated", False):
        finding.created_by = by
    finding.full_clean()
    if expected_version is not None:
        claim_version(finding, expected_version)
    finding.save()
    finding.themes.set(themes)
    _recount(finding.activity_id)
    return finding


@transaction.atomic
def finding_delete(*, finding: Finding) -> None:
    """Delete a finding; key messages that cited it simply lose the link (the M2M rows go with it)."""
    activity_id = finding.activity_id
    finding.delete()
    _recount(activity_id)


def _recount(activity_id):
    """The activity's finding counts on the register, counted again in the same transaction (ADR 0047).
    The activity's row is locked first, in a statement of its own: two findings written at once for the
    same activity (PostgreSQL) queue here, and the second counts in a fresh snapshot that sees the first."""
    activity = LearningActivity.objects.filter(pk=activity_id)
    list(activity.select_for_update().values_list("pk", flat=True))
    activity.finding_counts_update()


@transaction.atomic
def vocabulary_save(*, item, expected_version=None):
    """Save a theme or a priority; ending one is is_active=False, never a delete. An edit names the
    version it started from; if someone saved in between, EditConflict is raised and nothing saved."""
    item.full_clean()
    if item.pk is not None:
        claim_version(item, expected_version)
    item.save()
    return item
