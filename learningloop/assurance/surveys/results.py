"""Results per question, from the survey's tallies (ADR 0041): one query reads every count the page shows
(answers per option or number, people who answered each question, responses), a row per count and
respondent group, whatever the number of responses. Free text is counted here, never shown: its answers
have their own page for the roles with "surveys.free_text"."""

from collections import Counter
from dataclasses import dataclass, field

from ..models import QuestionKind, SurveyTally, TallyKind


@dataclass
class Row:
    label: str
    count: int
    percent: float | None  # of the people who answered the question


@dataclass
class QuestionResult:
    question: object
    answered: int
    rows: list[Row] = field(default_factory=list)
    chart: object = None

    @property
    def is_free_text(self):
        return self.question.kind == QuestionKind.FREE_TEXT


def _percent(count, base):
    return round(100 * count / base, 1) if base else None


def survey_results(survey, questions, *, group: str = "", charts: bool = True):
    """(responses, [QuestionResult]) for the survey's `questions` (with options prefetched), for everyone
    or for one respondent group."""
    tally, answered, total = _counts(survey, group)
    results = []
    for question in questions:
        base = answered.get(question.pk, 0)
        result = QuestionResult(question=question, answered=base)
        if question.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
            for option in question.options.all():
                n = tally.get((question.pk, option.pk, None), 0)
                result.rows.append(Row(option.label, n, _percent(n, base)))
        elif question.kind == QuestionKind.SCALE:
            for value in question.scale_values:
                n = tally.get((question.pk, None, value), 0)
                label = str(value)
                if value == question.scale_min and question.min_label:
                    label = f"{value} ({question.min_label})"
                elif value == question.scale_max and question.max_label:
                    label = f"{value} ({question.max_label})"
                result.rows.append(Row(label, n, _percent(n, base)))
        if charts and result.rows and base:
            result.chart = _chart(question, result.rows)
        results.append(result)
    return total, results


def _counts(survey, group):
    """({(question id, option id, number): answers}, {question id: people who answered it}, responses),
    added up over the respondent groups (or for the one asked for)."""
    rows = SurveyTally.objects.filter(survey=survey)
    if group:
        rows = rows.filter(respondent_group=group)
    tally, answered, total = Counter(), Counter(), 0
    for kind, question_id, option_id, number, n in rows.values_list(
        "kind", "question_id", "option_id", "number", "n"
    ):
        if kind == TallyKind.ANSWERS:
            tally[(question_id, option_id, number)] += n
        elif kind == TallyKind.RESPONDENTS:
            answered[question_id] += n
        else:
            total += n
    return tally, answered, total


def _chart(question, rows):
    from learningloop.core.charts import bar_chart

    return bar_chart(
        title=question.text,
        categories=[r.label for r in rows],
        values=[r.percent for r in rows],
        unit="%",
    )
