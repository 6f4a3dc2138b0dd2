"""Self-assessment pages: cycles and their overview (heat map of scores by standard × agency with its data
table, change since the last cycle), standard sets, returns, answers, evidence, submission, the lock at the
deadline, reopening and moderation. Views compose forms, querysets and services and stay thin."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from learningloop.core.access import get_visible_or_404, require
from learningloop.core.breadcrumbs import breadcrumbs
from learningloop.core.concurrency import EditConflict, conflict_message
from learningloop.core.pagination import paginate
from learningloop.core.policy import DENIED, can, state_rule, why_not
from learningloop.core.stored_files import child_file_download
from learningloop.core.views_kit import apply_errors, bound, edit_with_conflict

from ..filters import ReturnFilterSet
from ..models import Answer, Cycle, ReturnEvidence, SelfAssessmentReturn, Standard, StandardSet
from ..pages import FORM, form_page
from ..presenters import change_text, rag_of_average, return_status, score_tag
from . import services
from .forms import AnswerForm, CycleForm, EvidenceForm, ModerationForm, ReopenForm, StandardForm, SubmitForm

GET_POST = ["GET", "POST"]
CYCLES = ("Self-assessment", reverse_lazy("assurance:cycle_list"))
STANDARDS = ("Standards", reverse_lazy("assurance:standard_set_list"))
HEATMAP_PAGE = 50


def _cycle_crumb(cycle):
    return (cycle.name, reverse("assurance:cycle_detail", args=[cycle.pk]))


def _return_crumb(ret):
    return (ret.agency.name, reverse("assurance:return_detail", args=[ret.pk]))


def _return(request, pk, action=None):
    """The return if this user may see it (404 otherwise), read as locked from the day after its deadline;
    with `action`, 403 unless the user may take it on this return (whatever its state)."""
    qs = SelfAssessmentReturn.objects.select_related("cycle", "cycle__standard_set", "agency")
    ret = get_visible_or_404(qs, request.user, pk=pk).apply_deadline(timezone.localdate())
    if action and why_not(request.user, action, ret) == DENIED:
        raise PermissionDenied
    return ret


def _refused(request, ret, action):
    """The return's state does not allow this: the page says why (200 for a GET); a POST is refused (409)."""
    return render(
        request,
        "assurance/return_locked.html",
        {
            "ret": ret,
            "reason": state_rule(action, ret).refusal,
            "crumbs": breadcrumbs(CYCLES, _cycle_crumb(ret.cycle), _return_crumb(ret), ("Locked", None)),
        },
        status=409 if request.method == "POST" else 200,
    )


# --- Cycles and the overview ---


@require_GET
@require("assurance.view")
def cycle_list(request):
    today = timezone.localdate()
    cycles = list(Cycle.objects.select_related("standard_set").order_by("-due_on", "-pk")[:50])
    visible = SelfAssessmentReturn.objects.visible_to(request.user)
    counts = {c.pk: visible.filter(cycle=c).counts(today) for c in cycles[:10]}
    own = (
        visible.filter(agency_id=request.user.agency_id)
        .select_related("cycle")
        .order_by("-cycle__due_on")[:20]
    )
    return render(
        request,
        "assurance/cycle_list.html",
        {
            "rows": [{"cycle": c, "counts": counts.get(c.pk)} for c in cycles],
            "own": [{"ret": r, "status": return_status(r, today)} for r in own],
            "can_manage": can(request.user, "assurance.manage"),
        },
    )


@require_http_methods(GET_POST)
@require("assurance.manage")
def cycle_create(request):
    form = CycleForm(*bound(request))
    if request.method == "POST" and form.is_valid():
        try:
            cycle = services.cycle_create(**form.cleaned_data, by=request.user)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"Cycle created: {cycle.returns.count()} returns asked for")
            return redirect("assurance:cycle_detail", pk=cycle.pk)
    return form_page(
        request,
        form,
        title="Start a self-assessment cycle",
        button="Start the cycle",
        crumbs=breadcrumbs(CYCLES, ("New cycle", None)),
        cancel_url=CYCLES[1],
    )


