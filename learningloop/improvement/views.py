"""Improvement plans and actions (seed 1.5). Views compose forms and services and stay thin."""

from types import SimpleNamespace

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from learningloop.core.access import get_visible_or_404, require
from learningloop.core.breadcrumbs import breadcrumbs
from learningloop.core.concurrency import RecordsChanged, records_changed_message
from learningloop.core.pagination import paginate
from learningloop.core.policy import DENIED, can, state_allows, state_rule, why_not
from learningloop.core.spreadsheets import CSV
from learningloop.core.stored_files import child_file_download
from learningloop.core.views_kit import apply_errors, bound, edit_with_conflict
from learningloop.learning.models import CaseReview, Finding, KeyMessage, LearningActivity
from learningloop.partnership.filters import SCHOOLS
from learningloop.partnership.models import Agency

from . import exports, services
from .filters import ActionFilterSet, ActionPlanFilterSet, AgencyActionsFilterSet
from .forms import (
    ActionForm,
    ActionUpdateForm,
    BulkUpdateForm,
    EvidenceForm,
    PlanForm,
    SustainmentForm,
)
from .models import Action, ActionEvidence, ActionPlan, ActionStatus
from .presenters import (
    RAG_CHOICES,
    SOURCE_RELATED,
    action_name,
    action_rag,
    plan_source,
    rag_q,
)

GET_POST = ["GET", "POST"]
PLANS = ("Action plans", reverse_lazy("improvement:plan_list"))
ACTIONS = ("Actions", reverse_lazy("improvement:action_list"))
FORM_TEMPLATE = "improvement/form.html"
ACTION_RELATED = ("plan", "owner_agency", "owner")
# What a row of the action lists reads (actions_table, its RAG and whether the user may update it), so the
# lists do not load every action's evidence and notes, or every column of its plan, agency and owner.
ACTION_ROW_COLUMNS = ("description", "plan__title", "owner_agency__name", "owner__full_name", "due_on",
                      "status", "progress", "sustainment_result", "version")  # fmt: skip


_crumbs = breadcrumbs


def _form_page(request, form, *, title, button, crumbs, cancel_url, **extra):
    context = {"form": form, "title": title, "button": button, "crumbs": crumbs, "cancel_url": cancel_url}
    return render(request, FORM_TEMPLATE, {**context, **extra})


def _plan_crumb(plan):
    return (plan.title, reverse("improvement:plan_detail", args=[plan.pk]))


def _action_crumb(action):
    return (action_name(action), reverse("improvement:action_detail", args=[action.pk]))


def _rows(actions, user, today):
    """Actions with their RAG and whether this user may update them (no queries per row)."""
    return [
        {"action": a, "rag": action_rag(a, today), "can_update": can(user, "actions.update", a)}
        for a in actions
    ]


# --- Plans ---


@require_GET
@require("actions.view")
def plan_list(request):
    today = timezone.localdate()
    filters = ActionPlanFilterSet(
        request=request, queryset=ActionPlan.objects.visible_to(request.user).select_related(*SOURCE_RELATED)
    )
    plans = filters.qs
    counts = {key: Count("actions", filter=rag_q(key, today, prefix="actions__")) for key, _ in RAG_CHOICES}
    plans = plans.annotate(**{f"rag_{key}": c for key, c in counts.items()}, action_count=Count("actions"))
    page, pagination = paginate(request, plans.order_by("-created_at", "-pk"))
    rows = [{"plan": p, "source": plan_source(p)} for p in page.object_list]
    return render(
        request,
        "improvement/plan_list.html",
        {
            "page": page,
            "pagination": pagination,
            "rows": rows,
            "rag_choices": RAG_CHOICES,
            "form": filters.form,
            "can_manage": can(request.user, "actions.manage"),
        },
    )


SOURCE_MODELS = {
    "review": ("source_review", CaseReview),
    "finding": ("source_finding", Finding),
    "activity": ("source_activity", LearningActivity),
    "key_message": ("source_key_message", KeyMessage),
}


