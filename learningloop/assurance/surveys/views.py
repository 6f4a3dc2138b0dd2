"""Survey pages. Inside the service (/assurance/surveys/): the list, a survey with its questions, the one
edit path for a survey and its questions, importing responses from a file, the results per question with
their charts, table and export, and the free-text answers (for "surveys.free_text" only). Outside it
(/have-your-say/<slug>/): the answer form, public or signed-in as the survey says, and its thank-you page."""

from allauth.core import ratelimit
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from learningloop.core import imports as import_kit
from learningloop.core.access import require
from learningloop.core.breadcrumbs import breadcrumbs
from learningloop.core.import_pages import ImportFileForm, add_import_errors, import_run_page
from learningloop.core.models import ImportRun
from learningloop.core.pagination import paginate
from learningloop.core.policy import can
from learningloop.core.spreadsheets import CSV, XLSX, spreadsheet_response
from learningloop.core.views_kit import apply_errors, bound, edit_with_conflict

from ..models import AnsweredBy, Channel, QuestionKind, Survey, SurveyAnswer, SurveyQuestion, SurveyStatus
from ..pages import FORM
from ..presenters import SURVEY_STATUS_TAGS, survey_status
from . import services
from .forms import AnswerForm, GroupFilterSet, QuestionForm, SurveyFilterSet, SurveyForm
from .imports import SPEC, template_for
from .results import survey_results

VIEW, MANAGE, FREE_TEXT = "surveys.view", "surveys.manage", "surveys.free_text"
GET_POST = ["GET", "POST"]
LIST = ("Surveys", reverse_lazy("assurance:survey_list"))
RATE_LIMIT_ACTION = "survey_response"


def _crumb(survey):
    return (survey.title, reverse("assurance:survey_detail", args=[survey.pk]))


def _questions(survey):
    return survey.questions.with_options()


# --- Inside the service ---------------------------------------------------------------------------------


@require_GET
@require(VIEW)
def survey_list(request):
    filters = SurveyFilterSet(request=request, queryset=Survey.objects.visible_to(request.user))
    page, pagination = paginate(request, filters.qs, rows=lambda qs: qs.with_response_counts())
    return render(
        request,
        "assurance/survey_list.html",
        {
            "form": filters.form,
            "page": page,
            "pagination": pagination,
            "tags": SURVEY_STATUS_TAGS,
            "can_manage": can(request.user, MANAGE),
        },
    )


@require_http_methods(GET_POST)
@require(MANAGE)
def survey_create(request):
    form = SurveyForm(*bound(request))
    if request.method == "POST" and form.is_valid():
        try:
            survey = services.survey_save(survey=form.instance, by=request.user)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Survey created: add its questions")
            return redirect("assurance:survey_detail", pk=survey.pk)
    return render(
        request,
        FORM,
        {
            "form": form,
            "title": "Create a survey",
            "button": "Create the survey",
            "crumbs": breadcrumbs(LIST, ("New survey", None)),
            "cancel_url": LIST[1],
        },
    )


@require_GET
@require(VIEW)
def survey_detail(request, pk):
    survey = get_object_or_404(Survey.objects.visible_to(request.user), pk=pk)
    questions = _questions(survey)
    return render(
        request,
        "assurance/survey_detail.html",
        {
            "survey": survey,
            "tag": survey_status(survey),
            "questions": questions,
            "responses": survey.responses.count(),
            "public_url": request.build_absolute_uri(reverse("have_your_say:answer", args=[survey.slug])),
            "can_manage": can(request.user, MANAGE),
            "crumbs": breadcrumbs(LIST, (survey.title, None)),
        },
    )


@require_http_methods(GET_POST)
@require(MANAGE)
def survey_edit(request, pk):
    survey = get_object_or_404(Survey.objects.visible_to(request.user), pk=pk)
    back = reverse("assurance:survey_detail", args=[survey.pk])
    return edit_with_conflict(
        request,
        SurveyForm(*bound(request), instance=survey),
        lambda form: services.survey_save(
            survey=form.instance, expected_version=form.cleaned_data["version"]
        ),
        template=FORM,
        context={
            "title": "Edit the survey",
            "button": "Save the survey",
            "crumbs": breadcrumbs(LIST, _crumb(survey), ("Edit", None)),
            "cancel_url": back,
        },
        what="This survey",
        success_url=back,
        success_message="Survey saved",
    )


def _question_save(form):
    return services.question_save(
        question=form.instance,
        options=form.option_labels(),
        expected_version=form.cleaned_data.get("version"),
    )


@require_http_methods(GET_POST)
@require(MANAGE)
def question_create(request, pk):
    survey = get_object_or_404(Survey.objects.visible_to(request.user), pk=pk)
    back = reverse("assurance:survey_detail", args=[survey.pk])
    form = QuestionForm(*bound(request), instance=SurveyQuestion(survey=survey))
    return edit_with_conflict(
        request,
        form,
        _question_save,
        template=FORM,
        context={
            "title": "Add a question",
            "button": "Add the question",
            "caption": survey.title,
            "crumbs": breadcrumbs(LIST, _crumb(survey), ("New question", None)),
            "cancel_url": back,
        },
        what="This question",
        success_url=back,
        success_message="Question added",
    )


