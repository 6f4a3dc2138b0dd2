"""Results per question, from aggregate SQL only: one GROUP BY for every answer count of the survey, one
for how many people answered each question and one count of responses, whatever the number of responses
or questions. Free text is counted here, never shown: its answers have their own page for the roles with
"surveys.free_text"."""

from dataclasses import dataclass, field

from ..models import QuestionKind, SurveyAnswer, SurveyResponse


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
    answers = SurveyAnswer.objects.filter(question__survey=survey)
    responses = SurveyResponse.objects.filter(survey=survey)
    if group:
        answers = answers.filter(response__respondent_group=group)
        responses = responses.filter(respondent_group=group)
    tally = answers.tally()
    answered = answers.respondents_by_question()
    total = responses.count()
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


def _chart(question, rows):
    from learningloop.core.charts import bar_chart

    return bar_chart(
        title=question.text,
        categories=[r.label for r in rows],
        values=[r.percent for r in rows],
        unit="%",
    )
