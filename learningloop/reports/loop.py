"""The stored loop of each key message (models.KeyMessageLoop, ADR 0044): counted again from the
dissemination plans, communications, training sessions, accepted responses and evidence of impact whenever
a write touches them (learning.loop.loop_touched runs `loop_update` for the key messages it names), and for
every key message at once by the generator, the demo seed and a data fix (`loop_update()`).

The rule of each stage is here, once; reports.trail.with_loop_status turns the stored columns into the
status."""

from django.db import transaction
from django.db.models import Exists, OuterRef, Subquery

from learningloop.assurance.models import AssuranceEvidence
from learningloop.dissemination.models import (
    AgencyResponse,
    AudiencePlan,
    Communication,
    CommunicationStatus,
    ResponseStatus,
)
from learningloop.learning.models import KeyMessage
from learningloop.performance.models import ImpactEvidence
from learningloop.workforce.models import SessionStatus, TrainingSession

from .models import KeyMessageLoop

COLUMNS = ("planned", "communicated", "trained_from", "embedded", "evidenced")


def counted(queryset):
    """Key messages annotated with what their loop is built from, read from the areas' own tables."""
    message = OuterRef("pk")
    # Planned: a dissemination plan row for it has at least one communication method chosen.
    planned = AudiencePlan.objects.filter(message_plan__key_message=message, methods__isnull=False)
    # Disseminated: one of its communications is done, or (from its date) a scheduled session of a course
    # carrying it: multi-agency training counts as dissemination.
    communicated = Communication.objects.filter(
        audience_plan__message_plan__key_message=message, status=CommunicationStatus.DONE
    )
    first_session = (
        TrainingSession.objects.filter(course__key_messages=message, status=SessionStatus.SCHEDULED)
        .order_by("date")
        .values("date")[:1]
    )
    # Embedded: an agency's response to a request including it has been accepted.
    embedded = AgencyResponse.objects.filter(request__key_messages=message, status=ResponseStatus.ACCEPTED)
    # Evidenced: an indicator it names moved the desired way between the baseline and follow-up periods
    # (performance.services.impact_evidence_update), or an audit domain or survey question did (ADR 0033).
    impact = ImpactEvidence.objects.filter(key_message=message, desired=True)
    assured = AssuranceEvidence.objects.filter(key_message=message, desired=True)
    return queryset.annotate(
        counted_planned=Exists(planned),
        counted_communicated=Exists(communicated),
        counted_trained_from=Subquery(first_session),
        counted_embedded=Exists(embedded),
        counted_evidenced=Exists(impact) | Exists(assured),
    )


@transaction.atomic
def loop_update(*, key_message_ids=None) -> int:
    """Count these key messages' loops again (every key message when None) and store them: one upsert, and
    the rows of messages that have reached nothing removed. Returns how many of them have a stored loop.

    The key messages' rows are locked first, in id order, so two writes touching the same message queue and
    the second counts what the first saved (PostgreSQL: the count is a statement after the lock)."""
    messages = KeyMessage.objects.order_by("pk")
    if key_message_ids is not None:
        messages = messages.filter(pk__in=list(key_message_ids))
        list(messages.select_for_update().values_list("pk", flat=True))
    found = counted(messages).values_list("pk", *(f"counted_{name}" for name in COLUMNS))
    rows, empty = [], []
    for pk, *values in found:
        if any(values):
            rows.append(KeyMessageLoop(pk, *values))
        else:
            empty.append(pk)
    if key_message_ids is None:
        KeyMessageLoop.objects.all().delete()
    elif empty:
        KeyMessageLoop.objects.filter(pk__in=empty).delete()
    KeyMessageLoop.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["key_message"],
        update_fields=list(COLUMNS),
        batch_size=500,
    )
    return len(rows)
