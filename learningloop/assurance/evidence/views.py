"""Naming (and removing) a key message's evidence of impact from audits and survey questions. The evidence
is shown on the key message's learning trail page (reports), where these forms are linked from."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from learningloop.core.access import require
from learningloop.core.breadcrumbs import breadcrumbs
from learningloop.core.views_kit import apply_errors, bound

from ..models import AssuranceEvidence
from ..pages import form_page
from . import services
from .forms import AuditEvidenceForm, SurveyEvidenceForm

TRAILS = ("Learning trail", "reports:trail_index")


def _initial(request):
    value = request.GET.get("key_message", "")
    return {"key_message": value} if value.isdigit() else {}


def _cancel(request):
    value = request.GET.get("key_message", "")
    return reverse("reports:key_message_trail", args=[value]) if value.isdigit() else reverse(TRAILS[1])


def _add_page(request, form_class, add, *, what):
    """The one add page for both kinds: `add(cleaned_data)` calls the kind's service."""
    form = form_class(*bound(request), initial=_initial(request))
    if request.method == "POST" and form.is_valid():
        try:
            evidence = add(form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Evidence of impact added to the key message's trail")
            return redirect("reports:key_message_trail", pk=evidence.key_message_id)
    return form_page(
        request,
        form,
        title=f"Add evidence of impact from {what}",
        button="Add evidence",
        crumbs=breadcrumbs((TRAILS[0], reverse(TRAILS[1])), (f"Evidence from {what}", None)),
        cancel_url=_cancel(request),
    )


@require_http_methods(["GET", "POST"])
@require("impact.story")
def audit_evidence_add(request):
    """A key message names an audit domain's change between two audits as its evidence of impact."""
    return _add_page(
        request,
        AuditEvidenceForm,
        lambda data: services.audit_evidence_add(
            key_message=data["key_message"],
            baseline_audit=data["baseline_audit"],
            followup_audit=data["followup_audit"],
            domain_name=data["domain"],
            by=request.user,
        ),
        what="audits",
    )


@require_http_methods(["GET", "POST"])
@require("impact.story")
def survey_evidence_add(request):
    """A key message names a survey question's change between two surveys as its evidence of impact."""
    return _add_page(
        request,
        SurveyEvidenceForm,
        lambda data: services.survey_evidence_add(
            key_message=data["key_message"],
            baseline_question=data["baseline_question"],
            followup_question=data["followup_question"],
            favourable_options=data["favourable_options"],
            favourable_from=data["favourable_from"],
            by=request.user,
        ),
        what="surveys",
    )


@require_POST
@require("impact.story")
def assurance_evidence_remove(request, pk):
    evidence = get_object_or_404(AssuranceEvidence.objects.visible_to(request.user), pk=pk)
    services.assurance_evidence_delete(evidence=evidence, by=request.user)
    messages.success(request, "Evidence of impact removed from the key message's trail")
    return redirect("reports:key_message_trail", pk=evidence.key_message_id)
