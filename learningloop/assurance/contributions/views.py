"""Pages for agencies' own learning: the list (an agency's users see their own agency's, drafts included;
partnership-wide roles see every agency's once submitted), recording, changing and submitting it, and the
business unit's decision."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from learningloop.core.access import get_visible_or_404, require
from learningloop.core.breadcrumbs import breadcrumbs
from learningloop.core.concurrency import EditConflict, conflict_message
from learningloop.core.pagination import paginate
from learningloop.core.policy import DENIED, PARTNERSHIP_WIDE, can, has_any_role, state_rule, why_not
from learningloop.core.views_kit import apply_errors, bound, edit_with_conflict

from ..models import AgencyContribution
from ..pages import FORM, form_page
from . import services
from .forms import ContributionForm, DecisionForm

GET_POST = ["GET", "POST"]
LIST = ("Agencies' own learning", reverse_lazy("assurance:contribution_list"))


def _contribution(request, pk, action=None):
    qs = AgencyContribution.objects.select_related("agency", "source_type", "activity")
    contribution = get_visible_or_404(qs, request.user, pk=pk)
    if action and why_not(request.user, action, contribution) == DENIED:
        raise PermissionDenied
    return contribution


def _crumb(c):
    return (c.title, reverse("assurance:contribution_detail", args=[c.pk]))


def _refused(request, contribution, action):
    return render(
        request,
        "assurance/contribution_refused.html",
        {
            "contribution": contribution,
            "reason": state_rule(action, contribution).refusal,
            "crumbs": breadcrumbs(LIST, _crumb(contribution), ("Cannot be changed", None)),
        },
        status=409 if request.method == "POST" else 200,
    )


@require_GET
@require("assurance.view")
def contribution_list(request):
    qs = AgencyContribution.objects.visible_to(request.user).select_related("agency", "source_type")
    page, pagination = paginate(request, qs.order_by("-created_at", "-pk"))
    return render(
        request,
        "assurance/contribution_list.html",
        {"page": page, "pagination": pagination, "can_record": can(request.user, "contribution.record")},
    )


@require_http_methods(GET_POST)
@require("contribution.record")
def contribution_create(request):
    on_behalf = has_any_role(request.user, PARTNERSHIP_WIDE)
    form = ContributionForm(
        *bound(request),
        instance=AgencyContribution(agency_id=request.user.agency_id),
        choose_agency=on_behalf,
    )
    if request.method == "POST" and form.is_valid():
        try:
            contribution = services.contribution_save(contribution=form.instance, by=request.user)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Saved as a draft: only your agency can see it until it is submitted")
            return redirect("assurance:contribution_detail", pk=contribution.pk)
    return form_page(
        request,
        form,
        title="Share your agency's learning",
        button="Save as a draft",
        crumbs=breadcrumbs(LIST, ("New", None)),
        cancel_url=LIST[1],
    )


@require_GET
@require("assurance.view")
def contribution_detail(request, pk, form=None):
    contribution = _contribution(request, pk)
    user = request.user
    return render(
        request,
        "assurance/contribution_detail.html",
        {
            "c": contribution,
            "form": form,
            "can_record": can(user, "contribution.record", contribution),
            "can_decide": can(user, "contribution.decide", contribution),
            "crumbs": breadcrumbs(LIST, (contribution.title, None)),
        },
    )


@require_http_methods(GET_POST)
@require("contribution.record")
def contribution_edit(request, pk):
    contribution = _contribution(request, pk, "contribution.record")
    if not can(request.user, "contribution.record", contribution):
        return _refused(request, contribution, "contribution.record")
    url = reverse("assurance:contribution_detail", args=[contribution.pk])
    return edit_with_conflict(
        request,
        ContributionForm(*bound(request), instance=contribution),
        lambda form: services.contribution_save(
            contribution=form.instance, expected_version=form.cleaned_data["version"], by=request.user
        ),
        template=FORM,
        context={
            "title": "Change your agency's learning",
            "button": "Save",
            "crumbs": breadcrumbs(LIST, _crumb(contribution), ("Change", None)),
            "cancel_url": url,
        },
        what="This contribution",
        success_url=url,
        success_message="Saved",
    )


@require_POST
@require("contribution.record")
def contribution_submit(request, pk):
    contribution = _contribution(request, pk, "contribution.record")
    if not can(request.user, "contribution.record", contribution):
        return _refused(request, contribution, "contribution.record")
    posted = request.POST.get("version", "")
    try:
        services.contribution_submit(
            contribution=contribution,
            expected_version=int(posted) if posted.isdigit() else 0,
            by=request.user,
        )
    except (EditConflict, ValidationError):
        messages.error(request, conflict_message("this contribution"))
    else:
        messages.success(request, "Submitted to the business unit")
    return redirect("assurance:contribution_detail", pk=contribution.pk)


@require_http_methods(GET_POST)
@require("contribution.decide")
def contribution_review(request, pk):
    contribution = _contribution(request, pk, "contribution.decide")
    if not can(request.user, "contribution.decide", contribution):
        return _refused(request, contribution, "contribution.decide")
    form = DecisionForm(*bound(request), initial={"version": contribution.version})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.contribution_review(
                contribution=contribution,
                accept=data["decision"] == "accept",
                reason=data["reason"],
                expected_version=data["version"],
                by=request.user,
            )
        except EditConflict:
            form.add_error(None, conflict_message("this contribution"))
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Decision recorded")
            return redirect("assurance:contribution_detail", pk=contribution.pk)
    return form_page(
        request,
        form,
        title="Accept or return",
        button="Record the decision",
        caption=f"{contribution.agency.name}: {contribution.title}",
        crumbs=breadcrumbs(LIST, _crumb(contribution), ("Decision", None)),
        cancel_url=reverse("assurance:contribution_detail", args=[contribution.pk]),
    )
