"""The audit trail (django-auditlog, see docs/adr/0003-audit-trail.md).

Creates, updates and deletes of registered models are recorded by auditlog with the actor and their IP
address (AuditlogMiddleware). Views of restricted records are recorded here with `record_view`.
No page edits or deletes audit rows; the admin registration is read-only.
"""

import django_filters
from auditlog.models import LogEntry
from django import forms
from django.contrib.contenttypes.models import ContentType

from .filters import GovukFilterSet, SearchFilter
from .govuk_forms import GovukDateField


def mask_restricted(value: str) -> str:
    """Restricted details are never repeated in the audit trail: only the fact that they changed."""
    return "(restricted)"


def record_view(request, obj):
    """Log that the signed-in user viewed a restricted record."""
    LogEntry.objects.log_create(
        obj,
        action=LogEntry.Action.ACCESS,
        changes=None,
        actor=request.user,
        remote_addr=request.META.get("REMOTE_ADDR"),
        force_log=True,
    )


def _record_types():
    types = ContentType.objects.filter(pk__in=LogEntry.objects.values("content_type").distinct()).order_by(
        "app_label", "model"
    )
    return [(str(ct.pk), ct.name.capitalize()) for ct in types]


class GovukDateFilter(django_filters.Filter):
    field_class = GovukDateField


class _AuditFilterForm(forms.Form):
    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_to"] < data["date_from"]:
            self.add_error("date_to", "The ‘to’ date must be on or after the ‘from’ date")
        return data


class AuditFilterSet(GovukFilterSet):
    q = SearchFilter(label="Record or person", fields=("object_repr", "actor__full_name", "actor__email"))
    action = django_filters.ChoiceFilter(
        label="What happened",
        choices=[(str(v), label.capitalize()) for v, label in LogEntry.Action.choices],
        empty_label="Any",
    )
    record_type = django_filters.ChoiceFilter(
        label="Type of record", field_name="content_type_id", choices=_record_types, empty_label="Any"
    )
    date_from = GovukDateFilter(label="From", field_name="timestamp", lookup_expr="date__gte")
    date_to = GovukDateFilter(label="To", field_name="timestamp", lookup_expr="date__lte")

    class Meta:
        form = _AuditFilterForm


def audit_entries():
    return LogEntry.objects.select_related("actor", "content_type").order_by("-timestamp", "-pk")
