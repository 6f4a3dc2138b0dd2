"""The audit trail (django-auditlog, see docs/adr/0003-audit-trail.md).

Creates, updates and deletes of registered models are recorded by auditlog with the actor and their IP
address (AuditlogMiddleware below). Views of restricted records are recorded here with `record_view`.
The address is `client_ip`: the same one the sign-in throttles use, taken from X-Forwarded-For only as far
as ALLAUTH_TRUSTED_PROXY_COUNT trusts it (docs/adr/0015-network-trust-and-upload-scanning.md).
No page edits or deletes audit rows; the admin registration is read-only.
"""

from allauth.account.adapter import get_adapter
from auditlog.middleware import AuditlogMiddleware as BaseAuditlogMiddleware
from auditlog.models import LogEntry
from django import forms
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Q

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


class AuditFilterForm(forms.Form):
    q = forms.CharField(label="Record or person", required=False, max_length=200)
    action = forms.ChoiceField(
        label="What happened",
        required=False,
        choices=[("", "Any")] + [(str(v), label.capitalize()) for v, label in LogEntry.Action.choices],
    )
    record_type = forms.ChoiceField(label="Type of record", required=False)
    date_from = GovukDateField(label="From", required=False)
    date_to = GovukDateField(label="To", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        types = ContentType.objects.filter(
            pk__in=LogEntry.objects.values("content_type").distinct()
        ).order_by("app_label", "model")
        self.fields["record_type"].choices = [("", "Any")] + [
            (str(ct.pk), ct.name.capitalize()) for ct in types
        ]

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_to"] < data["date_from"]:
            self.add_error("date_to", "The ‘to’ date must be on or after the ‘from’ date")
        return data

    def filter(self, queryset):
        if not self.is_valid():
            return queryset
        data = self.cleaned_data
        if data["q"]:
            queryset = queryset.filter(
                Q(object_repr__icontains=data["q"])
                | Q(actor__full_name__icontains=data["q"])
                | Q(actor__email__icontains=data["q"])
            )
        if data["action"]:
            queryset = queryset.filter(action=int(data["action"]))
        if data["record_type"]:
            queryset = queryset.filter(content_type_id=int(data["record_type"]))
        if data["date_from"]:
            queryset = queryset.filter(timestamp__date__gte=data["date_from"])
        if data["date_to"]:
            queryset = queryset.filter(timestamp__date__lte=data["date_to"])
        return queryset


def audit_entries():
    return LogEntry.objects.select_related("actor", "content_type").order_by("-timestamp", "-pk")