def _plan_initial(request):
    """?source=finding&id=N pre-fills the source, so other pages can link "Create an action plan"."""
    kind, pk = request.GET.get("source"), request.GET.get("id", "")
    if kind not in SOURCE_MODELS or not pk.isdigit():
        return {}
    field, model = SOURCE_MODELS[kind]
    if not model.objects.filter(pk=pk).exists():
        return {}
    return {"source_kind": kind, field: int(pk)}


@require_http_methods(GET_POST)
@require("actions.manage")
def plan_create(request):
    form = PlanForm(*bound(request), initial=_plan_initial(request))
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.plan_create(plan=form.instance, by=request.user)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Action plan created")
            return redirect("improvement:plan_detail", pk=plan.pk)
    return _form_page(
        request,
        form,
        title="Create an action plan",
        button="Create plan",
        crumbs=_crumbs(PLANS, ("Create an action plan", None)),
        cancel_url=PLANS[1],
    )


@require_GET
@require("actions.view")
def plan_detail(request, pk):
    plan = get_visible_or_404(ActionPlan.objects.select_related(*SOURCE_RELATED), request.user, pk=pk)
    actions = Action.objects.filter(plan=plan).select_related(*ACTION_RELATED)
    today = timezone.localdate()
    return render(
        request,
        "improvement/plan_detail.html",
        {
            "plan": plan,
            "source": plan_source(plan),
            "rows": _rows(actions, request.user, today),
            "can_manage": can(request.user, "actions.manage"),
            "crumbs": _crumbs(PLANS, (plan.title, None)),
        },
    )


# --- Actions ---


