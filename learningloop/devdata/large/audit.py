"""Audit trail noise, as django-auditlog would have written it at the time."""

from django.contrib.contenttypes.models import ContentType

from .common import (
    Context,
    bulk,
)


def build_audit(ctx: Context) -> int:
    """Audit trail noise: a create entry for each activity, summary and plan and an update entry for each
    action update, as django-auditlog would have written them at the time."""
    from auditlog.models import LogEntry

    types = {}
    rows = []
    for obj, action, when, actor in ctx.audit:
        model = type(obj)
        if model not in types:
            types[model] = ContentType.objects.get_for_model(model)
        rows.append(
            LogEntry(
                content_type=types[model],
                object_pk=str(obj.pk),
                object_id=obj.pk,
                object_repr=str(obj)[:200],
                action=action,
                changes={},
                actor=actor,
                timestamp=when,
                actor_email=actor.email if actor else None,
            )
        )
    bulk(LogEntry, rows)
    return len(rows)
