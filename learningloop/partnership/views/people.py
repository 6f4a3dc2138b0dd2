"""Partnership pages: people."""

from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from learningloop.core.access import get_visible_or_404, require
from learningloop.core.pagination import paginate
from learningloop.core.policy import can
from learningloop.core.views_kit import confirm_with_versions

from .. import services
from ..filters import PersonFilterSet
from ..forms import (
    PersonForm,
)
from ..models import Person
from ._common import GET_POST, _crumbs, _edit_page, _form_page, _save

# --- People ---

PEOPLE = ("People", reverse_lazy("partnership:person_list"))


@require_GET
@require("partnership.view")
def person_list(request):
    filters = PersonFilterSet(
        request=request, queryset=Person.objects.visible_to(request.user).select_related("agency")
    )
    page, pagination = paginate(request, filters.qs)
    return render(
        request,
        "partnership/person_list.html",
        {
            "form": filters.form,
            "page": page,
            "pagination": pagination,
            "can_manage": can(request.user, "partnership.manage"),
        },
    )


@require_http_methods(GET_POST)
@require("partnership.manage")
def person_create(request):
    form = PersonForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and (person := _save(request, form, "Person created")):
        return redirect("partnership:person_detail", pk=person.pk)
    return _form_page(
        request,
        form,
        title="Add a person",
        button="Save person",
        crumbs=_crumbs(PEOPLE, ("Add a person", None)),
        cancel_url=PEOPLE[1],
    )


@require_GET
@require("partnership.view")
def person_detail(request, pk):
    person = get_visible_or_404(Person.objects.select_related("agency"), request.user, pk=pk)
    memberships = person.memberships.select_related("group", "representing").order_by("-start_date")
    return render(
        request,
        "partnership/person_detail.html",
        {
            "person": person,
            "memberships": memberships,
            "deputising_for": person.deputising_for.current().select_related("person", "group"),
            "can_manage": can(request.user, "partnership.manage"),
        },
    )


@require_http_methods(GET_POST)
@require("partnership.manage")
def person_edit(request, pk):
    person = get_visible_or_404(Person.objects, request.user, pk=pk)
    detail = reverse("partnership:person_detail", args=[pk])
    return _edit_page(
        request,
        PersonForm(request.POST or None, instance=person),
        what="This person",
        success_url=detail,
        message="Person updated",
        title=f"Edit {person.full_name}",
        button="Save person",
        crumbs=_crumbs(PEOPLE, (person.full_name, detail), ("Edit", None)),
        cancel_url=detail,
    )


@require_http_methods(GET_POST)
@require("partnership.manage")
def person_end(request, pk):
    person = get_visible_or_404(Person.objects, request.user, pk=pk)
    detail = reverse("partnership:person_detail", args=[pk])
    today = timezone.localdate()
    # The page carries the person's and each open membership's version: ending claims them all, or none.
    return confirm_with_versions(
        request,
        record=person,
        others=person.memberships.select_related("person", "group").open_on(today),
        save=lambda expected_version, expected_others: services.person_end(
            person=person, on=today, expected_version=expected_version, expected_memberships=expected_others
        ),
        template="partnership/confirm_end.html",
        context={
            "title": f"End {person.full_name}?",
            "button": "End person",
            "cancel_url": detail,
            "crumbs": _crumbs(PEOPLE, (person.full_name, detail), ("End", None)),
            "explanation": "Their current group memberships will end today. Their history is kept.",
        },
        what="this person",
        success_url=detail,
        success_message="Person ended",
    )