@require_http_methods(GET_POST)
@require(MANAGE)
def question_edit(request, pk):
    question = get_object_or_404(SurveyQuestion.objects.select_related("survey"), pk=pk)
    survey = question.survey
    back = reverse("assurance:survey_detail", args=[survey.pk])
    return edit_with_conflict(
        request,
        QuestionForm(*bound(request), instance=question),
        _question_save,
        template=FORM,
        context={
            "title": "Edit the question",
            "button": "Save the question",
            "caption": survey.title,
            "crumbs": breadcrumbs(LIST, _crumb(survey), ("Edit question", None)),
            "cancel_url": back,
        },
        what="This question",
        success_url=back,
        success_message="Question saved",
    )


def _groups(survey, questions):
    group = next((q for q in questions if q.is_respondent_group), None)
    return group, [o.label for o in group.options.all()] if group else []


@require_GET
@require(VIEW)
def survey_results_page(request, pk):
    survey = get_object_or_404(Survey.objects.visible_to(request.user), pk=pk)
    questions = _questions(survey)
    group_question, groups = _groups(survey, questions)
    filters = GroupFilterSet(request=request, queryset=survey.responses.all(), groups=groups)
    total, results = survey_results(survey, questions, group=filters.chosen_group)
    return render(
        request,
        "assurance/survey_results.html",
        {
            "survey": survey,
            "form": filters.form,
            "group_question": group_question,
            "group": filters.chosen_group,
            "total": total,
            "results": results,
            "query": filters.query_string(),
            "can_free_text": can(request.user, FREE_TEXT),
            "crumbs": breadcrumbs(LIST, _crumb(survey), ("Results", None)),
        },
    )


@require_GET
@require(VIEW)
def survey_export(request, pk):
    """Every response as a row, a column per question. Free-text columns (and any personal details) only
    for those who may read free text; everyone else gets the same file without them."""
    survey = get_object_or_404(Survey.objects.visible_to(request.user), pk=pk)
    questions = _questions(survey)
    _group_question, groups = _groups(survey, questions)
    filters = GroupFilterSet(request=request, queryset=survey.responses.all(), groups=groups)
    free_text = can(request.user, FREE_TEXT)
    shown = [q for q in questions if free_text or q.kind != QuestionKind.FREE_TEXT]
    headers = ["Response", "Date answered", "How", "Respondent group", *[q.text for q in shown]]
    if free_text and survey.asks_personal_data:
        headers += ["Name", "Email address"]
    responses = filters.qs.order_by("pk")
    answers = SurveyAnswer.objects.filter(question__survey=survey)
    if filters.chosen_group:
        answers = answers.filter(response__respondent_group=filters.chosen_group)
    if not free_text:
        answers = answers.exclude(question__kind=QuestionKind.FREE_TEXT)
    answers = answers.order_by("response_id", "pk").values_list(
        "response_id", "question_id", "option__label", "number", "text"
    )
    personal = free_text and survey.asks_personal_data
    rows = _export_rows(responses, answers, shown, personal)
    fmt = CSV if request.GET.get("format") == CSV else XLSX
    return spreadsheet_response(
        headers=headers, rows=rows, fmt=fmt, filename=f"{survey.slug}-responses", sheet="Responses"
    )


def _export_rows(responses, answers, shown, personal):
    """The export's rows, one per response: the responses and their answers are read side by side, both in
    response order, in chunks (two queries, and never every answer in memory at once)."""
    channels = dict(Channel.choices)
    answer_rows = iter(answers.iterator(chunk_size=5000))
    pending = next(answer_rows, None)
    for response in responses.iterator(chunk_size=5000):
        mine: dict[int, list] = {}
        while pending is not None and pending[0] <= response.pk:
            if pending[0] == response.pk:
                _rid, question_id, label, number, text = pending
                mine.setdefault(question_id, []).append(label or (number if number is not None else text))
            pending = next(answer_rows, None)
        row = [
            response.pk,
            response.submitted_at.date(),
            channels.get(response.channel, response.channel),
            response.respondent_group,
        ]
        for question in shown:
            values = mine.get(question.pk, [])
            row.append(values[0] if len(values) == 1 else ("; ".join(str(v) for v in values) or None))
        if personal:
            row += [response.contact_name, response.contact_email]
        yield row


