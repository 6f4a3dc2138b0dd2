"""The indicator library, each indicator's page (its curve, status, trend, data, story and the key
messages and actions meant to move it), its edit pages, and its Excel, PDF and Word downloads."""

import itertools

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.views.decorators.http import require_GET, require_http_methods

from learningloop.core.access import require
from learningloop.core.breadcrumbs import breadcrumbs
from learningloop.core.pagination import paginate
from learningloop.core.policy import can
from learningloop.core.views_kit import apply_errors, bound, edit_with_conflict
from learningloop.improvement.models import Action

from .. import scorecard
from ..curves import agencies_reporting, curve
from ..models import Indicator, Story, Submission
from ..services import impact_evidence_add
from . import services
from .forms import EvidenceForm, IndicatorFilterSet, IndicatorForm, StoryForm

GET_POST = ["GET", "POST"]
LIBRARY = ("Indicators", reverse_lazy("performance:indicator_list"))
FORM = "performance/form.html"


def _indicator(request, pk):
    return get_object_or_404(Indicator.objects.visible_to(request.user).select_related("priority"), pk=pk)


def _crumb(indicator):
    return (indicator.name, reverse("performance:indicator_detail", args=[indicator.pk]))


@require_GET
@require("impact.view")
def indicator_list(request):
    filters = IndicatorFilterSet(
        request.GET or None, request=request, queryset=Indicator.objects.visible_to(request.user).for_list()
    )
    page, pagination = paginate(request, filters.qs)
    return render(
        request,
        "performance/indicator_list.html",
        {"form": filters.form, "page": page, "pagination": pagination, "indicators": page.object_list},
    )


