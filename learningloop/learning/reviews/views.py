"""Case review pages: the list of reviews, a review and its statutory clock, its edit and monitoring pages,
the restricted child details, the statutory deadlines page, the deadline rules and the conversion rates."""

import copy
from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from learningloop.core.access import get_visible_or_404, require
from learningloop.core.audit import record_view
from learningloop.core.breadcrumbs import breadcrumbs
from learningloop.core.deadlines import State, deadline_status
from learningloop.core.pagination import paginate
from learningloop.core.panels import record_panels_for
from learningloop.core.policy import can
from learningloop.core.views_kit import apply_errors, edit_with_conflict

from ..filters import ReviewFilterSet
from ..models import CaseReview, ChildDetails, DeadlineRule, Stage
from ..services import case_review_save
from . import presenters
from . import services as reviews
from .deadlines import deadline_rule_edit, milestone_status
from .forms import (
    ChildDetailsForm,
    DeadlineRuleForm,
    MonitoringEntryForm,
    ReviewCreateForm,
    ReviewEditForm,
)

GET_POST = ["GET", "POST"]
CRITERIA = [
    "criteria_improvements",
    "criteria_recurrent_themes",
    "criteria_multi_agency",
    "criteria_panel_referred",
]
REVIEWS = ("Case reviews", reverse_lazy("learning:review_list"))


_crumbs = breadcrumbs


