"""Complaints and compliments pages: the counts by year with their trend chart and a table, filterable by
agency and theme, and the form that records a quarter's count."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.views.decorators.http import require_GET, require_http_methods

from learningloop.core import imports as import_kit
from learningloop.core.access import require
from learningloop.core.breadcrumbs import breadcrumbs
from learningloop.core.import_pages import ImportFileForm, add_import_errors, import_run_page
from learningloop.core.models import ImportRun
from learningloop.core.pagination import paginate
from learningloop.core.policy import PARTNERSHIP_WIDE, can, has_any_role
from learningloop.core.views_kit import apply_errors, bound
from learningloop.partnership.models import Agency

from ..filters import FeedbackFilterSet
from ..models import FeedbackCount, FeedbackKind
from ..pages import form_page
from . import services
from .forms import FeedbackCountForm
from .imports import SPEC

LIST = ("Complaints and compliments", reverse_lazy("assurance:feedback_list"))


def trend_chart(totals):
    from learningloop.core.charts import Series, line_chart

    years = sorted({year for year, _ in totals})
    if not years:
        return None, []
    rows = [
        {
            "year": y,
            "complaints": totals.get((y, FeedbackKind.COMPLAINT), 0),
            "compliments": totals.get((y, FeedbackKind.COMPLIMENT), 0),
        }
        for y in years
    ]
    chart = line_chart(
        title="Complaints and compliments from children and young people, by year",
        periods=[str(y) for y in years],
        series=[
            Series("Complaints", [r["complaints"] for r in rows]),
            Series("Compliments", [r["compliments"] for r in rows]),
        ],
    )
    return chart, rows


@require_GET
@require("assurance.view")
def feedback_list(request):
    filters = FeedbackFilterSet(request=request, queryset=FeedbackCount.objects.all())
    chart, years = trend_chart(filters.qs.by_year())
    page, pagination = paginate(request, filters.qs.select_related("agency", "theme"))
    return render(
        request,
        "assurance/feedback_list.html",
        {
            "form": filters.form,
            "chart": chart,
            "years": years,
            "page": page,
            "pagination": pagination,
            "can_record": can(request.user, "feedback.record"),
        },
    )


@require_http_methods(["GET", "POST"])
@require("feedback.record")
def feedback_create(request):
    on_behalf = has_any_role(request.user, PARTNERSHIP_WIDE)
    form = FeedbackCountForm(*bound(request), choose_agency=on_behalf)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        agency = data.get("agency") or Agency.objects.get(pk=request.user.agency_id)
        try:
            services.feedback_count_record(
                agency=agency,
                period_start=data["period_start"],
                kind=data["kind"],
                theme=data["theme"],
                count=data["count"],
                by=request.user,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Count recorded")
            return redirect("assurance:feedback_list")
    return form_page(
        request,
        form,
        title="Record complaints or compliments",
        button="Record the count",
        crumbs=breadcrumbs(LIST, ("Record", None)),
        cancel_url=LIST[1],
    )


# --- Import from a file (core.imports, ADR 0016) ---


def _import_context(user):
    """The business unit imports for any agency; an agency's lead for their own agency only."""
    return {"own_agency": None if has_any_role(user, PARTNERSHIP_WIDE) else user.agency_id}


@require_http_methods(["GET", "POST"])
@require("feedback.record")
def feedback_import(request):
    """Counts by agency, quarter, kind and theme from a CSV or Excel file, all or nothing; a quarter
    imported again is corrected, as the form corrects it."""
    form = ImportFileForm(*bound(request, files=True))
    if request.method == "POST" and form.is_valid():
        try:
            run = import_kit.import_run_start(
                spec=SPEC,
                upload=form.cleaned_data["file"],
                user=request.user,
                context=_import_context(request.user),
            )
        except ValidationError as error:
            apply_errors(form, ValidationError({"file": error.messages}))
        else:
            if run.status == ImportRun.Status.DONE:
                messages.success(
                    request,
                    f"Counts imported from {run.saved_rows:,} row{'' if run.saved_rows == 1 else 's'}",
                )
                return redirect("assurance:feedback_list")
            if run.status == ImportRun.Status.FAILED:
                add_import_errors(form, run)
            else:
                return redirect("assurance:feedback_import_run", pk=run.pk)
    return render(
        request,
        "assurance/feedback_import.html",
        {
            "form": form,
            "title": "Import complaints and compliments",
            "columns": SPEC.columns,
            "crumbs": breadcrumbs(LIST, ("Import from a file", None)),
            "cancel_url": LIST[1],
        },
    )


@require_GET
@require("feedback.record")
def feedback_import_template(request):
    return import_kit.template_response(
        SPEC,
        user=request.user,
        context=_import_context(request.user),
        fmt=request.GET.get("format", "xlsx"),
        filename="complaints-and-compliments-template",
    )


@require_GET
@require("feedback.record")
def feedback_import_run(request, pk):
    return import_run_page(
        request,
        pk,
        title="Importing complaints and compliments",
        back_url=reverse("assurance:feedback_import"),
        back_text="Import another file",
        breadcrumbs=breadcrumbs(LIST, ("Import", None)),
    )