@require_http_methods(GET_POST)
@require("impact.manage")
def indicator_create(request):
    form = IndicatorForm(*bound(request))
    if request.method == "POST" and form.is_valid():
        try:
            indicator = services.indicator_create(
                indicator=form.instance, providers=form.cleaned_data["providers"], by=request.user
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Indicator added to the library")
            return redirect("performance:indicator_detail", pk=indicator.pk)
    context = {
        "title": "Add an indicator",
        "button": "Add indicator",
        "crumbs": breadcrumbs(LIBRARY, ("Add", None)),
        "cancel_url": LIBRARY[1],
    }
    return render(request, FORM, {**context, "form": form})


@require_http_methods(GET_POST)
@require("impact.manage")
def indicator_edit(request, pk):
    indicator = _indicator(request, pk)
    detail = reverse("performance:indicator_detail", args=[pk])
    form = IndicatorForm(*bound(request), instance=indicator)
    return edit_with_conflict(
        request,
        form,
        lambda f: services.indicator_edit(
            indicator=f.instance,
            providers=f.cleaned_data["providers"],
            expected_version=f.cleaned_data["version"],
            by=request.user,
        ),
        template=FORM,
        what="This indicator",
        success_url=detail,
        success_message="Indicator updated",
        duplicate_field="name",
        context={
            "title": "Edit the indicator",
            "button": "Save indicator",
            "cancel_url": detail,
            "crumbs": breadcrumbs(LIBRARY, _crumb(indicator), ("Edit", None)),
        },
    )


TABLE_PERIODS = (
    24  # periods in the page's table (ten years of a monthly measure are 120: all are downloadable)
)
# Agencies in the page's table and on its chart at a time: a large partnership has a hundred or more that
# give a measure (the schools are one pooled series), too many lines for a chart or columns for a table.
AGENCIES_SHOWN = 12


@require_GET
@require("impact.view")
def indicator_detail(request, pk):
    indicator = _indicator(request, pk)
    # The agencies' own series a page at a time (?page=2): only the page's agencies' values are read.
    page, pagination = paginate(request, agencies_reporting(indicator, schools=False), AGENCIES_SHOWN)
    data = curve(indicator, schools_together=True, agency_names=page.object_list)
    story = Story.objects.filter(indicator=indicator).prefetch_related("actions__owner_agency").first()
    evidence = indicator.evidence.select_related("key_message__summary").order_by("pk")
    return render(
        request,
        "performance/indicator_detail.html",
        {
            "indicator": indicator,
            "curve": data,
            "rows": list(itertools.islice(data.rows(), TABLE_PERIODS)),
            "period_count": len(data.periods),
            "chart": data.chart(with_agencies=len(data.agencies) > 1 or page.paginator.count > 1)
            if data.periods
            else None,
            "agency_names": sorted(data.agencies),
            "agency_page": page,
            "agency_pagination": pagination,
            "providers": list(indicator.providers.order_by("name")),
            "story": story,
            "evidence": list(evidence),
            "may_submit": can(request.user, "impact.submit"),
            "crumbs": breadcrumbs(LIBRARY, (indicator.name, None)),
        },
    )


@require_http_methods(GET_POST)
@require("impact.story")
def indicator_story(request, pk):
    indicator = _indicator(request, pk)
    story = Story.objects.filter(indicator=indicator).first() or Story(indicator=indicator)
    detail = reverse("performance:indicator_detail", args=[pk])
    actions = Action.objects.visible_to(request.user).select_related("owner_agency").order_by("-due_on")[:200]
    form = StoryForm(
        *bound(request), instance=story, actions=Action.objects.filter(pk__in=[a.pk for a in actions])
    )
    return edit_with_conflict(
        request,
        form,
        lambda f: services.story_save(
            story=f.instance,
            actions=f.cleaned_data["actions"],
            expected_version=f.cleaned_data.get("version"),
            by=request.user,
        ),
        template=FORM,
        what="The story behind this curve",
        success_url=detail,
        success_message="Story behind the curve saved",
        context={
            "title": "The story behind the curve",
            "caption": indicator.name,
            "button": "Save the story",
            "cancel_url": detail,
            "crumbs": breadcrumbs(LIBRARY, _crumb(indicator), ("Story", None)),
        },
    )


@require_GET
@require("impact.view")
def indicator_export(request, pk):
    indicator = _indicator(request, pk)
    return scorecard.indicator_spreadsheet(indicator, curve(indicator), fmt=request.GET.get("format", "xlsx"))


@require_GET
@require("impact.view")
def indicator_values_export(request, pk):
    """The indicator's values with their commentary as CSV, as each value's page shows them."""
    indicator = _indicator(request, pk)
    return scorecard.indicator_values_csv(
        indicator, Submission.objects.visible_to(request.user).filter(indicator=indicator)
    )


@require_GET
@require("impact.view")
def indicator_scorecard(request, pk):
    indicator = _indicator(request, pk)
    return scorecard.scorecard_response(
        [(indicator, curve(indicator, schools_together=True))],
        title=f"Scorecard: {indicator.name}",
        fmt=request.GET.get("format", "pdf"),
    )


@require_http_methods(GET_POST)
@require("impact.story")
def evidence_add(request):
    """A key message names an indicator's change between two periods as its evidence of impact."""
    initial = {
        k: v
        for k, v in (
            ("key_message", request.GET.get("key_message")),
            ("indicator", request.GET.get("indicator")),
        )
        if v and v.isdigit()
    }
    form = EvidenceForm(*bound(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            evidence = impact_evidence_add(evidence=form.instance, by=request.user)
        except ValidationError as error:
            apply_errors(form, error)
        except IntegrityError:
            form.add_error("indicator", "This key message already names this indicator")
        else:
            messages.success(request, "Evidence of impact added to the key message's trail")
            return redirect("reports:key_message_trail", pk=evidence.key_message_id)
    return render(
        request,
        FORM,
        {
            "form": form,
            "title": "Add evidence of impact",
            "button": "Add evidence",
            "cancel_url": LIBRARY[1],
            "crumbs": breadcrumbs(LIBRARY, ("Evidence of impact", None)),
        },
    )
