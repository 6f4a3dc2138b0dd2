""" "You said, we did" pages: the list (search, filters, export), an entry with its links to the learning
trail, and the one add and edit path."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.views.decorators.http import require_GET, require_http_methods

from learningloop.core.access import get_visible_or_404, require
from learningloop.core.breadcrumbs import breadcrumbs
from learningloop.core.pagination import paginate
from learningloop.core.policy import can
from learningloop.core.spreadsheets import CSV, XLSX, spreadsheet_response
from learningloop.core.views_kit import apply_errors, bound, edit_with_conflict
from learningloop.improvement.models import Action
from learningloop.learning.models import KeyMessage

from ..models import YouSaidWeDid
from ..pages import FORM, form_page
from . import services
from .forms import YouSaidWeDidFilterSet, YouSaidWeDidForm

VIEW, MANAGE = "assurance.view", "yswd.manage"
LIST = ("You said, we did", reverse_lazy("assurance:yswd_list"))


def _detail_url(entry):
    return reverse("assurance:yswd_detail", args=[entry.pk])


def _listed(request):
    return YouSaidWeDidFilterSet(
        request=request,
        queryset=YouSaidWeDid.objects.visible_to(request.user)
        .select_related("source_activity", "survey")
        .prefetch_related("themes"),
    )


@require_GET
@require(VIEW)
def yswd_list(request):
    filters = _listed(request)
    page, pagination = paginate(request, filters.qs)
    return render(
        request,
        "assurance/yswd_list.html",
        {
            "form": filters.form,
            "page": page,
            "pagination": pagination,
            "can_manage": can(request.user, MANAGE),
            "query": request.GET.urlencode(),
            "crumbs": breadcrumbs((LIST[0], None)),
        },
    )


EXPORT_HEADERS = [
    "Headline",
    "Who said it",
    "What they said",
    "Survey",
    "Learning source",
    "What the partnership did",
    "When",
    "Themes",
]


@require_GET
@require(VIEW)
def yswd_export(request):
    """The filtered list as a spreadsheet (Excel, or CSV with ?format=csv)."""
    filters = _listed(request)
    rows = [
        [
            e.title,
            e.get_heard_from_display(),
            e.said,
            e.survey.title if e.survey else "",
            e.source_activity.title if e.source_activity else "",
            e.did,
            e.did_on,
            ", ".join(t.name for t in e.themes.all()),
        ]
        for e in filters.qs
    ]
    fmt = CSV if request.GET.get("format") == CSV else XLSX
    return spreadsheet_response(
        headers=EXPORT_HEADERS, rows=rows, fmt=fmt, filename="you-said-we-did", sheet="You said, we did"
    )


@require_GET
@require(VIEW)
def yswd_detail(request, pk):
    entry = get_visible_or_404(
        YouSaidWeDid.objects.select_related("source_activity", "survey", "question").prefetch_related(
            "themes",
            Prefetch("key_messages", queryset=KeyMessage.objects.select_related("summary").order_by("pk")),
        ),
        request.user,
        pk=pk,
    )
    actions = list(
        Action.objects.visible_to(request.user)
        .filter(you_said_we_did=entry)
        .select_related("plan", "owner_agency")
        .order_by("due_on", "pk")
    )
    return render(
        request,
        "assurance/yswd_detail.html",
        {
            "entry": entry,
            "actions": actions,
            "can_manage": can(request.user, MANAGE),
            "crumbs": breadcrumbs(LIST, (entry.title, None)),
        },
    )


def _save(form, request, expected=None):
    data = form.cleaned_data
    return services.you_said_we_did_save(
        entry=form.save(commit=False),
        key_messages=data.get("key_messages") or [],
        actions=data.get("actions") or [],
        themes=data.get("themes") or [],
        expected_version=expected,
        by=request.user,
    )


@require_http_methods(["GET", "POST"])
@require(MANAGE)
def yswd_create(request):
    form = YouSaidWeDidForm(*bound(request))
    if request.method == "POST" and form.is_valid():
        try:
            entry = _save(form, request)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Added to “You said, we did”")
            return redirect(_detail_url(entry))
    return form_page(
        request,
        form,
        title="Add to “You said, we did”",
        button="Add",
        crumbs=breadcrumbs(LIST, ("Add", None)),
        cancel_url=LIST[1],
    )


@require_http_methods(["GET", "POST"])
@require(MANAGE)
def yswd_edit(request, pk):
    entry = get_visible_or_404(YouSaidWeDid.objects, request.user, pk=pk)
    url = _detail_url(entry)
    return edit_with_conflict(
        request,
        YouSaidWeDidForm(*bound(request), instance=entry),
        lambda form: _save(form, request, form.cleaned_data.get("version")),
        template=FORM,
        context={
            "title": f"Change “{entry.title}”",
            "button": "Save",
            "cancel_url": url,
            "crumbs": breadcrumbs(LIST, (entry.title, url), ("Change", None)),
        },
        what="This entry",
        success_url=url,
        success_message="Saved",
    )
