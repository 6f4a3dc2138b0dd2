"""The learning register pages: activities, their documents and findings, recurrence, and the theme and
priority vocabularies. Views stay thin: forms validate, services_register writes."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse, reverse_lazy
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from learningloop.core.access import get_visible_or_404, require
from learningloop.core.breadcrumbs import breadcrumbs
from learningloop.core.pagination import paginate
from learningloop.core.policy import can
from learningloop.core.spreadsheets import CSV, XLSX
from learningloop.core.stored_files import child_file_download
from learningloop.core.views_kit import apply_errors, bound, edit_with_conflict

from ..filters import SORT_LABELS, ActivityFilterSet
from ..models import (
    ActivityDocument,
    ActivityStatus,
    Finding,
    FindingKind,
    LearningActivity,
    Priority,
    RecurrenceMark,
    Theme,
)
from ..recurrence.views import finding_page, visible_finding
from . import exports
from . import services as services_register
from .forms import (
    ActivityForm,
    DocumentForm,
    FindingForm,
    PriorityForm,
    ThemeForm,
)

GET_POST = ["GET", "POST"]
STATUS_LABELS = dict(ActivityStatus.choices)
REGISTER = ("Learning register", reverse_lazy("learning:activity_list"))
FORM_TEMPLATE = "learning/_register_form.html"
CONFIRM_TEMPLATE = "learning/_register_confirm.html"


_crumbs = breadcrumbs


def _render(request, template, context):
    """render(), plus what the register's sub-navigation needs."""
    context.setdefault("can_vocabulary", can(request.user, "vocabulary.manage"))
    return render(request, template, context)


def _form_page(request, form, *, title, button, crumbs, cancel_url, **extra):
    context = {"form": form, "title": title, "button": button, "crumbs": crumbs, "cancel_url": cancel_url}
    return _render(request, FORM_TEMPLATE, {**context, **extra})


def _activity_crumb(activity):
    return (activity.title, reverse("learning:activity_detail", args=[activity.pk]))


def _query_without_page(request, **changes):
    query = request.GET.copy()
    query.pop("page", None)
    for key, value in changes.items():
        query[key] = value
    return query.urlencode()


# --- The register ---


@require_GET
@require("learning.view")
def activity_list(request):
    filters = ActivityFilterSet(request=request, queryset=LearningActivity.objects.visible_to(request.user))
    today = timezone.localdate()
    page, pagination = paginate(request, filters.qs, rows=lambda rows: rows.register_rows(today))
    return _render(
        request,
        "learning/activity_list.html",
        {
            "form": filters.form,
            "page": page,
            "pagination": pagination,
            "columns": filters.sort_columns(SORT_LABELS),
            "status_labels": STATUS_LABELS,
            "applied": filters.applied(),
            "csv_url": filters.url_with_filters(reverse("learning:activity_export_csv")),
            "xlsx_url": filters.url_with_filters(reverse("learning:activity_export_xlsx")),
            "can_manage": can(request.user, "learning.manage"),
            "can_export": can(request.user, "learning.export"),
            "can_vocabulary": can(request.user, "vocabulary.manage"),
        },
    )


def _filtered_for_export(request):
    return ActivityFilterSet(request=request, queryset=LearningActivity.objects.visible_to(request.user)).qs


@require_GET
@require("learning.export")
def activity_export_csv(request):
    return exports.response(_filtered_for_export(request), CSV)


@require_GET
@require("learning.export")
def activity_export_xlsx(request):
    return exports.response(_filtered_for_export(request), XLSX)


# --- Activities ---


def _activity_save(form, by):
    return services_register.activity_save(
        activity=form.save(commit=False),
        provider_agencies=form.cleaned_data.get("provider_agencies") or [],
        priorities=form.cleaned_data.get("priorities") or [],
        by=by,
        expected_version=form.cleaned_data.get("version"),
    )


def _save_activity(request, form, by):
    try:
        return _activity_save(form, by)
    except ValidationError as error:
        apply_errors(form, error)
        return None


def _edit_page(request, form, save, *, what, success_url, message, title, button, crumbs, cancel_url,
               duplicate_field=None, **extra):  # fmt: skip
    """An edit page of the register: the one edit path (core.views_kit) and the register's form page."""
    context = {"title": title, "button": button, "crumbs": crumbs, "cancel_url": cancel_url, **extra}
    context.setdefault("can_vocabulary", can(request.user, "vocabulary.manage"))
    return edit_with_conflict(
        request, form, save, template=FORM_TEMPLATE, context=context, what=what,
        success_url=success_url, success_message=message, duplicate_field=duplicate_field,
    )  # fmt: skip


@require_http_methods(GET_POST)
@require("learning.manage")
def activity_create(request):
    form = ActivityForm(*bound(request))
    if (
        request.method == "POST"
        and form.is_valid()
        and (activity := _save_activity(request, form, request.user))
    ):
        messages.success(request, "Activity added")
        return redirect("learning:activity_detail", pk=activity.pk)
    return _form_page(
        request,
        form,
        title="Add a learning activity",
        button="Save activity",
        crumbs=_crumbs(REGISTER, ("Add a learning activity", None)),
        cancel_url=REGISTER[1],
    )


