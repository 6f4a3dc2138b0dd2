"""The Learning Dissemination Action Plan pages (Appendix C): the plans, a key message's purpose with its
audience rows, tracked communications, and the Word and PDF downloads. Views stay thin: forms validate,
services_plans writes, documents presents."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from learningloop.core.access import get_visible_or_404, require
from learningloop.core.breadcrumbs import breadcrumbs
from learningloop.core.concurrency import EditConflict, conflict_response
from learningloop.core.govuk_forms import error_summary_params
from learningloop.core.pagination import paginate
from learningloop.core.policy import can, state_allows, state_rule
from learningloop.core.stored_files import attachment_response
from learningloop.core.views_kit import apply_errors, bound, edit_with_conflict
from learningloop.learning.models import SummaryOfLearning, SummaryStatus

from ..filters import PlanFilterSet
from ..models import AudiencePlan, Communication, DisseminationPlan, MessagePlan
from . import documents
from . import services as services_plans
from .forms import (
    CommunicationCreateForm,
    CommunicationEditForm,
    MessagePlanForm,
    audience_forms,
)

GET_POST = ["GET", "POST"]


def _crumbs(*items):
    return breadcrumbs(
        ("Home", reverse("home")), ("Dissemination plans", reverse("dissemination:plan_list")), *items
    )


def _plan_crumb(plan):
    return (plan.summary.title, reverse("dissemination:plan_detail", args=[plan.pk]))


# --- The plans ---


@require_GET
@require("dissemination.view")
def plan_list(request):
    today = timezone.localdate()
    filters = PlanFilterSet(request=request, queryset=DisseminationPlan.objects.visible_to(request.user))
    page, pagination = paginate(
        request,
        filters.qs.order_by("-created_at", "-pk"),
        rows=lambda rows: rows.list_rows(today),
    )
    can_manage = can(request.user, "dissemination.manage")
    without_plan = (
        SummaryOfLearning.objects.visible_to(request.user)
        .filter(status=SummaryStatus.ACCEPTED, dissemination_plan__isnull=True)
        .annotate(message_count=Count("key_messages"))
        .order_by("title", "pk")
        .values("pk", "title", "subgroup__name", "message_count")
    )
    return render(
        request,
        "dissemination/plan_list.html",
        {
            "form": filters.form,
            "page": page,
            "pagination": pagination,
            "without_plan": list(without_plan),
            "can_manage": can_manage,
            "crumbs": _crumbs(),
        },
    )


@require_POST
@require("dissemination.manage")
def plan_create(request, summary_pk):
    summary = get_visible_or_404(SummaryOfLearning.objects, request.user, pk=summary_pk)
    if not state_allows("dissemination.manage", summary):
        detail = reverse("learning:summary_detail", args=[summary.pk])
        return render(
            request,
            "learning/summary_refused.html",
            {"summary": summary, "title": "This summary cannot have a dissemination plan yet",
             "text": state_rule("dissemination.manage", summary).refusal,
             "crumbs": [{"text": summary.title, "href": detail}, {"text": "Dissemination plan"}]},
            status=409,
        )  # fmt: skip
    try:
        plan, created = services_plans.plan_create_for_summary(summary=summary, by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect("learning:summary_detail", pk=summary.pk)
    if created:
        messages.success(request, "Dissemination plan created")
    else:
        messages.info(request, "This summary already has a dissemination plan")
    return redirect("dissemination:plan_detail", pk=plan.pk)


def _plan_page_data(plan, today):
    data = documents.appendix_c(plan)
    for table in data["tables"]:
        for row in table.rows:
            row.communications = [
                (c, documents.communication_status(c, today)) for c in row.audience_plan.communications.all()
            ]
    return data


@require_GET
@require("dissemination.view")
def plan_detail(request, pk):
    plan = get_visible_or_404(documents.with_plan_data(DisseminationPlan.objects), request.user, pk=pk)
    today = timezone.localdate()
    return render(
        request,
        "dissemination/plan_detail.html",
        {
            "plan": plan,
            **_plan_page_data(plan, today),
            "can_manage": can(request.user, "dissemination.manage"),
            "crumbs": _crumbs((plan.summary.title, None)),
        },
    )


# --- A key message's purpose and audience rows ---


def _combined_error_summary(forms):
    """One error summary for the purpose form and the audience forms together (None when all is well)."""
    items = [item for form in forms if form.is_bound for item in error_summary_params(form)["errorList"]]
    return {"titleText": "There is a problem", "errorList": items} if items else None


def _message_plan(request, pk):
    message_plan = MessagePlan.objects.select_related("plan__summary", "key_message").filter(pk=pk).first()
    # A row is visible exactly when its plan is.
    plan = get_visible_or_404(
        DisseminationPlan.objects.select_related("summary"),
        request.user,
        pk=message_plan.plan_id if message_plan else None,
    )
    message_plan.plan = plan
    return message_plan


def _message_plan_conflict(request, message_plan, form, rows, conflict, edit_url, back_url):
    """Both versions of the key message's row side by side; nothing was saved."""
    saved_rows = {
        ap.pk: ap for ap in AudiencePlan.objects.filter(message_plan=message_plan).prefetch_related("methods")
    }
    message_plan.refresh_from_db(fields=["purpose"])
    table = [
        {"label": "Purpose", "yours": form.cleaned_data.get("purpose") or "Not set",
         "saved": message_plan.purpose or "Not set"},
    ]  # fmt: skip
    for row in rows:
        saved = saved_rows.get(row.audience_plan.pk)
        name = row.audience_plan.audience.name
        yours_methods = ", ".join(m.name for m in row.cleaned_data.get("methods") or []) or "None"
        saved_methods = ", ".join(m.name for m in saved.methods.all()) if saved else ""
        table.append({"label": f"Communication methods: {name}", "yours": yours_methods,
                      "saved": saved_methods or "None"})  # fmt: skip
        table.append({"label": f"Measures of success: {name}",
                      "yours": row.cleaned_data.get("measures_of_success") or "Not set",
                      "saved": (saved.measures_of_success if saved else "") or "Not set"})  # fmt: skip
    for item in table:
        item["differs"] = item["yours"] != item["saved"]
    return conflict_response(
        request, form, conflict, title="This dissemination plan", edit_url=edit_url, back_url=back_url,
        rows=table,
    )  # fmt: skip