def _averages_chart(cycle, summary):
    """The average score per standard as bars (the table beside it has the numbers and the change)."""
    from learningloop.core.charts import bar_chart

    if not summary or all(row["average"].key == "none" for row in summary):
        return None
    return bar_chart(
        title=f"{cycle.name}: average score by standard (0 to 3)",
        categories=[str(row["standard"]) for row in summary],
        values=[float(row["average"].text) if row["average"].key != "none" else None for row in summary],
    )


@require_GET
@require("assurance.view")
def cycle_detail(request, pk):
    """The overview: returns due, received and late; the heat map of scores (standards across, agencies
    down, 50 agencies a page) which is also its data table; averages and change since the last cycle.
    A fixed number of queries whatever the number of returns."""
    today = timezone.localdate()
    cycle = get_object_or_404(Cycle.objects.select_related("standard_set", "activity"), pk=pk)
    standards = list(
        cycle.standard_set.standards.filter(answers__ret__cycle=cycle).distinct().order_by("position")
    )
    visible = SelfAssessmentReturn.objects.visible_to(request.user).filter(cycle=cycle)
    filters = ReturnFilterSet(request=request, queryset=visible.select_related("agency", "cycle"))
    page, pagination = paginate(request, filters.qs.order_by("agency__name", "pk"), per_page=HEATMAP_PAGE)
    returns = list(page.object_list)
    scores = {}
    for ret_id, standard_id, score, moderated in Answer.objects.filter(ret__in=returns).values_list(
        "ret_id", "standard_id", "score", "moderated_score"
    ):
        scores[(ret_id, standard_id)] = moderated if moderated is not None else score
    rows = [
        {
            "ret": r,
            "status": return_status(r, today),
            "cells": [score_tag(scores.get((r.pk, s.pk))) for s in standards],
        }
        for r in returns
    ]
    see_all = can(request.user, "assurance.view_all")
    summary = []
    if see_all:
        previous = Cycle.objects.previous_of(cycle)
        now, before = Answer.objects.averages(cycle), Answer.objects.averages(previous, by="standard__title")
        summary = [
            {
                "standard": s,
                "average": rag_of_average(now.get(s.pk)),
                "change": change_text(now.get(s.pk), before.get(s.title)),
            }
            for s in standards
        ]
    else:
        previous = None
    chart = _averages_chart(cycle, summary)
    return render(
        request,
        "assurance/cycle_detail.html",
        {
            "cycle": cycle,
            "counts": visible.counts(today),
            "standards": standards,
            "rows": rows,
            "page": page,
            "pagination": pagination,
            "form": filters.form,
            "summary": summary,
            "previous": previous,
            "see_all": see_all,
            "chart": chart,
            "crumbs": breadcrumbs(CYCLES, (cycle.name, None)),
        },
    )


# --- Standard sets ---


@require_GET
@require("assurance.view")
def standard_set_list(request):
    sets = StandardSet.objects.prefetch_related("standards")
    return render(
        request,
        "assurance/standard_set_list.html",
        {
            "sets": sets,
            "can_manage": can(request.user, "assurance.manage"),
            "crumbs": breadcrumbs(CYCLES, ("Standards", None)),
        },
    )


@require_http_methods(GET_POST)
@require("assurance.manage")
def standard_create(request, pk):
    standard_set = get_object_or_404(StandardSet, pk=pk)
    form = StandardForm(*bound(request), instance=Standard(standard_set=standard_set))
    if request.method == "POST" and form.is_valid():
        try:
            services.standard_save(standard=form.instance)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Standard added")
            return redirect("assurance:standard_set_list")
    return form_page(
        request,
        form,
        title=f"Add a standard to {standard_set.name}",
        button="Add the standard",
        crumbs=breadcrumbs(CYCLES, STANDARDS, ("New standard", None)),
        cancel_url=STANDARDS[1],
    )