@require_http_methods(GET_POST)
@require("actions.manage")
def action_create(request, pk):
    plan = get_visible_or_404(ActionPlan.objects, request.user, pk=pk)
    initial = {"owner_agency": plan.agency_id} if plan.agency_id else {}
    form = ActionForm(*bound(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            action = services.action_create(
                plan=plan,
                description=data["description"],
                owner_agency=data["owner_agency"],
                owner=data.get("owner"),
                due_on=data["due_on"],
                by=request.user,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Action added")
            return redirect("improvement:action_detail", pk=action.pk)
    detail = reverse("improvement:plan_detail", args=[pk])
    return _form_page(
        request,
        form,
        title="Add an action",
        button="Add action",
        caption=plan.title,
        crumbs=_crumbs(PLANS, _plan_crumb(plan), ("Add an action", None)),
        cancel_url=detail,
    )


def _action(request, pk):
    return get_visible_or_404(Action.objects.select_related(*ACTION_RELATED), request.user, pk=pk)


@require_GET
@require("actions.view")
def action_detail(request, pk):
    action = _action(request, pk)
    today = timezone.localdate()
    return render(
        request,
        "improvement/action_detail.html",
        {
            "action": action,
            "plan": action.plan,
            "rag": action_rag(action, today),
            "updates": action.updates.select_related("by"),
            "evidence": action.evidence.all(),
            # Edit and update ask the state rule too (a completed or cancelled action is closed); evidence
            # may still be attached, and a completed action gets its sustainment check.
            "can_manage": can(request.user, "actions.manage", action),
            "can_update": can(request.user, "actions.update", action),
            "can_attach": why_not(request.user, "actions.update", action) != DENIED,
            "can_sustain": can(request.user, "actions.sustain", action),
            "is_completed": action.status == ActionStatus.COMPLETED,
            "name": action_name(action),
            "crumbs": _crumbs(PLANS, _plan_crumb(action.plan), (action_name(action), None)),
        },
    )


def _edit_page(request, form, save, *, action, message, title, button, caption, crumbs, success_url=None):
    """An edit page of an action: the one edit path (core.views_kit), so a save made after someone
    else's is refused with the conflict page."""
    detail = reverse("improvement:action_detail", args=[action.pk])
    context = {"title": title, "button": button, "caption": caption, "crumbs": crumbs, "cancel_url": detail}
    return edit_with_conflict(
        request, form, save, template=FORM_TEMPLATE, context=context, what="This action",
        success_url=success_url or detail, success_message=message,
    )  # fmt: skip


def _closed(request, action, permission):
    """A completed or cancelled action is not changed (core.policy STATE_RULES): the page says why (200);
    a save is refused outright (409), nothing changed."""
    return render(
        request,
        "improvement/action_closed.html",
        {
            "action": action,
            "name": action_name(action),
            "reason": state_rule(permission, action).refusal,
            "crumbs": _crumbs(PLANS, _plan_crumb(action.plan), _action_crumb(action), ("Closed", None)),
            "back_url": reverse("improvement:action_detail", args=[action.pk]),
        },
        status=409 if request.method == "POST" else 200,
    )


@require_http_methods(GET_POST)
@require("actions.manage")
def action_edit(request, pk):
    action = _action(request, pk)
    if not state_allows("actions.manage", action):
        return _closed(request, action, "actions.manage")
    return _edit_page(
        request,
        ActionForm(*bound(request), instance=action),
        lambda form: services.action_edit(
            action=form.instance, expected_version=form.cleaned_data["version"], by=request.user
        ),
        action=action,
        message="Action updated",
        title="Edit the action",
        button="Save action",
        caption=action.plan.title,
        crumbs=_crumbs(PLANS, _plan_crumb(action.plan), _action_crumb(action), ("Edit", None)),
    )


def _updatable(request, pk, permission="actions.update"):
    action = _action(request, pk)
    if why_not(request.user, permission, action) == DENIED:
        raise PermissionDenied
    return action


@require_http_methods(GET_POST)
@require("actions.update")
def action_update(request, pk):
    action = _updatable(request, pk)
    if not state_allows("actions.update", action):
        return _closed(request, action, "actions.update")

    def save(form):
        data = form.cleaned_data
        return services.action_record_update(
            action=action,
            note=data["note"],
            status=data["status"],
            progress=data["progress"],
            completed_on=data.get("completed_on"),
            evidence_of_completion=data.get("evidence_of_completion"),
            by=request.user,
            expected_version=data["version"],
        )

    return _edit_page(
        request,
        ActionUpdateForm(*bound(request), instance=action),
        save,
        action=action,
        message="Update added to the action's log",
        title="Update the action",
        button="Add update",
        caption=str(action),
        crumbs=_crumbs(PLANS, _plan_crumb(action.plan), _action_crumb(action), ("Update", None)),
    )


@require_http_methods(GET_POST)
@require("actions.update")
def evidence_upload(request, pk):
    action = _updatable(request, pk)
    form = EvidenceForm(*bound(request, files=True))
    if request.method == "POST" and form.is_valid():
        try:
            services.evidence_attach(action=action, upload=form.cleaned_data["file"], by=request.user)
        except ValidationError as error:
            form.add_error("file", error.messages[0])
        else:
            messages.success(request, "Evidence added")
            return redirect("improvement:action_detail", pk=action.pk)
    return _form_page(
        request,
        form,
        title="Add evidence of completion",
        button="Upload evidence",
        caption=str(action),
        multipart=True,
        crumbs=_crumbs(PLANS, _plan_crumb(action.plan), _action_crumb(action), ("Evidence", None)),
        cancel_url=reverse("improvement:action_detail", args=[pk]),
    )


@require_GET
@require("actions.view")
def evidence_download(request, pk):
    return child_file_download(
        request, ActionEvidence.objects, pk=pk, parent=Action.objects, parent_field="action"
    )


@require_http_methods(GET_POST)
@require("actions.sustain")
def sustainment_check(request, pk):
    action = _updatable(request, pk, "actions.sustain")
    detail = reverse("improvement:action_detail", args=[pk])
    crumbs = _crumbs(PLANS, _plan_crumb(action.plan), _action_crumb(action), ("Sustainment check", None))
    if not state_allows("actions.sustain", action):
        # The page explains why; a POST is refused outright (core.policy STATE_RULES).
        return render(
            request,
            "improvement/not_completed.html",
            {"action": action, "crumbs": crumbs, "back_url": detail},
            status=409 if request.method == "POST" else 200,
        )

    def save(form):
        data = form.cleaned_data
        return services.sustainment_record(
            action=action,
            due_on=data.get("sustainment_due_on"),
            checked_on=data.get("sustainment_checked_on"),
            result=data.get("sustainment_result") or "",
            note=data.get("sustainment_note") or "",
            by=request.user,
            expected_version=data["version"],
        )

    return _edit_page(
        request,
        SustainmentForm(*bound(request), instance=action),
        save,
        action=action,
        message="Sustainment check saved",
        title="Check the improvement lasted",
        button="Save check",
        caption=str(action),
        crumbs=crumbs,
    )


# --- Lists ---


def _filters(request, preset=None):
    """The actions list's filters; the overdue and due-soon pages fix the "due" filter."""
    data = request.GET.copy()
    if preset:
        data["due"] = preset
    actions = Action.objects.visible_to(request.user).select_related(*ACTION_RELATED).order_by("due_on", "pk")
    return ActionFilterSet(data=data, request=request, queryset=actions)


LIST_TITLES = {None: "Actions", "overdue": "Overdue actions", "soon": "Actions due soon"}


def _list_page(request, *, preset=None, bulk_form=None, status=200):
    filters = _filters(request, preset)
    page, pagination = paginate(request, filters.qs.only(*ACTION_ROW_COLUMNS))
    user = request.user
    return render(
        request,
        "improvement/action_list.html",
        {
            "title": LIST_TITLES[preset],
            "form": filters.form,
            "page": page,
            "pagination": pagination,
            "rows": _rows(page.object_list, user, timezone.localdate()),
            "preset": preset,
            "bulk_form": bulk_form or BulkUpdateForm(user=user),
            "can_bulk": can(user, "actions.update"),
            "can_export": can(user, "actions.export"),
            "export_url": filters.url_with_filters(reverse("improvement:action_export")),
            "csv_url": filters.url_with_filters(reverse("improvement:action_export_csv")),
            "crumbs": _crumbs(ACTIONS, (LIST_TITLES[preset], None)) if preset else None,
        },
        status=status,
    )


@require_GET
@require("actions.view")
def action_list(request):
    return _list_page(request)


@require_GET
@require("actions.view")
def overdue_actions(request):
    return _list_page(request, preset="overdue")


@require_GET
@require("actions.view")
def due_soon_actions(request):
    return _list_page(request, preset="soon")


@require_POST
@require("actions.update")
def action_bulk_update(request):
    form = BulkUpdateForm(request.POST, user=request.user)
    if form.is_valid():
        data = form.cleaned_data
        try:
            count = services.actions_bulk_update(
                actions=data["actions"],
                status=data["status"],
                note=data["note"],
                by=request.user,
                expected_versions=form.versions(),
            )
        except RecordsChanged as conflict:
            form.add_error(None, records_changed_message(conflict.changed, action_name))
            return _list_page(request, bulk_form=form, status=409)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"{count} action{'s' if count != 1 else ''} updated")
            return redirect("improvement:action_list")
    return _list_page(request, bulk_form=form)


@require_GET
@require("actions.export")
def action_export(request):
    actions = _filters(request).qs
    return exports.response(actions, timezone.localdate())


@require_GET
@require("actions.export")
def action_export_csv(request):
    """The same rows as the Excel download, as CSV (for analysts' tools)."""
    return exports.response(_filters(request).qs, timezone.localdate(), fmt=CSV)


@require_GET
@require("actions.view")
def my_actions(request):
    user = request.user
    actions = Action.objects.visible_to(user).select_related(*ACTION_RELATED).open_first()
    chooser = None
    if can(user, "actions.view_all"):
        filters = AgencyActionsFilterSet(request=request, queryset=actions)
        chooser, agency = filters.form, filters.value("agency")
        actions = filters.qs if agency else actions.none()
        if agency == SCHOOLS:  # the chooser's "Any school": every school's actions together
            agency = SimpleNamespace(name="every school")
    else:
        agency = Agency.objects.filter(pk=user.agency_id).first() if user.agency_id else None
        actions = actions.for_agency(agency.pk) if agency else actions.none()
    page, pagination = paginate(request, actions.only(*ACTION_ROW_COLUMNS))
    return render(
        request,
        "improvement/my_actions.html",
        {
            "agency": agency,
            "chooser": chooser,
            "page": page,
            "pagination": pagination,
            "rows": _rows(page.object_list, user, timezone.localdate()),
        },
    )