def require_or_404(action):
    """Like `require`, but answers 404 so that the page's existence is not revealed to others."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not can(request.user, action):
                raise Http404
            return view(request, *args, **kwargs)

        wrapped.required_action = action
        return wrapped

    return decorator


def _review(request, pk):
    return get_visible_or_404(CaseReview.objects.select_related("activity"), request.user, pk=pk)


@require_GET
@require("review.view")
def review_list(request):
    filters = ReviewFilterSet(request=request, queryset=CaseReview.objects.for_list())
    page, pagination = paginate(request, filters.qs)
    today = timezone.localdate()
    rows = []
    for review in page.object_list:
        nxt = (
            {"label": review.next_label, "due_on": review.next_due_on}
            if review.next_label is not None
            else None
        )
        rows.append(
            {
                "review": review,
                "kind": presenters.KIND_SHORT[review.kind],
                "stage": Stage(review.stage).label,
                "next": nxt,
                "status": deadline_status(review.next_due_on, None, today) if nxt else None,
            }
        )
    return render(
        request,
        "learning/review_list.html",
        {
            "form": filters.form,
            "page": page,
            "rows": rows,
            "pagination": pagination,
            "can_manage": can(request.user, "review.manage"),
        },
    )


@require_http_methods(GET_POST)
@require("review.manage")
def review_create(request):
    form = ReviewCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            review = reviews.case_review_create(**form.cleaned_data, by=request.user)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, "Case review added")
            return redirect("learning:review_detail", pk=review.pk)
    return render(
        request,
        "learning/review_form.html",
        {
            "form": form,
            "title": "Add a case review",
            "button": "Add case review",
            "crumbs": _crumbs(REVIEWS, ("Add a case review", None)),
            "cancel_url": REVIEWS[1],
        },
    )


@require_GET
@require("review.view")
def review_detail(request, pk):
    review = _review(request, pk)
    today = timezone.localdate()
    milestones = [
        {"milestone": m, "status": milestone_status(m, today)}
        for m in review.milestones.select_related("rule").order_by("rule__position", "pk")
    ]
    slipped = any(m["status"].state in (State.OVERDUE, State.MET_LATE) for m in milestones)
    return render(
        request,
        "learning/review_detail.html",
        {
            "review": review,
            "kind": presenters.KIND_SHORT[review.kind],
            "stage": presenters.stage_of(review).label,
            "milestones": milestones,
            "slipped": slipped,
            "criteria": [
                CaseReview._meta.get_field(name).verbose_name.capitalize()
                for name in CRITERIA
                if getattr(review, name)
            ],
            "entries": review.monitoring_entries.select_related("recorded_by"),
            "can_manage": can(request.user, "review.manage"),
            "can_see_restricted": can(request.user, "restricted.view"),
            "can_change_restricted": can(request.user, "restricted.change"),
            # Sections other areas add to a case review (core.panels), e.g. requests for information.
            "record_panels": record_panels_for(request, review),
        },
    )


@require_http_methods(GET_POST)
@require("review.manage")
def review_edit(request, pk):
    review = _review(request, pk)
    pseudonym = review.pseudonym  # a failed validation leaves the form's values on the instance
    detail = reverse("learning:review_detail", args=[review.pk])
    return edit_with_conflict(
        request,
        ReviewEditForm(request.POST or None, instance=review),
        lambda form: case_review_save(review=form.instance, expected_version=form.cleaned_data["version"]),
        template="learning/review_edit.html",
        context={
            "review": review,
            "pseudonym": pseudonym,
            "crumbs": _crumbs(REVIEWS, (pseudonym, detail), ("Edit", None)),
            "cancel_url": detail,
        },
        what="This case review",
        success_url=detail,
        success_message="Case review updated",
    )


@require_http_methods(GET_POST)
@require("review.manage")
def monitoring_entry_create(request, pk):
    review = _review(request, pk)
    form = MonitoringEntryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            reviews.monitoring_entry_add(review=review, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, "Monitoring entry added")
            return redirect(reverse("learning:review_detail", args=[review.pk]) + "#monitoring")
    detail = reverse("learning:review_detail", args=[review.pk])
    return render(
        request,
        "learning/monitoring_form.html",
        {
            "form": form,
            "review": review,
            "title": "Add a monitoring entry",
            "crumbs": _crumbs(REVIEWS, (review.pseudonym, detail), ("Add a monitoring entry", None)),
            "cancel_url": detail,
        },
    )


@never_cache
@require_http_methods(GET_POST)
@require_or_404("restricted.view")
def child_details(request, pk):
    review = _review(request, pk)
    # Seeing the details (restricted.view) is not changing them (restricted.change, ADR 0012).
    may_change = can(request.user, "restricted.change")
    if request.method == "POST" and not may_change:
        raise PermissionDenied
    details = ChildDetails.objects.filter(review=review).first() or ChildDetails(review=review)
    if request.method == "GET":
        # Every view of the restricted details is written to the audit trail (the review's when none exist).
        record_view(request, details if details.pk else review)
    detail = reverse("learning:review_detail", args=[review.pk])
    return edit_with_conflict(
        request,
        ChildDetailsForm(request.POST or None, instance=details),
        lambda form: reviews.child_details_save(
            details=form.instance, expected_version=form.cleaned_data.get("version")
        ),
        template="learning/child_details.html",
        context={
            "details": details,
            "may_change": may_change,
            "review": review,
            "crumbs": _crumbs(REVIEWS, (review.pseudonym, detail), ("Restricted details", None)),
            "cancel_url": detail,
        },
        what="These restricted details",
        success_url=detail,
        success_message="Restricted details saved",
        on_conflict=lambda conflict: record_view(request, conflict.saved),  # the page shows the saved ones
    )


@require_GET
@require("review.view")
def deadline_rules(request):
    return render(
        request,
        "learning/deadline_rules.html",
        {"rules": DeadlineRule.objects.all(), "can_edit": can(request.user, "review.manage")},
    )


@require_http_methods(GET_POST)
@require("review.manage")
def deadline_rule_edit_view(request, pk):
    rule = DeadlineRule.objects.filter(pk=pk).first()
    if rule is None:
        raise Http404
    # The form edits its own copy, so "Now:" on a page sent back with errors is the rule as saved.
    form = DeadlineRuleForm(request.POST or None, instance=copy.copy(rule))
    rules_url = reverse("learning:deadline_rules")

    def save(form):
        data = form.cleaned_data
        saved = deadline_rule_edit(
            rule=form.instance,
            amount=data["amount"],
            unit=data["unit"],
            direction=data["direction"],
            basis=data["basis"],
            expected_version=data["version"],
        )
        messages.success(request, f"Rule changed: {saved.label}, {saved.description}")
        return saved

    return edit_with_conflict(
        request,
        form,
        save,
        template="learning/deadline_rule_form.html",
        context={
            "rule": rule,
            "title": f"Change the rule: {rule.label}",
            "crumbs": _crumbs(REVIEWS, ("Deadline rules", rules_url), (rule.label, None)),
            "cancel_url": rules_url,
        },
        what="This deadline rule",
        success_url=rules_url,
    )


@require_GET
@require("review.view")
def review_conversions(request):
    return render(request, "learning/review_conversions.html", {"rows": CaseReview.objects.conversions()})
