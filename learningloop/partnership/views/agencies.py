"""Partnership pages: agencies."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from learningloop.core.access import get_visible_or_404, require
from learningloop.core.pagination import paginate
from learningloop.core.policy import can
from learningloop.core.spreadsheets import CSV, spreadsheet_response

from .. import services
from ..filters import AgencyFilterSet
from ..forms import AgencyForm
from ..models import Agency, Membership
from ._common import GET_POST, _crumbs, _edit_page, _form_page, _save

# --- Agencies ---

AGENCIES = ("Agencies", reverse_lazy("partnership:agency_list"))


@require_GET
@require("partnership.view")
def agency_list(request):
    filters = AgencyFilterSet(request=request, queryset=Agency.objects.visible_to(request.user))
    page, pagination = paginate(request, filters.qs)
    return render(
        request,
        "partnership/agency_list.html",
        {
            "form": filters.form,
            "page": page,
            "pagination": pagination,
            "sort": filters.sort_key(),
            "sort_links": {
                column["key"]: column["href"]
                for column in filters.sort_columns(AgencyFilterSet.SORT_LABELS, reversible=False)
            },
            "export_url": filters.url_with_filters(reverse("partnership:agency_export")),
            "can_manage": can(request.user, "partnership.manage"),
        },
    )


EXPORT_HEADERS = ["Name", "Short name", "Sector", "Statutory role", "School", "Active"]


@require_GET
@require("partnership.view")
def agency_export(request):
    agencies = AgencyFilterSet(request=request, queryset=Agency.objects.visible_to(request.user)).qs
    rows = (
        (
            a.name,
            a.short_name,
            a.get_sector_display(),
            a.get_statutory_role_display(),
            "Yes" if a.is_school else "No",
            "Yes" if a.is_active else "No",
        )
        for a in agencies.iterator()
    )
    return spreadsheet_response(headers=EXPORT_HEADERS, rows=rows, fmt=CSV, filename="agencies")


@require_http_methods(GET_POST)
@require("partnership.manage")
def agency_create(request):
    form = AgencyForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and (agency := _save(request, form, "Agency created")):
        return redirect("partnership:agency_detail", pk=agency.pk)
    return _form_page(
        request,
        form,
        title="Add an agency",
        button="Save agency",
        crumbs=_crumbs(AGENCIES, ("Add an agency", None)),
        cancel_url=AGENCIES[1],
    )


@require_GET
@require("partnership.view")
def agency_detail(request, pk):
    agency = get_visible_or_404(Agency.objects, request.user, pk=pk)
    seats = (
        Membership.objects.current()
        .filter(representing=agency)
        .select_related("group", "person")
        .order_by("group__name", "person__full_name")
    )
    return render(
        request,
        "partnership/agency_detail.html",
        {
            "agency": agency,
            "people": agency.people.filter(is_active=True).order_by("full_name"),
            "seats": seats,
            "can_manage": can(request.user, "partnership.manage"),
        },
    )


@require_http_methods(GET_POST)
@require("partnership.manage")
def agency_edit(request, pk):
    agency = get_visible_or_404(Agency.objects, request.user, pk=pk)
    detail = reverse("partnership:agency_detail", args=[pk])
    return _edit_page(
        request,
        AgencyForm(request.POST or None, instance=agency),
        what="This agency",
        success_url=detail,
        message="Agency updated",
        title=f"Edit {agency.name}",
        button="Save agency",
        crumbs=_crumbs(AGENCIES, (agency.name, detail), ("Edit", None)),
        cancel_url=detail,
    )


@require_http_methods(GET_POST)
@require("partnership.manage")
def agency_end(request, pk):
    agency = get_visible_or_404(Agency.objects, request.user, pk=pk)
    detail = reverse("partnership:agency_detail", args=[pk])
    if request.method == "POST":
        services.agency_end(agency=agency)
        messages.success(request, "Agency ended")
        return redirect(detail)
    return render(
        request,
        "partnership/confirm_end.html",
        {
            "title": f"End {agency.name}?",
            "button": "End agency",
            "cancel_url": detail,
            "crumbs": _crumbs(AGENCIES, (agency.name, detail), ("End", None)),
            "explanation": "The agency will no longer be offered in lists. "
            "Its people, seats and history are kept. You can reactivate it later.",
        },
    )


@require_POST
@require("partnership.manage")
def agency_reactivate(request, pk):
    agency = get_visible_or_404(Agency.objects, request.user, pk=pk)
    services.agency_reactivate(agency=agency)
    messages.success(request, "Agency reactivated")
    return redirect("partnership:agency_detail", pk=agency.pk)