@require_GET
@require(FREE_TEXT)
def question_answers(request, pk):
    """One free-text question's answers, newest first, paginated."""
    question = get_object_or_404(
        SurveyQuestion.objects.select_related("survey"), pk=pk, kind=QuestionKind.FREE_TEXT
    )
    survey = question.survey
    answers = SurveyAnswer.objects.filter(question=question).free_text().select_related("response")
    answers = answers.order_by("-response__submitted_at", "-pk")
    page, pagination = paginate(request, answers)
    return render(
        request,
        "assurance/survey_free_text.html",
        {
            "survey": survey,
            "question": question,
            "page": page,
            "pagination": pagination,
            "crumbs": breadcrumbs(
                LIST,
                _crumb(survey),
                ("Results", reverse("assurance:survey_results", args=[survey.pk])),
                ("Free-text answers", None),
            ),
        },
    )


@require_http_methods(GET_POST)
@require(MANAGE)
def survey_import(request, pk):
    """Responses from a CSV or Excel file, all or nothing; a large file is checked and saved in the
    background with a progress page."""
    survey = get_object_or_404(Survey.objects.visible_to(request.user), pk=pk)
    back = reverse("assurance:survey_detail", args=[survey.pk])
    form = ImportFileForm(*bound(request, files=True))
    if request.method == "POST" and form.is_valid():
        try:
            run = import_kit.import_run_start(
                spec=SPEC, upload=form.cleaned_data["file"], user=request.user, context={"survey": survey.pk}
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            if run.status == ImportRun.Status.FAILED:
                add_import_errors(form, run)
            elif run.status == ImportRun.Status.DONE:
                messages.success(request, f"{run.saved_rows:,} responses imported")
                return redirect(back)
            else:
                return redirect("assurance:survey_import_run", pk=run.pk)
    return render(
        request,
        "assurance/survey_import.html",
        {
            "form": form,
            "survey": survey,
            "title": f"Import responses to {survey.title}",
            "crumbs": breadcrumbs(LIST, _crumb(survey), ("Import responses", None)),
            "cancel_url": back,
        },
    )


@require_GET
@require(MANAGE)
def survey_import_template(request, pk):
    survey = get_object_or_404(Survey.objects.visible_to(request.user), pk=pk)
    return template_for(survey, user=request.user, fmt=request.GET.get("format", XLSX))


@require_GET
@require(MANAGE)
def survey_import_run(request, pk):
    return import_run_page(
        request,
        pk,
        title="Importing survey responses",
        back_url=LIST[1],
        back_text="Back to surveys",
        breadcrumbs=breadcrumbs(LIST, ("Import", None)),
    )


# --- Have your say: the answer form --------------------------------------------------------------------


def _not_open(request, survey, status):
    return render(
        request, "assurance/survey_not_open.html", {"survey": survey, "status": status}, status=status
    )


def _answerable(request, slug):
    """The survey and None, or None and the page that says why it cannot be answered here."""
    survey = Survey.objects.filter(slug=slug).first()
    if survey is None or survey.status == SurveyStatus.DRAFT or survey.answered_by == AnsweredBy.IMPORT:
        return None, _not_open(request, None, 404)
    if not survey.taking_answers():
        # Not open yet: not found (404). Closed, or past its closing date: gone for good (410).
        not_yet = (
            survey.status == SurveyStatus.OPEN and survey.opens_on and survey.opens_on > timezone.localdate()
        )
        return None, _not_open(request, survey, 404 if not_yet else 410)
    if survey.answered_by == AnsweredBy.SIGNED_IN and not request.user.is_authenticated:
        return None, redirect_to_login(request.get_full_path())
    return survey, None


def _too_many(request, survey):
    return render(
        request,
        "assurance/survey_too_many.html",
        {"survey": survey, "limit": settings.ACCOUNT_RATE_LIMITS.get(RATE_LIMIT_ACTION, "")},
        status=429,
    )


@login_not_required
@require_http_methods(GET_POST)
def answer(request, slug):
    survey, refusal = _answerable(request, slug)
    if refusal is not None:
        return refusal
    if request.method == "POST" and not ratelimit.consume(request, action=RATE_LIMIT_ACTION):
        return _too_many(request, survey)
    questions = _questions(survey)
    form = AnswerForm(*bound(request), survey=survey, questions=questions)
    if request.method == "POST" and form.is_valid():
        channel = Channel.SIGNED_IN if survey.answered_by == AnsweredBy.SIGNED_IN else Channel.PUBLIC
        try:
            services.response_submit(
                survey=survey,
                values=form.values(),
                channel=channel,
                contact_name=form.cleaned_data.get("contact_name", ""),
                contact_email=form.cleaned_data.get("contact_email", ""),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            return redirect("have_your_say:thanks", slug=survey.slug)
    return render(request, "assurance/survey_answer.html", {"survey": survey, "form": form})


@login_not_required
@require_GET
def thanks(request, slug):
    survey = Survey.objects.filter(slug=slug).exclude(status=SurveyStatus.DRAFT).first()
    if survey is None:
        raise Http404
    return render(request, "assurance/survey_thanks.html", {"survey": survey})