@require_http_methods(GET_POST)
@require("dissemination.manage")
def message_plan_edit(request, pk):
    message_plan = _message_plan(request, pk)
    plan = message_plan.plan
    message_plan_rows = MessagePlan.objects.prefetch_related(
        "audience_plans__audience", "audience_plans__methods"
    ).get(pk=message_plan.pk)
    data = bound(request)[0]
    form = MessagePlanForm(data, plan=plan, initial={"purpose": message_plan.purpose})
    rows = audience_forms(data, message_plan_rows)
    detail = reverse("dissemination:plan_detail", args=[plan.pk])
    edit_url = reverse("dissemination:message_plan_edit", args=[pk])
    if request.method == "POST":
        valid = form.is_valid()
        valid = all([row.is_valid() for row in rows]) and valid
        if valid:
            try:
                services_plans.message_plan_save(
                    message_plan=message_plan,
                    purpose=form.cleaned_data["purpose"],
                    audiences=[
                        (
                            row.audience_plan,
                            row.cleaned_data["methods"],
                            row.cleaned_data["measures_of_success"],
                        )
                        for row in rows
                    ],
                    expected_version=form.cleaned_data["version"],
                )
            except EditConflict as conflict:
                return _message_plan_conflict(request, message_plan, form, rows, conflict, edit_url, detail)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, "Key message plan saved")
                return redirect(f"{detail}#message-{message_plan.pk}")
    return render(
        request,
        "dissemination/message_plan_edit.html",
        {
            "form": form,
            "rows": rows,
            "plan": plan,
            "message_plan": message_plan,
            "error_summary": _combined_error_summary([form, *rows]),
            "can_extend_methods": can(request.user, "framework.manage"),
            "cancel_url": detail,
            "crumbs": _crumbs(_plan_crumb(plan), ("Edit key message plan", None)),
        },
    )


