"""The audit trail (django-auditlog, see docs/adr/0003-audit-trail.md).

Creates, updates and deletes of registered models are recorded by auditlog with the actor and their IP
address (AuditlogMiddleware below). Views of restricted records are recorded here with `record_view`.
The address is `client_ip`: the same one the sign-in throttles use, taken from X-Forwarded-For only as far
as ALLAUTH_TRUSTED_PROXY_COUNT trusts it (docs/adr/0015-network-trust-and-upload-scanning.md).
No page edits or deletes audit rows; the admin registration is read-only.
"""

import django_filters
from allauth.account.adapter import get_adapter
from auditlog.middleware import AuditlogMiddleware as BaseAuditlogMiddleware
from auditlog.models import LogEntry
from django import forms
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied

from .filters import GovukFilterSet, SearchFilter
from .govuk_forms import GovukDateField


def mask_restricted(value: str) -> str:
    """Restricted details are never repeated in the audit trail: only the fact that they changed."""
    return "(restricted)"


def client_ip(request) -> str | None:
    """The address of the person making the request, as the sign-in throttles see it (django-allauth's
    account adapter): the connecting address, or with ALLAUTH_TRUSTED_PROXY_COUNT = n the n-th entry from
    the right of X-Forwarded-For, which our own proxies wrote. Anything a client put further left is
    ignored. None if no valid address is known."""
    try:
        return get_adapter(request).get_client_ip(request)
    except PermissionDenied:
        return None


class AuditlogMiddleware(BaseAuditlogMiddleware):
    """django-auditlog's middleware, recording the trusted `client_ip` rather than the first (client-chosen)
    entry of X-Forwarded-For, and no port (X-Forwarded-Port is whatever the client sent)."""

    @staticmethod
    def _get_remote_addr(request):
        return None if settings.AUDITLOG_DISABLE_REMOTE_ADDR else client_ip(request)

    @staticmethod
    def _get_remote_port(request):
        return None


def record_view(request, obj):
    """Log that the signed-in user viewed a restricted record."""
    LogEntry.objects.log_create(
        obj,
        action=LogEntry.Action.ACCESS,
        changes=None,
        actor=request.user,
        remote_addr=client_ip(request),
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
