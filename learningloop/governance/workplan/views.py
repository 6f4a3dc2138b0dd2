"""The annual work plan, the risk and barrier log, and highlight reports to the Executive."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from learningloop.core.access import get_visible_or_404, require
from learningloop.core.breadcrumbs import breadcrumbs
from learningloop.core.concurrency import EditConflict, conflict_message, conflict_response
from learningloop.core.pagination import paginate
from learningloop.core.policy import WRONG_STATE, can, state_rule, why_not
from learningloop.core.stored_files import attachment_response
from learningloop.core.views_kit import apply_errors, bound, edit_with_conflict

from .. import presenters
from ..filters import WorkPlanFilterSet
from ..models import HighlightReport, RiskItem, WorkPlanActivity, WorkPlanItem
from . import documents, services
from .forms import HighlightCreateForm, HighlightEditForm, RiskForm, WorkPlanItemForm

VIEW = "governance.view"
GET_POST = ["GET", "POST"]
WORK_PLAN = ("Work plan", reverse_lazy("governance:workplan"))
RISKS = ("Risks and barriers", reverse_lazy("governance:risk_list"))
REPORTS = ("Highlight reports", reverse_lazy("governance:highlight_list"))


def _form_page(request, form, *, title, crumbs, cancel_url, button, status=200):
    return render(
        request,
        "governance/form.html",
        {"form": form, "title": title, "crumbs": crumbs, "cancel_url": cancel_url, "button": button},
        status=status,
    )


@require_GET
@require(VIEW)
def workplan(request):
    filters = WorkPlanFilterSet(
        request=request,
        queryset=WorkPlanItem.objects.visible_to(request.user).select_related("group", "owner"),
    )
    today = timezone.localdate()
    # 50 a page in the order the page has always shown (the activities as the terms of reference list them,
    # then by due date), each page's items under their activity: the page no longer grows with the years.
    page, pagination = paginate(request, filters.qs.in_plan_order())
    items = list(page.object_list)
    grouped = [
        (label, [(i, i.deadline_status(today)) for i in items if i.activity == value])
        for value, label in WorkPlanActivity.choices
    ]
    return render(
        request,
        "governance/workplan.html",
        {
            "form": filters.form,
            "grouped": grouped,
            "count": page.paginator.count,
            "pagination": pagination,
            "can_manage": can(request.user, "workplan.manage"),
            "tags": presenters,
            "crumbs": breadcrumbs((WORK_PLAN[0], None)),
        },
    )


def _create(request, form, save, *, title, crumbs, cancel_url, button, message, success_url):
    if request.method == "POST" and form.is_valid():
        try:
            save(form.save(commit=False))
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, message)
            return redirect(success_url)
    return _form_page(request, form, title=title, crumbs=crumbs, cancel_url=cancel_url, button=button)


@require_http_methods(GET_POST)
@require("workplan.manage")
def workplan_item_create(request):
    return _create(
        request,
        WorkPlanItemForm(*bound(request), initial={"year": timezone.localdate().year}),
        lambda item: services.work_plan_item_save(item=item),
        title="Add a work plan item",
        crumbs=breadcrumbs(WORK_PLAN, ("Add", None)),
        cancel_url=WORK_PLAN[1],
        button="Add item",
        message="Work plan item added",
        success_url=WORK_PLAN[1],
    )


@require_http_methods(GET_POST)
@require("workplan.manage")
def workplan_item_edit(request, pk):
    item = get_visible_or_404(WorkPlanItem.objects, request.user, pk=pk)
    return edit_with_conflict(
        request,
        WorkPlanItemForm(*bound(request), instance=item),
        lambda form: services.work_plan_item_save(
            item=form.save(commit=False), expected_version=form.cleaned_data.get("version")
        ),
        template="governance/form.html",
        context={
            "title": "Edit work plan item",
            "crumbs": breadcrumbs(WORK_PLAN, ("Edit", None)),
            "cancel_url": WORK_PLAN[1],
            "button": "Save item",
        },
        what="This work plan item",
        success_url=WORK_PLAN[1],
        success_message="Work plan item updated",
    )


@require_GET
@require(VIEW)
def risk_list(request):
    page, pagination = paginate(
        request, RiskItem.objects.visible_to(request.user).select_related("group", "owner")
    )
    return render(
        request,
        "governance/risk_list.html",
        {
            "page": page,
            "pagination": pagination,
            "can_manage": can(request.user, "risks.manage"),
            "tags": presenters,
            "crumbs": breadcrumbs((RISKS[0], None)),
        },
    )


@require_http_methods(GET_POST)
@require("risks.manage")
def risk_create(request):
    return _create(
        request,
        RiskForm(*bound(request)),
        lambda risk: services.risk_save(risk=risk),
        title="Add a risk or barrier",
        crumbs=breadcrumbs(RISKS, ("Add", None)),
        cancel_url=RISKS[1],
        button="Add risk",
        message="Risk added",
        success_url=RISKS[1],
    )


@require_http_methods(GET_POST)
@require("risks.manage")
def risk_edit(request, pk):
    risk = get_visible_or_404(RiskItem.objects, request.user, pk=pk)
    return edit_with_conflict(
        request,
        RiskForm(*bound(request), instance=risk),
        lambda form: services.risk_save(
            risk=form.save(commit=False), expected_version=form.cleaned_data.get("version")
        ),
        template="governance/form.html",
        context={
            "title": f"Edit {risk.title}",
            "crumbs": breadcrumbs(RISKS, ("Edit", None)),
            "cancel_url": RISKS[1],
            "button": "Save risk",
        },
        what="This risk",
        success_url=RISKS[1],
        success_message="Risk updated",
    )


@require_GET
@require(VIEW)
def highlight_list(request):
    reports = HighlightReport.objects.visible_to(request.user).select_related(
        "group", "executive_meeting", "executive_meeting__group"
    )
    page, pagination = paginate(request, reports)
    return render(
        request,
        "governance/highlight_list.html",
        {
            "page": page,
            "pagination": pagination,
            "can_manage": can(request.user, "highlight.manage"),
            "tags": presenters,
            "crumbs": breadcrumbs((REPORTS[0], None)),
        },
    )


def _report(request, pk):
    return get_visible_or_404(
        HighlightReport.objects.select_related("group", "executive_meeting", "executive_meeting__group"),
        request.user,
        pk=pk,
    )


def _report_url(report):
    return reverse("governance:highlight_detail", args=[report.pk])


@require_http_methods(GET_POST)
@require("highlight.manage")
def highlight_create(request):
    form = HighlightCreateForm(*bound(request))
    if request.method == "POST" and form.is_valid():
        try:
            report = services.highlight_report_create(
                group=form.cleaned_data["group"],
                executive_meeting=form.cleaned_data["executive_meeting"],
                by=request.user,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request, "Highlight report drafted from the latest records: check and edit it, then issue it"
            )
            return redirect(_report_url(report))
    return _form_page(
        request,
        form,
        title="Draft a highlight report",
        crumbs=breadcrumbs(REPORTS, ("Draft", None)),
        cancel_url=REPORTS[1],
        button="Draft the report",
    )


def _detail(request, report, errors=None, status=200):
    return render(
        request,
        "governance/highlight_detail.html",
        {
            "report": report,
            "errors": errors or [],
            "is_draft": report.status == "draft",
            "can_manage": can(request.user, "highlight.manage"),
            "tags": presenters,
            "crumbs": breadcrumbs(REPORTS, (str(report), None)),
        },
        status=status,
    )


@require_GET
@require(VIEW)
def highlight_detail(request, pk):
    return _detail(request, _report(request, pk))


@require_http_methods(GET_POST)
@require("highlight.manage")
def highlight_edit(request, pk):
    report = _report(request, pk)
    if why_not(request.user, "highlight.manage", report) == WRONG_STATE:
        if request.method == "POST":
            return _detail(
                request, report, errors=[{"text": state_rule("highlight.manage", report).refusal}], status=409
            )
        return _detail(request, report, errors=[{"text": state_rule("highlight.manage", report).refusal}])
    form = HighlightEditForm(*bound(request), instance=report)
    detail = _report_url(report)
    context = {
        "title": f"Edit {report}",
        "crumbs": breadcrumbs(REPORTS, (str(report), detail), ("Edit", None)),
        "cancel_url": detail,
        "button": "Save report",
        "form": form,
    }
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                services.highlight_report_update(
                    report=report, texts=form.texts(), expected_version=form.cleaned_data.get("version")
                )
        except EditConflict as conflict:
            # The sections are not model fields: compare each section's text with the one saved now.
            saved = {s["key"]: s["text"] for s in conflict.saved.sections}
            rows = [
                {
                    "label": s["heading"],
                    "yours": form.texts().get(s["key"], ""),
                    "saved": saved.get(s["key"], ""),
                    "differs": form.texts().get(s["key"], "") != saved.get(s["key"], ""),
                }
                for s in report.sections
            ]
            return conflict_response(
                request,
                form,
                conflict,
                title="This highlight report",
                edit_url=request.get_full_path(),
                back_url=detail,
                rows=rows,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Highlight report updated")
            return redirect(detail)
    return render(request, "governance/form.html", context)


@require_POST
@require("highlight.manage")
def highlight_issue(request, pk):
    report = _report(request, pk)
    if why_not(request.user, "highlight.manage", report) == WRONG_STATE:
        return _detail(
            request, report, errors=[{"text": state_rule("highlight.manage", report).refusal}], status=409
        )
    posted = request.POST.get("version", "")
    try:
        services.highlight_report_issue(
            report=report, expected_version=int(posted) if posted.isdigit() else 0
        )
    except EditConflict:
        return _detail(
            request, report, errors=[{"text": conflict_message("this highlight report")}], status=409
        )
    except ValidationError as error:
        return _detail(request, report, errors=[{"text": m} for m in error.messages])
    messages.success(request, "Highlight report issued: it can no longer be changed")
    return redirect(_report_url(report))


@require_GET
@require(VIEW)
def highlight_docx(request, pk):
    report = _report(request, pk)
    return attachment_response(
        documents.build_docx(report),
        filename=documents.filename(report, "docx"),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )


@require_GET
@require(VIEW)
def highlight_pdf(request, pk):
    report = _report(request, pk)
    return attachment_response(
        documents.build_pdf(report),
        filename=documents.filename(report, "pdf"),
        content_type="application/pdf",
    )