def _review_url(activity):
    """The case review page, when the activity is a case review and that page exists."""
    try:
        review = activity.case_review
    except LearningActivity.case_review.RelatedObjectDoesNotExist:
        return None
    try:
        return reverse("learning:review_detail", kwargs={"pk": review.pk})
    except NoReverseMatch:
        return None


@require_GET
@require("learning.view")
def activity_detail(request, pk):
    activity = get_visible_or_404(
        LearningActivity.objects.select_related("source_type", "owning_group", "created_by").prefetch_related(
            "provider_agencies",
            "priorities",
            "documents",
            Prefetch("findings", queryset=Finding.objects.prefetch_related("themes").order_by("pk")),
        ),
        request.user,
        pk=pk,
    )
    findings = list(activity.findings.all())
    groups = [
        (kind.label, [f for f in findings if f.kind == kind])
        for kind in (FindingKind.IMPROVEMENT, FindingKind.STRENGTH)
    ]
    return _render(
        request,
        "learning/activity_detail.html",
        {
            "activity": activity,
            "finding_groups": groups,
            "finding_count": len(findings),
            "review_url": _review_url(activity),
            "can_manage": can(request.user, "learning.manage"),
            "crumbs": _crumbs(REGISTER, (activity.title, None)),
        },
    )


@require_http_methods(GET_POST)
@require("learning.manage")
def activity_edit(request, pk):
    activity = get_visible_or_404(LearningActivity.objects, request.user, pk=pk)
    detail = reverse("learning:activity_detail", args=[pk])
    return _edit_page(
        request,
        ActivityForm(*bound(request), instance=activity),
        lambda form: _activity_save(form, request.user),
        what="This activity",
        success_url=detail,
        message="Activity updated",
        title=f"Edit {activity.title}",
        button="Save activity",
        crumbs=_crumbs(REGISTER, _activity_crumb(activity), ("Edit", None)),
        cancel_url=detail,
    )


# --- Documents ---


@require_http_methods(GET_POST)
@require("learning.manage")
def document_upload(request, pk):
    activity = get_visible_or_404(LearningActivity.objects, request.user, pk=pk)
    form = DocumentForm(*bound(request, files=True))
    if request.method == "POST" and form.is_valid():
        try:
            services_register.document_attach(
                activity=activity, upload=form.cleaned_data["file"], by=request.user
            )
        except ValidationError as error:
            form.add_error("file", error.messages[0])
        else:
            messages.success(request, "Document added")
            return redirect("learning:activity_detail", pk=activity.pk)
    detail = reverse("learning:activity_detail", args=[pk])
    return _form_page(
        request,
        form,
        title="Add a document",
        button="Upload document",
        crumbs=_crumbs(REGISTER, _activity_crumb(activity), ("Add a document", None)),
        cancel_url=detail,
        multipart=True,
    )


def _document(request, pk):
    document = ActivityDocument.objects.select_related("activity").filter(pk=pk).first()
    if document is None:
        raise Http404
    # A document is visible exactly when its activity is.
    get_visible_or_404(LearningActivity.objects, request.user, pk=document.activity_id)
    return document


@require_GET
@require("learning.view")
def document_download(request, pk):
    return child_file_download(
        request, ActivityDocument.objects, pk=pk, parent=LearningActivity.objects, parent_field="activity"
    )


@require_http_methods(GET_POST)
@require("learning.manage")
def document_delete(request, pk):
    document = _document(request, pk)
    activity = document.activity
    detail = reverse("learning:activity_detail", args=[activity.pk])
    if request.method == "POST":
        services_register.document_delete(document=document)
        messages.success(request, "Document deleted")
        return redirect(detail)
    return _render(
        request,
        CONFIRM_TEMPLATE,
        {
            "title": f"Delete {document.original_name}?",
            "button": "Delete document",
            "cancel_url": detail,
            "crumbs": _crumbs(REGISTER, _activity_crumb(activity), ("Delete document", None)),
            "explanation": "The document will be removed from the activity. This cannot be undone.",
        },
    )


# --- Findings ---


_finding = visible_finding


def _finding_save(form):
    return services_register.finding_save(
        finding=form.save(commit=False),
        themes=form.cleaned_data.get("themes") or [],
        by=form.user,
        expected_version=form.cleaned_data.get("version"),
    )


def _save_finding(form):
    try:
        return _finding_save(form)
    except ValidationError as error:
        apply_errors(form, error)
        return None


@require_http_methods(GET_POST)
@require("learning.manage")
def finding_create(request, pk):
    activity = get_visible_or_404(LearningActivity.objects, request.user, pk=pk)
    form = FindingForm(*bound(request), instance=Finding(activity=activity))
    form.user = request.user
    if request.method == "POST" and form.is_valid() and (finding := _save_finding(form)):
        messages.success(request, "Finding added")
        return redirect("learning:finding_detail", pk=finding.pk)
    return _form_page(
        request,
        form,
        title="Add a finding",
        button="Save finding",
        crumbs=_crumbs(REGISTER, _activity_crumb(activity), ("Add a finding", None)),
        cancel_url=reverse("learning:activity_detail", args=[pk]),
        caption=activity.title,
    )


