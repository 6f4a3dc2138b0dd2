"""Summary of Learning writes that the pages need beyond services.py: start a summary with prefilled text,
edit it, and write key messages, each guarded by the summary's version so a concurrent change (someone
submitted it, or saved it, meanwhile) is refused with a clear message instead of being overwritten."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from . import services
from .models import KeyMessage, SummaryOfLearning

CONFLICT = (
    "Someone else changed this summary while you were working on it. "
    "Your changes have not been saved: reload the page to see the latest version"
)
ACTIVITY_TYPE_MAX = SummaryOfLearning._meta.get_field("activity_type").max_length


class VersionConflict(ValidationError):
    pass


def _lock(summary, version):
    """The summary row, locked for this transaction; refuses when the form's version is out of date.
    A version of None skips the check (a plain button press with nothing to lose)."""
    locked = SummaryOfLearning.objects.select_for_update().get(pk=summary.pk)
    if version is not None and locked.version != version:
        raise VersionConflict(CONFLICT)
    return locked


def _bump(summary):
    summary.version += 1
    summary.save(update_fields=["version", "updated_at"])


@transaction.atomic
def summary_start(*, by, title, subgroup, activities) -> SummaryOfLearning:
    """Create a draft summary whose type, description and findings are drafted from its activities."""
    activities = list(activities)
    prefill = services.summary_prefill(activities=activities)
    prefill["activity_type"] = prefill["activity_type"][:ACTIVITY_TYPE_MAX]
    return services.summary_create(by=by, title=title, subgroup=subgroup, activities=activities, **prefill)


@transaction.atomic
def summary_update(*, summary, version, **fields) -> SummaryOfLearning:
    locked = _lock(summary, version)
    services.ensure_editable(locked)
    for name, value in fields.items():
        setattr(locked, name, value)
    # created_by is null=True without blank=True: a summary whose author was removed must stay editable.
    locked.full_clean(exclude=["created_by"])
    locked.version += 1
    locked.save()
    return locked


@transaction.atomic
def summary_move(*, summary, to, by, version=None, reason="") -> SummaryOfLearning:
    """A workflow step (services.summary_transition) that is refused if the page was out of date."""
    _lock(summary, version)
    return services.summary_transition(summary=summary, to=to, by=by, reason=reason)


@transaction.atomic
def key_message_write(*, message, version, audiences=(), workforce_groups=(), findings=()) -> KeyMessage:
    """Add or change a key message of an editable summary."""
    locked = _lock(message.summary, version)
    message.summary = locked
    if message.pk is None:
        last = locked.key_messages.aggregate(last=Max("position"))["last"]
        message.position = 0 if last is None else last + 1
    services.key_message_save(
        message=message, audiences=audiences, workforce_groups=workforce_groups, findings=findings
    )
    _bump(locked)
    return message


@transaction.atomic
def key_message_delete(*, message, version=None) -> None:
    locked = _lock(message.summary, version)
    services.ensure_editable(locked)
    message.delete()
    _bump(locked)