@require_http_methods(GET_POST)
@require("assurance.manage")
def standard_edit(request, pk):
    standard = get_object_or_404(Standard.objects.select_related("standard_set"), pk=pk)
    return edit_with_conflict(
        request,
        StandardForm(*bound(request), instance=standard),
        lambda form: services.standard_save(
            standard=form.instance, expected_version=form.cleaned_data["version"]
        ),
        template=FORM,
        context={
            "title": "Edit the standard",
            "button": "Save the standard",
            "caption": standard.standard_set.name,
            "crumbs": breadcrumbs(CYCLES, STANDARDS, (str(standard), None)),
            "cancel_url": STANDARDS[1],
        },
        what="This standard",
        success_url=STANDARDS[1],
        success_message="Standard saved",
    )


# --- Returns ---


@require_GET
@require("assurance.view")
def return_detail(request, pk):
    return _return_page(request, _return(request, pk))


def _return_page(request, ret, form=None):
    today = timezone.localdate()
    answers = list(ret.answers.select_related("standard"))
    previous = Cycle.objects.previous_of(ret.cycle)
    user = request.user
    return render(
        request,
        "assurance/return_detail.html",
        {
            "ret": ret,
            "status": return_status(ret, today),
            "answers": [
                {"answer": a, "score": score_tag(a.score), "moderated": score_tag(a.moderated_score)}
                for a in answers
            ],
            "evidence": list(ret.evidence.all()),
            "events": list(ret.events.select_related("by")),
            "moderations": list(ret.moderations.select_related("plan")),
            "can_complete": can(user, "selfassessment.complete", ret),
            "can_reopen": can(user, "selfassessment.reopen", ret),
            "can_moderate": can(user, "selfassessment.moderate", ret),
            "can_start": previous is not None and can(user, "selfassessment.complete", ret),
            "form": form,
            "crumbs": breadcrumbs(CYCLES, _cycle_crumb(ret.cycle), (ret.agency.name, None)),
        },
    )


@require_http_methods(GET_POST)
@require("selfassessment.complete")
def answer_edit(request, pk):
    answer = get_object_or_404(Answer.objects.select_related("standard"), pk=pk)
    ret = _return(request, answer.ret_id, "selfassessment.complete")
    if not can(request.user, "selfassessment.complete", ret):
        return _refused(request, ret, "selfassessment.complete")
    url = reverse("assurance:return_detail", args=[ret.pk])
    form = AnswerForm(*bound(request), instance=answer)
    if answer.standard.description:  # what the standard asks, above the score
        form.fields["score"].help_text = f"{answer.standard.description} 0 is red, 1 amber, 2 and 3 green."
    return edit_with_conflict(
        request,
        form,
        lambda form: services.answer_save(
            answer=form.instance, expected_version=form.cleaned_data["version"], by=request.user
        ),
        template=FORM,
        context={
            "title": str(answer.standard),
            "button": "Save the answer",
            "caption": ret.cycle.name,
            "intro": answer.standard.description,
            "crumbs": breadcrumbs(CYCLES, _cycle_crumb(ret.cycle), _return_crumb(ret), ("Answer", None)),
            "cancel_url": url,
        },
        what="This answer",
        success_url=url,
        success_message="Answer saved",
    )


def _after_post(request, ret, work, message):
    """Run a button's service on the return: success → back to the return with the message; a refusal
    by state → 409; bad input → the return page with the error summary, nothing saved."""
    if not can(request.user, "selfassessment.complete", ret):
        return _refused(request, ret, "selfassessment.complete")
    form = SubmitForm(request.POST)
    form.is_valid()
    try:
        work(form.cleaned_data.get("version") or 0)
    except EditConflict:
        form.add_error(None, conflict_message("this return"))
    except ValidationError as error:
        apply_errors(form, error)
    else:
        messages.success(request, message)
        return redirect("assurance:return_detail", pk=ret.pk)
    return _return_page(request, ret, form)


@require_POST
@require("selfassessment.complete")
def return_start(request, pk):
    ret = _return(request, pk, "selfassessment.complete")
    return _after_post(
        request,
        ret,
        lambda version: services.return_start(ret=ret, by=request.user),
        "Started from last cycle's answers: check and update each one",
    )