@require_GET
@require("learning.view")
def finding_detail(request, pk):
    return finding_page(request, _finding(request, pk))


@require_http_methods(GET_POST)
@require("learning.manage")
def finding_edit(request, pk):
    finding = _finding(request, pk)
    form = FindingForm(*bound(request), instance=finding)
    form.user = request.user
    detail = reverse("learning:finding_detail", args=[pk])
    return _edit_page(
        request,
        form,
        _finding_save,
        what="This finding",
        success_url=detail,
        message="Finding updated",
        title="Edit finding",
        button="Save finding",
        crumbs=_crumbs(REGISTER, _activity_crumb(finding.activity), ("Edit finding", None)),
        cancel_url=detail,
        caption=finding.activity.title,
    )


@require_http_methods(GET_POST)
@require("learning.manage")
def finding_delete(request, pk):
    finding = _finding(request, pk)
    detail = reverse("learning:activity_detail", args=[finding.activity_id])
    if request.method == "POST":
        services_register.finding_delete(finding=finding)
        messages.success(request, "Finding deleted")
        return redirect(detail)
    return _render(
        request,
        CONFIRM_TEMPLATE,
        {
            "title": "Delete this finding?",
            "button": "Delete finding",
            "cancel_url": detail,
            "quote": finding.text,
            "crumbs": _crumbs(REGISTER, _activity_crumb(finding.activity), ("Delete finding", None)),
            "explanation": "The finding and its themes will be removed from the activity. "
            "Key messages that cite it will no longer link to it. This cannot be undone.",
        },
    )


# --- Recurrence ---


@require_GET
@require("learning.view")
def themes_recurrence(request):
    rows = list(Theme.objects.recurrence())
    confirmed = RecurrenceMark.objects.by_theme()
    for row in rows:
        row["confirmed"] = confirmed.get(row["themes__name"], 0)
    return _render(
        request,
        "learning/theme_recurrence.html",
        {
            "rows": rows,
            "confirmed_total": RecurrenceMark.objects.confirmed().count(),
            "crumbs": _crumbs(REGISTER, ("Recurring themes", None)),
        },
    )


# --- Vocabularies: themes and partnership priorities ---

VOCABULARIES = {
    "theme": {
        "model": Theme,
        "form": ThemeForm,
        "plural": "Themes",
        "singular": "theme",
        "list": "learning:theme_list",
        "create": "learning:theme_create",
        "edit": "learning:theme_edit",
        "template": "learning/theme_list.html",
    },
    "priority": {
        "model": Priority,
        "form": PriorityForm,
        "plural": "Partnership priorities",
        "singular": "priority",
        "list": "learning:priority_list",
        "create": "learning:priority_create",
        "edit": "learning:priority_edit",
        "template": "learning/priority_list.html",
    },
}


def _vocabulary_list(request, kind):
    spec = VOCABULARIES[kind]
    related = "findings" if kind == "theme" else "activities"
    items = (
        spec["model"]
        .objects.visible_to(request.user)
        .annotate(uses=Count(related))
        .order_by("-is_active", "name")
    )
    return _render(
        request,
        spec["template"],
        {"items": items, "spec": spec, "crumbs": _crumbs(REGISTER, (spec["plural"], None))},
    )


def _vocabulary_form(request, kind, pk=None):
    spec = VOCABULARIES[kind]
    instance = get_visible_or_404(spec["model"].objects, request.user, pk=pk) if pk else spec["model"]()
    form = spec["form"](*bound(request), instance=instance)
    title = f"Edit {instance.name}" if pk else f"Add a {spec['singular']}"
    return _edit_page(
        request,
        form,
        lambda form: services_register.vocabulary_save(
            item=form.save(commit=False), expected_version=form.cleaned_data.get("version")
        ),
        what=f"This {spec['singular']}",
        success_url=reverse(spec["list"]),
        message=f"{spec['singular'].capitalize()} {'updated' if pk else 'added'}",
        title=title,
        button=f"Save {spec['singular']}",
        crumbs=_crumbs(REGISTER, (spec["plural"], reverse(spec["list"])), (title, None)),
        cancel_url=reverse(spec["list"]),
        duplicate_field="name",
    )


@require_GET
@require("vocabulary.manage")
def theme_list(request):
    return _vocabulary_list(request, "theme")


@require_http_methods(GET_POST)
@require("vocabulary.manage")
def theme_create(request):
    return _vocabulary_form(request, "theme")


@require_http_methods(GET_POST)
@require("vocabulary.manage")
def theme_edit(request, pk):
    return _vocabulary_form(request, "theme", pk)


@require_GET
@require("vocabulary.manage")
def priority_list(request):
    return _vocabulary_list(request, "priority")


@require_http_methods(GET_POST)
@require("vocabulary.manage")
def priority_create(request):
    return _vocabulary_form(request, "priority")


@require_http_methods(GET_POST)
@require("vocabulary.manage")
def priority_edit(request, pk):
    return _vocabulary_form(request, "priority", pk)
