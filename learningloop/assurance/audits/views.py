"""Multi-agency audit pages: the programme, an audit with its timetable, case sample, results per domain,
findings (into the learning register) and action plans (improvement), the agencies' grading, the
moderation's agreed grades and the restricted case details."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from learningloop.core.access import require
from learningloop.core.audit import record_view
from learningloop.core.breadcrumbs import breadcrumbs
from learningloop.core.policy import PARTNERSHIP_WIDE, can, has_any_role
from learningloop.core.views_kit import apply_errors, bound, edit_with_conflict

from ..models import Audit, AuditCase, AuditCaseDetails, Grade, Grading, ModeratedGrade
from ..pages import form_page
from ..presenters import grade_tag
from . import services
from .forms import (
    AuditFindingForm,
    AuditForm,
    CaseDetailsForm,
    CaseForm,
    CaseModerationForm,
    GradingForm,
    MilestoneForm,
)

GET_POST = ["GET", "POST"]
AUDITS = ("Audits", reverse_lazy("assurance:audit_list"))


def _audit(pk):
    return get_object_or_404(Audit.objects.select_related("activity"), pk=pk)


def _audit_crumb(audit):
    return (audit.activity.title, reverse("assurance:audit_detail", args=[audit.pk]))


def _case(pk):
    return get_object_or_404(AuditCase.objects.select_related("audit", "audit__activity"), pk=pk)


@require_GET
@require("assurance.view")
def audit_list(request):
    audits = Audit.objects.select_related("activity").annotate(case_count=Count("cases", distinct=True))
    return render(
        request,
        "assurance/audit_list.html",
        {"audits": audits, "can_manage": can(request.user, "assurance.manage")},
    )


@require_http_methods(GET_POST)
@require("assurance.manage")
def audit_create(request):
    form = AuditForm(*bound(request))
    if request.method == "POST" and form.is_valid():
        try:
            audit = services.audit_create(**form.cleaned_data, by=request.user)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Audit created with the audit tool's usual domains")
            return redirect("assurance:audit_detail", pk=audit.pk)
    return form_page(
        request,
        form,
        title="Plan a multi-agency audit",
        button="Create the audit",
        crumbs=breadcrumbs(AUDITS, ("New audit", None)),
        cancel_url=AUDITS[1],
    )


def results(audit, domains):
    """Per domain: how many agency gradings and agreed grades of each grade (two queries)."""
    graded, agreed = {}, {}
    for row in Grading.objects.filter(case__audit=audit).values("domain_id", "grade").annotate(n=Count("pk")):
        graded[(row["domain_id"], row["grade"])] = row["n"]
    for row in (
        ModeratedGrade.objects.filter(case__audit=audit).values("domain_id", "grade").annotate(n=Count("pk"))
    ):
        agreed[(row["domain_id"], row["grade"])] = row["n"]
    return [
        {
            "domain": d,
            "graded": [graded.get((d.pk, g), 0) for g in Grade.values],
            "agreed": [agreed.get((d.pk, g), 0) for g in Grade.values],
        }
        for d in domains
    ]


def results_chart(audit, rows):
    """Per domain, the share of agency grades that were good or outstanding (the table beside it has every
    count)."""
    from learningloop.core.charts import bar_chart

    values = []
    for row in rows:
        total = sum(row["graded"])
        values.append(round(100 * (row["graded"][0] + row["graded"][1]) / total) if total else None)
    if not any(v is not None for v in values):
        return None
    return bar_chart(
        title=f"{audit.activity.title}: agency grades good or outstanding, by domain",
        categories=[row["domain"].name for row in rows],
        values=values,
        unit="%",
    )


@require_GET
@require("assurance.view")
def audit_detail(request, pk):
    today = timezone.localdate()
    audit = _audit(pk)
    domains = list(audit.domains.all())
    cases = list(audit.cases.prefetch_related("moderated"))
    agencies = list(audit.agencies.all())
    user = request.user
    own = [a for a in agencies if a.pk == user.agency_id]
    rows = results(audit, domains)
    return render(
        request,
        "assurance/audit_detail.html",
        {
            "audit": audit,
            "domains": domains,
            "agencies": agencies,
            "milestones": [{"m": m, "status": m.deadline_status(today)} for m in audit.milestones.all()],
            "cases": [
                {"case": c, "agreed": {m.domain_id: grade_tag(m.grade) for m in c.moderated.all()}}
                for c in cases
            ],
            "results": rows,
            "chart": results_chart(audit, rows),
            "grades": Grade.choices,
            "findings": list(audit.activity.findings.prefetch_related("themes")),
            "plans": list(audit.activity.action_plans.all()),
            "grade_for": agencies if has_any_role(user, PARTNERSHIP_WIDE) else own,
            "can_manage": can(user, "assurance.manage"),
            "can_grade": can(user, "assurance.grade"),
            "can_see_restricted": can(user, "restricted.view"),
            "crumbs": breadcrumbs(AUDITS, (audit.activity.title, None)),
        },
    )


@require_http_methods(GET_POST)
@require("assurance.manage")
def milestone_create(request, pk):
    audit = _audit(pk)
    form = MilestoneForm(*bound(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.milestone_add(audit=audit, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Step added to the timetable")
            return redirect("assurance:audit_detail", pk=audit.pk)
    return form_page(
        request,
        form,
        title="Add a step to the timetable",
        button="Add the step",
        caption=audit.activity.title,
        crumbs=breadcrumbs(AUDITS, _audit_crumb(audit), ("New step", None)),
        cancel_url=reverse("assurance:audit_detail", args=[audit.pk]),
    )


@require_http_methods(GET_POST)
@require("assurance.manage")
def case_create(request, pk):
    audit = _audit(pk)
    form = CaseForm(*bound(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.case_add(audit=audit, reference=form.cleaned_data["reference"])
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Case added to the sample")
            return redirect("assurance:audit_detail", pk=audit.pk)
    return form_page(
        request,
        form,
        title="Add a case to the sample",
        button="Add the case",
        caption=audit.activity.title,
        crumbs=breadcrumbs(AUDITS, _audit_crumb(audit), ("New case", None)),
        cancel_url=reverse("assurance:audit_detail", args=[audit.pk]),
    )


@never_cache
@require_http_methods(GET_POST)
def case_details(request, pk):
    """Restricted: what identifies the case. Hidden (404) from anyone without restricted.view; changed
    only under restricted.change; every view is written to the audit trail."""
    if not can(request.user, "restricted.view"):
        raise Http404
    case = _case(pk)
    may_change = can(request.user, "restricted.change")
    if request.method == "POST" and not may_change:
        raise PermissionDenied
    details = AuditCaseDetails.objects.filter(case=case).first() or AuditCaseDetails(case=case)
    if request.method == "GET":
        record_view(request, details if details.pk else case.audit)
    back = reverse("assurance:audit_detail", args=[case.audit_id])
    return edit_with_conflict(
        request,
        CaseDetailsForm(*bound(request), instance=details),
        lambda form: services.case_details_save(
            details=form.instance, expected_version=form.cleaned_data.get("version")
        ),
        template="assurance/case_details.html",
        context={
            "details": details,
            "case": case,
            "may_change": may_change,
            "cancel_url": back,
            "crumbs": breadcrumbs(
                AUDITS, _audit_crumb(case.audit), (f"{case.reference}: restricted details", None)
            ),
        },
        what="These restricted details",
        success_url=back,
        success_message="Restricted details saved",
        on_conflict=lambda conflict: record_view(request, conflict.saved),
    )


@require_http_methods(GET_POST)
@require("assurance.grade")
def case_grade(request, pk, agency_pk):
    """One agency's grading of one case. An agency's lead grades for their own agency only (403 for
    another); an agency not taking part is not found."""
    case = _case(pk)
    agency = get_object_or_404(case.audit.agencies.all(), pk=agency_pk)
    if not has_any_role(request.user, PARTNERSHIP_WIDE) and agency.pk != request.user.agency_id:
        raise PermissionDenied
    domains = list(case.audit.domains.all())
    existing = {g.domain_id: (g.grade, g.rationale) for g in Grading.objects.filter(case=case, agency=agency)}
    form = GradingForm(*bound(request), domains=domains, existing=existing)
    if request.method == "POST" and form.is_valid():
        try:
            services.grading_save(case=case, agency=agency, grades=form.grades, by=request.user)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"{agency.name}'s grades for {case.reference} saved")
            return redirect("assurance:audit_detail", pk=case.audit_id)
    return form_page(
        request,
        form,
        title=f"Grade {case.reference}",
        button="Save the grades",
        caption=f"{case.audit.activity.title}: {agency.name}",
        crumbs=breadcrumbs(AUDITS, _audit_crumb(case.audit), (f"Grade {case.reference}", None)),
        cancel_url=reverse("assurance:audit_detail", args=[case.audit_id]),
    )


@require_http_methods(GET_POST)
@require("assurance.manage")
def case_moderate(request, pk):
    case = _case(pk)
    domains = list(case.audit.domains.all())
    gradings = list(Grading.objects.filter(case=case).select_related("agency", "domain"))
    form = CaseModerationForm(*bound(request), domains=domains)
    if request.method == "POST" and form.is_valid():
        try:
            services.moderation_record(
                case=case, agreed=form.agreed, held_on=form.cleaned_data["held_on"], by=request.user
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"Agreed grades for {case.reference} recorded")
            return redirect("assurance:audit_detail", pk=case.audit_id)
    return render(
        request,
        "assurance/case_moderate.html",
        {
            "form": form,
            "case": case,
            "gradings": gradings,
            "grade_tag": grade_tag,
            "crumbs": breadcrumbs(AUDITS, _audit_crumb(case.audit), (f"Moderate {case.reference}", None)),
            "cancel_url": reverse("assurance:audit_detail", args=[case.audit_id]),
        },
    )


@require_http_methods(GET_POST)
@require("assurance.manage")
def audit_finding_create(request, pk):
    audit = _audit(pk)
    form = AuditFindingForm(*bound(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.finding_add(
                audit=audit,
                text=form.cleaned_data["text"],
                kind=form.cleaned_data["kind"],
                themes=form.cleaned_data["themes"],
                by=request.user,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Finding added to the learning register")
            return redirect("assurance:audit_detail", pk=audit.pk)
    return form_page(
        request,
        form,
        title="Record a finding of the audit",
        button="Add the finding",
        caption=audit.activity.title,
        crumbs=breadcrumbs(AUDITS, _audit_crumb(audit), ("New finding", None)),
        cancel_url=reverse("assurance:audit_detail", args=[audit.pk]),
    )