@require_POST
@require("selfassessment.complete")
def return_submit(request, pk):
    ret = _return(request, pk, "selfassessment.complete")
    return _after_post(
        request,
        ret,
        lambda version: services.return_submit(ret=ret, expected_version=version, by=request.user),
        "Return submitted to the partnership",
    )


@require_http_methods(GET_POST)
@require("selfassessment.complete")
def evidence_upload(request, pk):
    ret = _return(request, pk, "selfassessment.complete")
    if not can(request.user, "selfassessment.complete", ret):
        return _refused(request, ret, "selfassessment.complete")
    form = EvidenceForm(*bound(request, files=True))
    if request.method == "POST" and form.is_valid():
        try:
            services.evidence_attach(ret=ret, upload=form.cleaned_data["file"], by=request.user)
        except ValidationError as error:
            form.add_error("file", error.messages[0])
        else:
            messages.success(request, "Evidence added")
            return redirect("assurance:return_detail", pk=ret.pk)
    return form_page(
        request,
        form,
        title="Add evidence to the return",
        button="Upload evidence",
        caption=ret.cycle.name,
        multipart=True,
        crumbs=breadcrumbs(CYCLES, _cycle_crumb(ret.cycle), _return_crumb(ret), ("Evidence", None)),
        cancel_url=reverse("assurance:return_detail", args=[ret.pk]),
    )


@require_GET
@require("assurance.view")
def evidence_download(request, pk):
    return child_file_download(
        request, ReturnEvidence.objects, pk=pk, parent=SelfAssessmentReturn.objects, parent_field="ret"
    )


@require_http_methods(GET_POST)
@require("selfassessment.reopen")
def return_reopen(request, pk):
    ret = _return(request, pk, "selfassessment.reopen")
    if not can(request.user, "selfassessment.reopen", ret):
        return _refused(request, ret, "selfassessment.reopen")
    form = ReopenForm(*bound(request), initial={"version": ret.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.return_reopen(
                ret=ret,
                reason=form.cleaned_data["reason"],
                due_on=form.cleaned_data["due_on"],
                expected_version=form.cleaned_data["version"],
                by=request.user,
            )
        except EditConflict:
            form.add_error(None, conflict_message("this return"))
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Return reopened: the agency can change it until the new deadline")
            return redirect("assurance:return_detail", pk=ret.pk)
    return form_page(
        request,
        form,
        title="Reopen the return",
        button="Reopen the return",
        caption=f"{ret.agency.name}: {ret.cycle.name}",
        crumbs=breadcrumbs(CYCLES, _cycle_crumb(ret.cycle), _return_crumb(ret), ("Reopen", None)),
        cancel_url=reverse("assurance:return_detail", args=[ret.pk]),
    )


@require_http_methods(GET_POST)
@require("selfassessment.moderate")
def moderation_create(request, pk):
    ret = _return(request, pk, "selfassessment.moderate")
    if not can(request.user, "selfassessment.moderate", ret):
        return _refused(request, ret, "selfassessment.moderate")
    answers = list(ret.answers.select_related("standard"))
    form = ModerationForm(*bound(request), answers=answers)
    if request.method == "POST" and form.is_valid():
        try:
            services.moderation_record(
                ret=ret,
                held_on=form.cleaned_data["held_on"],
                notes=form.cleaned_data["notes"],
                scores=form.scores,
                actions=form.actions,
                by=request.user,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Moderation recorded")
            return redirect("assurance:return_detail", pk=ret.pk)
    return form_page(
        request,
        form,
        title="Record the moderation",
        button="Record the moderation",
        caption=f"{ret.agency.name}: {ret.cycle.name}",
        crumbs=breadcrumbs(CYCLES, _cycle_crumb(ret.cycle), _return_crumb(ret), ("Moderation", None)),
        cancel_url=reverse("assurance:return_detail", args=[ret.pk]),
    )
