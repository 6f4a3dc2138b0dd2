"""The finding page's "were these improvements previously identified?" section, and a chair's mark on one
of its suggestions. Views stay thin: the suggestions are a QuerySet read, the mark a service."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.views.decorators.http import require_POST

from learningloop.core.access import get_visible_or_404, require
from learningloop.core.breadcrumbs import breadcrumbs
from learningloop.core.policy import can
from learningloop.core.views_kit import apply_errors

from ..models import Finding, LearningActivity, RecurrenceVerdict
from . import services
from .forms import MarkForm

REGISTER = ("Learning register", reverse_lazy("learning:activity_list"))


def visible_finding(request, pk):
    """A finding the user may see (its activity visible too), with what its page shows."""
    finding = get_visible_or_404(
        Finding.objects.select_related("activity", "activity__source_type").prefetch_related("themes"),
        request.user,
        pk=pk,
    )
    get_visible_or_404(LearningActivity.objects, request.user, pk=finding.activity_id)
    return finding


def finding_page(request, finding, *, form=None, status=200):
    """The finding page, with its suggestions and (after a refused mark) the error summary."""
    activity = finding.activity
    return render(
        request,
        "learning/finding_detail.html",
        {
            "finding": finding,
            "activity": activity,
            "similar": Finding.objects.similar_to(finding),
            "form": form,
            "can_manage": can(request.user, "learning.manage"),
            "can_mark": can(request.user, "recurrence.mark"),
            "can_vocabulary": can(request.user, "vocabulary.manage"),
            "verdicts": RecurrenceVerdict,
            "crumbs": breadcrumbs(
                REGISTER,
                (activity.title, reverse("learning:activity_detail", args=[activity.pk])),
                ("Finding", None),
            ),
        },
        status=status,
    )


@require_POST
@require("recurrence.mark")
def suggestion_mark(request, pk, earlier):
    finding = visible_finding(request, pk)
    other = visible_finding(request, earlier)
    form = MarkForm(request.POST)
    if form.is_valid():
        verdict = form.cleaned_data["verdict"]
        try:
            services.recurrence_mark_record(finding=finding, earlier=other, verdict=verdict, by=request.user)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            label = RecurrenceVerdict(verdict).label.lower()
            messages.success(request, f"Suggestion marked {label}")
            return redirect(reverse("learning:finding_detail", args=[pk]) + "#previously-identified")
    return finding_page(request, finding, form=form)
