"""Agencies' data returns: submit a value, correct one (the earlier value kept with who and why), upload a
file of values through the one import path, download the prefilled template, follow a large import, and
see what is late or missing by agency and period."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from learningloop.core import imports as kit
from learningloop.core.access import require
from learningloop.core.breadcrumbs import breadcrumbs
from learningloop.core.concurrency import EditConflict, conflict_response
from learningloop.core.import_pages import ImportFileForm, add_import_errors, import_run_page
from learningloop.core.models import ImportRun
from learningloop.core.pagination import paginate
from learningloop.core.policy import can
from learningloop.core.views_kit import apply_errors, bound

from ..imports import SUBMISSIONS
from ..late_returns import late_returns
from ..models import DataDue, Indicator, Submission
from ..periods import period_starting
from . import services
from .forms import CorrectionForm, LateFilterSet, SubmissionForm

GET_POST = ["GET", "POST"]
LIBRARY = ("Indicators", reverse_lazy("performance:indicator_list"))
FORM = "performance/form.html"


def _agencies_for(user, indicator):
    providers = indicator.providers.order_by("name")
    if can(user, "impact.manage"):
        return list(providers)
    return list(providers.filter(pk=user.agency_id))


@require_http_methods(GET_POST)
@require("impact.submit")
def submission_create(request, pk):
    indicator = get_object_or_404(Indicator.objects.visible_to(request.user).active(), pk=pk)
    agencies = _agencies_for(request.user, indicator)
    if not agencies:
        raise PermissionDenied  # the user's agency does not provide this indicator
    owed = DataDue.objects.filter(
        indicator=indicator, agency__in=agencies, done_on=None, period_end__lt=timezone.localdate()
    )
    starts = sorted({d.period_start for d in owed}, reverse=True)
    periods = [p for p in (period_starting(indicator.frequency, s) for s in starts) if p]
    form = SubmissionForm(*bound(request), agencies=agencies, periods=periods, indicator=indicator)
    detail = reverse("performance:indicator_detail", args=[pk])
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        agency = next(a for a in agencies if str(a.pk) == data["agency"])
        period = next(p for p in periods if p.start.isoformat() == data["period"])
        try:
            services.submission_submit(
                indicator=indicator,
                agency=agency,
                period=period,
                value=data.get("value"),
                numerator=data.get("numerator"),
                denominator=data.get("denominator"),
                commentary=data["commentary"],
                by=request.user,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"{period.label} value submitted for {agency}")
            return redirect(detail)
    return render(
        request,
        FORM,
        {
            "form": form,
            "title": "Submit a value",
            "caption": indicator.name,
            "button": "Submit value",
            "cancel_url": detail,
            "crumbs": breadcrumbs(LIBRARY, (indicator.name, detail), ("Submit", None)),
            "nothing_owed": not periods,
        },
    )


def _submission(request, pk):
    return get_object_or_404(
        Submission.objects.visible_to(request.user).select_related("indicator", "agency"), pk=pk
    )


@require_GET
@require("impact.view")
def submission_detail(request, pk):
    submission = _submission(request, pk)
    return render(
        request,
        "performance/submission_detail.html",
        {
            "submission": submission,
            "corrections": submission.corrections.select_related("changed_by", "submitted_by"),
            "may_correct": can(request.user, "impact.submit", submission),
            "crumbs": breadcrumbs(
                LIBRARY,
                (
                    submission.indicator.name,
                    reverse("performance:indicator_detail", args=[submission.indicator_id]),
                ),
                ("Submitted value", None),
            ),
        },
    )


@require_http_methods(GET_POST)
@require("impact.submit")
def submission_correct(request, pk):
    submission = _submission(request, pk)
    if not can(request.user, "impact.submit", submission):
        raise PermissionDenied  # another agency's value
    form = CorrectionForm(*bound(request), instance=submission)
    back = reverse("performance:submission_detail", args=[pk])
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.submission_correct(
                submission=submission,
                expected_version=data["version"],
                value=data.get("value"),
                numerator=data.get("numerator"),
                denominator=data.get("denominator"),
                commentary=data["commentary"],
                reason=data["reason"],
                by=request.user,
            )
        except EditConflict as conflict:
            return conflict_response(
                request, form, conflict, title="This value", edit_url=request.path, back_url=back
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Value corrected: the earlier value is kept in its history")
            return redirect(back)
    return render(
        request,
        FORM,
        {
            "form": form,
            "title": "Correct a submitted value",
            "caption": f"{submission.indicator.name}: {submission.agency}",
            "button": "Save the correction",
            "cancel_url": back,
            "crumbs": breadcrumbs(
                LIBRARY,
                (
                    submission.indicator.name,
                    reverse("performance:indicator_detail", args=[submission.indicator_id]),
                ),
                ("Correct", None),
            ),
        },
    )


IMPORT_CRUMB = ("Upload a file of values", reverse_lazy("performance:import_upload"))


@require_http_methods(GET_POST)
@require("impact.submit")
def import_upload(request):
    form = ImportFileForm(*bound(request, files=True))
    if request.method == "POST" and form.is_valid():
        try:
            run = kit.import_run_start(
                spec=SUBMISSIONS,
                upload=form.cleaned_data["file"],
                user=request.user,
                context={"agency_id": request.user.agency_id},
            )
        except ValidationError as error:
            apply_errors(form, ValidationError({"file": error.messages}))
        else:
            if run.status == ImportRun.Status.DONE:
                messages.success(
                    request, f"{run.saved_rows:,} value{'' if run.saved_rows == 1 else 's'} imported"
                )
                return redirect("performance:import_upload")
            if run.status == ImportRun.Status.FAILED:
                add_import_errors(form, run)
            else:
                return redirect("performance:import_run", pk=run.pk)
    return render(
        request,
        "performance/import_upload.html",
        {
            "form": form,
            "crumbs": breadcrumbs(LIBRARY, ("Upload a file of values", None)),
            "recent": ImportRun.objects.visible_to(request.user).filter(spec=SUBMISSIONS.key)[:5],
        },
    )


@require_GET
@require("impact.submit")
def import_template(request):
    return kit.template_response(
        SUBMISSIONS,
        user=request.user,
        fmt=request.GET.get("format", "xlsx"),
        filename="data-returns-template",
    )


@require_GET
@require("impact.submit")
def import_run(request, pk):
    return import_run_page(
        request,
        pk,
        title="Importing values",
        back_url=reverse("performance:import_upload"),
        back_text="Upload another file",
        breadcrumbs=breadcrumbs(LIBRARY, IMPORT_CRUMB, ("Import", None)),
    )


@require_GET
@require("impact.view")
def late_list(request):
    """Late and missing returns by agency and period: the business unit sees every agency, an agency
    user their own."""
    today = timezone.localdate()
    filters = LateFilterSet(
        request.GET or None, request=request, queryset=DataDue.objects.visible_to(request.user)
    )
    page, pagination = paginate(request, late_returns(filters.qs, today))
    return render(
        request,
        "performance/late_list.html",
        {
            "page": page,
            "pagination": pagination,
            "rows": [(d, d.deadline_status(today)) for d in page.object_list],
            "form": filters.form,
            "crumbs": breadcrumbs(LIBRARY, ("Late and missing returns", None)),
        },
    )
