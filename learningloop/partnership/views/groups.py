"""Partnership pages: groups."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch, Q
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from learningloop.core.access import get_visible_or_404, require
from learningloop.core.pagination import paginate
from learningloop.core.policy import can
from learningloop.core.views_kit import confirm_with_versions

from .. import services
from ..filters import GroupFilterSet
from ..forms import (
    DeputiesAgencyForm,
    GroupForm,
    MembershipEndForm,
    MembershipForm,
)
from ..models import Group, Membership, Person
from ._common import GET_POST, _crumbs, _edit_page, _form_page, _save

# --- Groups ---

GROUPS = ("Groups", reverse_lazy("partnership:group_list"))


@require_GET
@require("partnership.view")
def group_list(request):
    filters = GroupFilterSet(
        request=request,
        queryset=Group.objects.visible_to(request.user).list_rows(),
    )
    page, pagination = paginate(request, filters.qs.order_by("name"))
    return render(
        request,
        "partnership/group_list.html",
        {
            "form": filters.form,
            "page": page,
            "pagination": pagination,
            "can_manage": can(request.user, "partnership.manage"),
        },
    )


@require_http_methods(GET_POST)
@require("partnership.manage")
def group_create(request):
    form = GroupForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and (group := _save(request, form, "Group created")):
        return redirect("partnership:group_detail", pk=group.pk)
    return _form_page(
        request,
        form,
        title="Add a group",
        button="Save group",
        crumbs=_crumbs(GROUPS, ("Add a group", None)),
        cancel_url=GROUPS[1],
    )


@require_GET
@require("partnership.view")
def group_detail(request, pk):
    group = get_visible_or_404(Group.objects.select_related("accountable_to"), request.user, pk=pk)
    today = timezone.localdate()
    seats = group.memberships.select_related("person", "representing").prefetch_related(
        Prefetch("deputies", queryset=Person.objects.order_by("full_name"))
    )
    current = seats.filter(Q(end_date__isnull=True) | Q(end_date__gte=today))
    return render(
        request,
        "partnership/group_detail.html",
        {
            "group": group,
            "today": today,
            "current": current.order_by("role", "person__full_name"),
            "past": seats.filter(end_date__lt=today).order_by("-end_date", "person__full_name"),
            "can_manage": can(request.user, "partnership.manage"),
        },
    )


@require_http_methods(GET_POST)
@require("partnership.manage")
def group_edit(request, pk):
    group = get_visible_or_404(Group.objects, request.user, pk=pk)
    detail = reverse("partnership:group_detail", args=[pk])
    return _edit_page(
        request,
        GroupForm(request.POST or None, instance=group),
        what="This group and its terms of reference",
        success_url=detail,
        message="Group updated",
        title=f"Edit {group.name}",
        button="Save group",
        crumbs=_crumbs(GROUPS, (group.name, detail), ("Edit", None)),
        cancel_url=detail,
    )


@require_http_methods(GET_POST)
@require("partnership.manage")
def group_end(request, pk):
    group = get_visible_or_404(Group.objects, request.user, pk=pk)
    detail = reverse("partnership:group_detail", args=[pk])
    today = timezone.localdate()
    # The page carries the group's and each open seat's version: ending claims them all, or none.
    return confirm_with_versions(
        request,
        record=group,
        others=group.memberships.select_related("person", "group").open_on(today),
        save=lambda expected_version, expected_others: services.group_end(
            group=group, on=today, expected_version=expected_version, expected_memberships=expected_others
        ),
        template="partnership/confirm_end.html",
        context={
            "title": f"End {group.name}?",
            "button": "End group",
            "cancel_url": detail,
            "crumbs": _crumbs(GROUPS, (group.name, detail), ("End", None)),
            "explanation": "Its current memberships will end today. "
            "The group, its terms of reference and its members' history are kept.",
        },
        what="this group",
        success_url=detail,
        success_message="Group ended",
    )


# --- Memberships ---


def _membership_page(request, form, *, group, title, button, agency_form):
    detail = reverse("partnership:group_detail", args=[group.pk])
    return _form_page(
        request,
        form,
        title=title,
        button=button,
        template="partnership/membership_form.html",
        crumbs=_crumbs(GROUPS, (group.name, detail), (title, None)),
        cancel_url=detail,
        group=group,
        agency_form=agency_form,
    )


def _deputies_agency(request):
    """The agency whose people are offered as deputies (GET `agency`); anything invalid means all people."""
    agency_form = DeputiesAgencyForm(request.GET or None)
    return agency_form, agency_form.selected()


@require_http_methods(GET_POST)
@require("partnership.manage")
def membership_create(request, group_pk):
    group = get_visible_or_404(Group.objects, request.user, pk=group_pk)
    agency_form, agency = _deputies_agency(request)
    initial = {"start_date": timezone.localdate(), "representing": agency}
    form = MembershipForm(
        request.POST or None, instance=Membership(group=group), initial=initial, deputies_from=agency
    )
    if request.method == "POST" and form.is_valid() and _save(request, form, "Member added", "person"):
        return redirect("partnership:group_detail", pk=group.pk)
    return _membership_page(
        request, form, group=group, title="Add a member", button="Add member", agency_form=agency_form
    )


@require_http_methods(GET_POST)
@require("partnership.manage")
def membership_edit(request, pk):
    membership = get_visible_or_404(Membership.objects.select_related("group", "person"), request.user, pk=pk)
    agency_form, agency = _deputies_agency(request)
    group = membership.group
    detail = reverse("partnership:group_detail", args=[group.pk])
    title = f"Edit {membership.person}'s seat"
    return _edit_page(
        request,
        MembershipForm(request.POST or None, instance=membership, deputies_from=agency),
        what="This membership",
        success_url=detail,
        message="Membership updated",
        title=title,
        button="Save membership",
        template="partnership/membership_form.html",
        duplicate_field="person",
        crumbs=_crumbs(GROUPS, (group.name, detail), (title, None)),
        cancel_url=detail,
        group=group,
        agency_form=agency_form,
    )


@require_http_methods(GET_POST)
@require("partnership.manage")
def membership_end(request, pk):
    membership = get_visible_or_404(Membership.objects.select_related("group", "person"), request.user, pk=pk)
    form = MembershipEndForm(request.POST or None, membership=membership)
    detail = reverse("partnership:group_detail", args=[membership.group_id])
    if request.method == "POST" and form.is_valid():
        try:
            services.membership_end(membership=membership, end_date=form.cleaned_data["end_date"])
        except ValidationError as exc:
            form.add_error("end_date", exc.messages[0])
        else:
            messages.success(request, "Membership ended")
            return redirect(detail)
    return render(
        request,
        "partnership/confirm_end.html",
        {
            "form": form,
            "title": f"End {membership.person}'s membership of {membership.group}",
            "button": "End membership",
            "cancel_url": detail,
            "crumbs": _crumbs(GROUPS, (membership.group.name, detail), ("End membership", None)),
            "explanation": "The membership stays in the group's history as a past member.",
        },
    )
