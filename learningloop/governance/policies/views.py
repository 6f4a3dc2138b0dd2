"""The policies and procedures register: list, add, page with its changes, edit, log a change."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from learningloop.core.access import get_visible_or_404, require
from learningloop.core.breadcrumbs import breadcrumbs
from learningloop.core.pagination import paginate
from learningloop.core.policy import can
from learningloop.core.views_kit import apply_errors, bound, edit_with_conflict

from ..models import PolicyDocument
from . import services
from .forms import PolicyChangeForm, PolicyForm

VIEW, MANAGE = "governance.view", "policies.manage"
GET_POST = ["GET", "POST"]
POLICIES = ("Policies and procedures", reverse_lazy("governance:policy_list"))


def _page(request, form, title, crumbs, cancel_url, button):
    return render(
        request,
        "governance/form.html",
        {"form": form, "title": title, "crumbs": crumbs, "cancel_url": cancel_url, "button": button},
    )


@require_GET
@require(VIEW)
def policy_list(request):
    today = timezone.localdate()
    page, pagination = paginate(
        request, PolicyDocument.objects.visible_to(request.user).select_related("owner")
    )
    rows = [(p, p.deadline_status(today)) for p in page]
    return render(
        request,
        "governance/policy_list.html",
        {
            "page": page,
            "rows": rows,
            "pagination": pagination,
            "can_manage": can(request.user, MANAGE),
            "crumbs": breadcrumbs((POLICIES[0], None)),
        },
    )


@require_http_methods(GET_POST)
@require(MANAGE)
def policy_create(request):
    form = PolicyForm(*bound(request))
    if request.method == "POST" and form.is_valid():
        try:
            policy = services.policy_save(policy=form.save(commit=False))
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Policy added")
            return redirect("governance:policy_detail", pk=policy.pk)
    return _page(
        request,
        form,
        "Add a policy or procedure",
        breadcrumbs(POLICIES, ("Add", None)),
        POLICIES[1],
        "Add policy",
    )


def _detail_url(policy):
    return reverse("governance:policy_detail", args=[policy.pk])


@require_GET
@require(VIEW)
def policy_detail(request, pk):
    policy = get_visible_or_404(PolicyDocument.objects.select_related("owner"), request.user, pk=pk)
    changes = policy.changes.select_related("key_message", "key_message__summary")
    return render(
        request,
        "governance/policy_detail.html",
        {
            "policy": policy,
            "changes": changes,
            "status": policy.deadline_status(timezone.localdate()),
            "can_manage": can(request.user, MANAGE),
            "crumbs": breadcrumbs(POLICIES, (policy.title, None)),
        },
    )


@require_http_methods(GET_POST)
@require(MANAGE)
def policy_edit(request, pk):
    policy = get_visible_or_404(PolicyDocument.objects, request.user, pk=pk)
    return edit_with_conflict(
        request,
        PolicyForm(*bound(request), instance=policy),
        lambda form: services.policy_save(
            policy=form.save(commit=False), expected_version=form.cleaned_data.get("version")
        ),
        template="governance/form.html",
        context={
            "title": f"Edit {policy.title}",
            "crumbs": breadcrumbs(POLICIES, (policy.title, _detail_url(policy)), ("Edit", None)),
            "cancel_url": _detail_url(policy),
            "button": "Save policy",
        },
        what="This policy",
        success_url=_detail_url(policy),
        success_message="Policy updated",
    )


@require_http_methods(GET_POST)
@require(MANAGE)
def policy_change_create(request, pk):
    policy = get_visible_or_404(PolicyDocument.objects, request.user, pk=pk)
    form = PolicyChangeForm(*bound(request), initial={"changed_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.policy_change_add(
                policy=policy,
                changed_on=data["changed_on"],
                description=data["description"],
                key_message=data["key_message"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Change recorded")
            return redirect(_detail_url(policy))
    return _page(
        request,
        form,
        f"Record a change to {policy.title}",
        breadcrumbs(POLICIES, (policy.title, _detail_url(policy)), ("Record a change", None)),
        _detail_url(policy),
        "Save change",
    )
