"""A survey's responses from a CSV or Excel file, through the one import path (core.imports, ADR 0016): one
row per response, one column per question (headed with the question's words), plus an optional date.
All or nothing; each problem in plain words by row and column.

The columns depend on the survey, while core.imports describes a file by one registered spec: `prepare`
(which the import path calls first, in the same thread, for a request and for the background task) sets
the survey's columns for the rest of that import (a context variable, so two imports never share them)."""

import contextvars
import datetime

from django.utils import timezone

from learningloop.core import imports

from ..models import QuestionKind, Survey
from .services import responses_bulk_save

DATE_HEADER = "Date answered"
MULTIPLE_SEPARATOR = ";"
_COLUMNS: contextvars.ContextVar[tuple] = contextvars.ContextVar("survey_import_columns", default=())


def _hint(question):
    if question.kind == QuestionKind.SINGLE:
        return "One of: " + ", ".join(o.label for o in question.options.all())
    if question.kind == QuestionKind.MULTIPLE:
        return f"Any of these, separated by {MULTIPLE_SEPARATOR}: " + ", ".join(
            o.label for o in question.options.all()
        )
    if question.kind == QuestionKind.SCALE:
        return f"A whole number from {question.scale_min} to {question.scale_max}"
    return "Any text"


class SurveyResponsesImport(imports.ImportSpec):
    key = "assurance.survey_responses"
    title = "Survey responses"
    sheet = "Responses"

    @property
    def columns(self):
        return _COLUMNS.get()

    def prepare(self, *, user, context):
        survey = Survey.objects.get(pk=context["survey"])
        questions = survey.questions.with_options()
        # Every question's column may be left out of the file or left blank unless an answer is required:
        # a required question's column must be there.
        columns = [imports.Column("date", DATE_HEADER, required=False, hint="For example 31/03/2026")]
        columns += [imports.Column(f"q{q.pk}", q.text, required=q.required, hint=_hint(q)) for q in questions]
        _COLUMNS.set(tuple(columns))
        return {
            "survey": survey,
            "questions": questions,
            "by_label": {q.pk: {o.label.casefold(): o for o in q.options.all()} for q in questions},
            "today": timezone.localdate(),
        }

    def clean_row(self, values, *, state, row):
        problems = {}
        answers, group = [], ""
        submitted_at = timezone.now()
        if values.get("date") is not None:
            try:
                day = imports.parse_date(values["date"], label="The date answered")
            except imports.CellError as error:
                problems[DATE_HEADER] = str(error)
            else:
                if day > state["today"]:
                    problems[DATE_HEADER] = "The date answered cannot be in the future"
                else:
                    submitted_at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
        for question in state["questions"]:
            value = values.get(f"q{question.pk}")
            header = question.text
            if value is None:
                if question.required:
                    problems[header] = "An answer is required: this cell is blank"
                continue
            if question.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
                labels = imports.parse_text(value)
                parts = [labels] if question.kind == QuestionKind.SINGLE else labels.split(MULTIPLE_SEPARATOR)
                parts = [" ".join(p.split()) for p in parts if p.strip()]
                options = state["by_label"][question.pk]
                unknown = [p for p in parts if p.casefold() not in options]
                if unknown:
                    problems[header] = f"‘{unknown[0]}’ is not one of the answers. Use one of: " + ", ".join(
                        o.label for o in question.options.all()
                    )
                    continue
                chosen = list(dict.fromkeys(options[p.casefold()] for p in parts))
                answers += [(question.pk, o.pk, None, "") for o in chosen]
                if question.is_respondent_group and chosen:
                    group = chosen[0].label
            elif question.kind == QuestionKind.SCALE:
                try:
                    number = imports.parse_number(value, label="The answer")
                except imports.CellError:
                    problems[header] = (
                        f"The answer must be a number from {question.scale_min} to {question.scale_max}"
                    )
                    continue
                if number != number.to_integral_value():
                    problems[header] = "The answer must be a whole number"
                elif not question.scale_min <= number <= question.scale_max:
                    problems[header] = (
                        f"{number} is out of range: the scale goes from {question.scale_min} "
                        f"to {question.scale_max}"
                    )
                else:
                    answers.append((question.pk, None, int(number), ""))
            else:
                text = imports.parse_text(value)
                if len(text) > 2000:
                    problems[header] = "The answer must be 2,000 characters or fewer"
                else:
                    answers.append((question.pk, None, None, text))
        if problems:
            raise imports.RowInvalid(problems)
        return submitted_at, group, answers

    def save(self, cleaned, *, state, user, run):
        return responses_bulk_save(survey_id=state["survey"].pk, records=cleaned, run=run)

    def template_rows(self, *, user, context):
        return []


SPEC = SurveyResponsesImport()


def register():
    imports.register(SPEC)


def template_for(survey, *, user, fmt):
    """The downloadable template: a column per question (the date column first)."""
    SPEC.prepare(user=user, context={"survey": survey.pk})
    return imports.template_response(SPEC, user=user, fmt=fmt, filename=f"{survey.slug}-responses")
