"""Summary of Learning writes that the pages need beyond services.py: start a summary with prefilled text,
edit it, and write key messages. Each claims the summary's next version (core.concurrency, ADR 0005), so
a concurrent change (someone submitted it, or saved it, meanwhile) raises EditConflict and nothing is
overwritten; the edit pages then show the conflict page."""

from django.db import transaction
from django.db.models import Max

from learningloop.core.concurrency import claim_version

from .. import services
from ..models import KeyMessage, SummaryOfLearning
from .prefill import summary_prefill

ACTIVITY_TYPE_MAX = SummaryOfLearning._meta.get_field("activity_type").max_length


def _claim(summary, version):
    """The summary as saved now, with its next version claimed: from the version the page showed, or,
    for a plain button press with nothing to lose (version None), from the version read here."""
    current = SummaryOfLearning.objects.get(pk=summary.pk)
    claim_version(current, current.version if version is None else version)
    return current


@transaction.atomic
def summary_start(*, by, title, subgroup, activities) -> SummaryOfLearning:
    """Create a draft summary whose type, description and findings are drafted from its activities."""
    activities = list(activities)
    prefill = summary_prefill(activities=activities)
    prefill["activity_type"] = prefill["activity_type"][:ACTIVITY_TYPE_MAX]
    return services.summary_create(by=by, title=title, subgroup=subgroup, activities=activities, **prefill)


@transaction.atomic
def summary_update(*, summary, version, **fields) -> SummaryOfLearning:
    current = _claim(summary, version)
    services.ensure_editable(current)
    for name, value in fields.items():
        setattr(current, name, value)
    # created_by is null=True without blank=True: a summary whose author was removed must stay editable.
    current.full_clean(exclude=["created_by"])
    current.save()
    return current


@transaction.atomic
def summary_move(*, summary, to, by, version=None, reason="") -> SummaryOfLearning:
    """A workflow step (services.summary_transition) that is refused if the page was out of date."""
    return services.summary_transition(summary=summary, to=to, by=by, reason=reason, expected_version=version)


@transaction.atomic
def key_message_write(*, message, version, audiences=(), workforce_groups=(), findings=()) -> KeyMessage:
    """Add or change a key message of an editable summary (the summary's version guards it)."""
    current = _claim(message.summary, version)
    message.summary = current
    if message.pk is None:
        last = current.key_messages.aggregate(last=Max("position"))["last"]
        message.position = 0 if last is None else last + 1
    services.key_message_save(
        message=message, audiences=audiences, workforce_groups=workforce_groups, findings=findings
    )
    return message


@transaction.atomic
def key_message_delete(*, message, version=None) -> None:
    current = _claim(message.summary, version)
    services.ensure_editable(current)
    message.delete()