# --- Communications ---


def _audience_plan(request, pk):
    audience_plan = (
        AudiencePlan.objects.select_related("audience", "message_plan__key_message").filter(pk=pk).first()
    )
    plan = get_visible_or_404(
        DisseminationPlan.objects.select_related("summary"),
        request.user,
        pk=audience_plan.message_plan.plan_id if audience_plan else None,
    )
    return audience_plan, plan


@require_http_methods(GET_POST)
@require("dissemination.manage")
def communication_create(request, pk):
    audience_plan, plan = _audience_plan(request, pk)
    communication = Communication(audience_plan=audience_plan)
    chosen = list(audience_plan.methods.order_by("position", "name")[:1])
    form = CommunicationCreateForm(
        *bound(request), instance=communication, initial={"method": chosen[0].pk if chosen else None}
    )
    detail = reverse("dissemination:plan_detail", args=[plan.pk])
    if request.method == "POST" and form.is_valid():
        try:
            services_plans.communication_save(communication=form.save(commit=False))
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Communication added")
            return redirect(f"{detail}#message-{audience_plan.message_plan_id}")
    return render(
        request,
        "dissemination/communication_form.html",
        {
            "form": form,
            "plan": plan,
            "audience_plan": audience_plan,
            "title": "Add a communication",
            "caption": documents.audience_label(audience_plan.audience),
            "button": "Save communication",
            "cancel_url": detail,
            "crumbs": _crumbs(_plan_crumb(plan), ("Add a communication", None)),
        },
    )


def _communication(request, pk):
    communication = (
        Communication.objects.select_related(
            "method", "audience_plan__audience", "audience_plan__message_plan"
        )
        .filter(pk=pk)
        .first()
    )
    # Visible through its own scoped queryset and its plan's.
    get_visible_or_404(Communication.objects, request.user, pk=communication.pk if communication else None)
    plan = get_visible_or_404(
        DisseminationPlan.objects.select_related("summary"),
        request.user,
        pk=communication.audience_plan.message_plan.plan_id,
    )
    return communication, plan


@require_http_methods(GET_POST)
@require("dissemination.manage")
def communication_edit(request, pk):
    communication, plan = _communication(request, pk)
    detail = reverse("dissemination:plan_detail", args=[plan.pk])
    return edit_with_conflict(
        request,
        CommunicationEditForm(*bound(request), instance=communication),
        lambda form: services_plans.communication_save(
            communication=form.save(commit=False), expected_version=form.cleaned_data["version"]
        ),
        template="dissemination/communication_form.html",
        context={
            "plan": plan,
            "audience_plan": communication.audience_plan,
            "communication": communication,
            "title": "Update a communication",
            "caption": f"{communication.method.name}: {communication.description}",
            "button": "Save communication",
            "cancel_url": detail,
            "crumbs": _crumbs(_plan_crumb(plan), ("Update a communication", None)),
        },
        what="This communication",
        success_url=f"{detail}#message-{communication.audience_plan.message_plan_id}",
        success_message="Communication updated",
        back_url=detail,
    )


# --- Downloads ---


def _download(request, pk, extension):
    plan = get_visible_or_404(documents.with_plan_data(DisseminationPlan.objects), request.user, pk=pk)
    build = documents.build_docx if extension == "docx" else documents.build_pdf
    return attachment_response(
        build(plan),
        filename=documents.filename(plan, extension),
        content_type=documents.CONTENT_TYPES[extension],
    )


@require_GET
@require("dissemination.view")
def plan_docx(request, pk):
    return _download(request, pk, "docx")


@require_GET
@require("dissemination.view")
def plan_pdf(request, pk):
    return _download(request, pk, "pdf")
