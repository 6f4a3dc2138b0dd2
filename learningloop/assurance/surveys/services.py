"""Writes for surveys: a survey and its questions (the one edit path, with versions), a response from the
public or signed-in form, and the bulk save of an imported file (through core.imports). Each write of
responses adds them to the survey's tallies in the same transaction (ADR 0041)."""

from collections import Counter

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, F, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from learningloop.core.concurrency import claim_version

from ..models import (
    Channel,
    QuestionKind,
    Survey,
    SurveyAnswer,
    SurveyOption,
    SurveyQuestion,
    SurveyResponse,
    SurveyTally,
    TallyKind,
)

BATCH = 5000
CLOSED = "This survey is not taking answers"


@transaction.atomic
def survey_save(*, survey: Survey, expected_version=None, by=None) -> Survey:
    """Create or update a survey (a saved one claims its next version first: EditConflict if someone
    saved it since the form was opened)."""
    if survey.pk is None and getattr(by, "is_authenticated", False):
        survey.created_by = by
    if not survey.asks_personal_data:
        survey.privacy_statement = survey.privacy_statement.strip()
    survey.full_clean()
    if survey.pk is not None:
        claim_version(survey, expected_version)
    survey.save()
    return survey


def _clean_labels(labels) -> list[str]:
    seen, out = set(), []
    for label in labels:
        label = " ".join(str(label).split())
        if label and label.casefold() not in seen:
            seen.add(label.casefold())
            out.append(label)
    return out


@transaction.atomic
def question_save(*, question: SurveyQuestion, options=(), expected_version=None) -> SurveyQuestion:
    """Create or update a question and, for a choice question, its options (one label each, in order).
    An option that already has answers cannot be removed (its answers would be lost); renaming one is a
    removal and an addition. Changing which question is the respondent group refills every response's
    group from its answers, in one UPDATE."""
    labels = _clean_labels(options) if question.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE) else []
    errors = {}
    if question.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE) and len(labels) < 2:
        errors["options"] = "Enter at least 2 options, one on each line"
    if any(len(label) > 200 for label in labels):
        errors["options"] = "Each option must be 200 characters or fewer"
    same_text = SurveyQuestion.objects.filter(survey=question.survey, text__iexact=question.text.strip())
    if question.pk:
        same_text = same_text.exclude(pk=question.pk)
    if same_text.exists():
        errors["text"] = (
            "Another question in this survey already asks this: each question needs its own wording"
        )
    if question.is_respondent_group:
        other = SurveyQuestion.objects.filter(survey=question.survey, is_respondent_group=True)
        if question.pk:
            other = other.exclude(pk=question.pk)
        if other.exists():
            errors["is_respondent_group"] = (
                f"‘{other.first().text}’ is already the respondent group: a survey has one respondent group"
            )
    if question.kind != QuestionKind.SCALE:
        question.scale_min = question.scale_max = None
        question.min_label = question.max_label = ""
    if not question.position:  # no order given: after the survey's last question
        last = (
            SurveyQuestion.objects.filter(survey=question.survey)
            .exclude(pk=question.pk)
            .order_by("-position")
        )
        question.position = (last.values_list("position", flat=True).first() or 0) + 1
    try:
        question.full_clean(validate_constraints=False)
    except ValidationError as error:
        errors = {**error.message_dict, **errors}
    if errors:
        raise ValidationError(errors)
    was_group = False
    if question.pk is not None:
        was_group = SurveyQuestion.objects.filter(pk=question.pk, is_respondent_group=True).exists()
        claim_version(question, expected_version)
    question.save()
    _sync_options(question, labels)
    if was_group != question.is_respondent_group:
        _refill_groups(question.survey)
    return question


def _sync_options(question, labels):
    existing = {o.label.casefold(): o for o in question.options.all()}
    wanted = {label.casefold() for label in labels}
    gone = [o for key, o in existing.items() if key not in wanted]
    answered = set(
        SurveyAnswer.objects.filter(option__in=gone).values_list("option__label", flat=True).distinct()
    )
    if answered:
        raise ValidationError(
            {
                "options": "These options already have answers and cannot be removed: "
                + ", ".join(sorted(answered))
            }
        )
    SurveyOption.objects.filter(pk__in=[o.pk for o in gone]).delete()
    for position, label in enumerate(labels, start=1):
        option = existing.get(label.casefold())
        if option is None:
            SurveyOption.objects.create(question=question, position=position, label=label)
        elif option.position != position or option.label != label:
            option.position, option.label = position, label
            option.save(update_fields=["position", "label"])


def _refill_groups(survey: Survey) -> None:
    """Copy each response's answer to the respondent group question onto the response (one UPDATE)."""
    group = SurveyQuestion.objects.filter(survey=survey, is_respondent_group=True).first()
    if group is None:
        SurveyResponse.objects.filter(survey=survey).update(respondent_group="")
        return
    label = SurveyAnswer.objects.filter(response=OuterRef("pk"), question=group).values("option__label")[:1]
    SurveyResponse.objects.filter(survey=survey).update(respondent_group=Coalesce(Subquery(label), Value("")))
    survey_tallies_reset(survey_id=survey.pk)  # the tallies are kept per group


def _answer_rows(questions, values) -> tuple[list[SurveyAnswer], str]:
    """The answer rows for {question id: value} (an option id, a list of option ids, a number or text) and
    the respondent group's label."""
    rows, group = [], ""
    for question in questions:
        value = values.get(question.pk)
        if value in (None, "", []):
            continue
        if question.kind == QuestionKind.SINGLE:
            option = question.option_by_id[int(value)]
            rows.append(SurveyAnswer(question=question, option=option))
            if question.is_respondent_group:
                group = option.label
        elif question.kind == QuestionKind.MULTIPLE:
            rows.extend(SurveyAnswer(question=question, option=question.option_by_id[int(v)]) for v in value)
        elif question.kind == QuestionKind.SCALE:
            rows.append(SurveyAnswer(question=question, number=int(value)))
        else:
            rows.append(SurveyAnswer(question=question, text=str(value)))
    return rows, group


@transaction.atomic
def response_submit(
    *, survey: Survey, values: dict, channel: str, contact_name: str = "", contact_email: str = ""
) -> SurveyResponse:
    """One person's answers from the public or signed-in form (already checked by the form), saved whole
    or not at all. Personal details are kept only when the survey asks for them."""
    if not survey.taking_answers():
        raise ValidationError(CLOSED)
    if channel not in (Channel.PUBLIC, Channel.SIGNED_IN):
        raise ValidationError("Unknown way of answering")
    questions = survey.questions.with_options()
    missing = [q.text for q in questions if q.required and values.get(q.pk) in (None, "", [])]
    if missing:
        raise ValidationError("Answer every question marked as required: " + "; ".join(missing))
    rows, group = _answer_rows(questions, values)
    response = SurveyResponse(
        survey=survey,
        channel=channel,
        submitted_at=timezone.now(),
        respondent_group=group,
        contact_name=contact_name if survey.asks_personal_data else "",
        contact_email=contact_email if survey.asks_personal_data else "",
    )
    response.full_clean()
    response.save()
    for row in rows:
        row.response = response
    SurveyAnswer.objects.bulk_create(rows)
    _tallies_add(survey.pk, [(group, [(r.question_id, r.option_id, r.number) for r in rows])])
    _evidence_update(survey.pk)
    return response


def responses_bulk_save(*, survey_id: int, records, run=None, channel=Channel.IMPORT) -> int:
    """Save cleaned responses in batches: `records` are (submitted_at, group, [(question id, option id,
    number, text), ...]). Call inside a transaction (the import's). Used by the import and the demo."""
    saved = 0
    records = list(records)
    run_id = run.pk if run is not None and run.pk else None
    for start in range(0, len(records), BATCH):
        batch = records[start : start + BATCH]
        responses = SurveyResponse.objects.bulk_create(
            [
                SurveyResponse(
                    survey_id=survey_id,
                    submitted_at=submitted_at,
                    channel=channel,
                    import_run_id=run_id,
                    respondent_group=group,
                )
                for submitted_at, group, _answers in batch
            ],
            batch_size=BATCH,
        )
        SurveyAnswer.objects.bulk_create(
            [
                SurveyAnswer(response_id=response.pk, question_id=q, option_id=o, number=n, text=t)
                for response, (_when, _group, answers) in zip(responses, batch, strict=True)
                for q, o, n, t in answers
            ],
            batch_size=BATCH,
        )
        saved += len(batch)
    _tallies_add(survey_id, [(group, [a[:3] for a in answers]) for _when, group, answers in records])
    _evidence_update(survey_id)
    return saved


def _tallies_add(survey_id, responses) -> None:
    """Add new responses to the survey's tallies: `responses` are (respondent group, [(question id, option
    id, number), ...]). A few queries whatever the number of responses: one read of the rows to change, one
    UPDATE per distinct increase, one INSERT of the keys not yet counted."""
    counts = Counter()
    for group, answers in responses:
        counts[(TallyKind.RESPONSES, group, None, None, None)] += 1
        for question_id in {a[0] for a in answers}:
            counts[(TallyKind.RESPONDENTS, group, question_id, None, None)] += 1
        for question_id, option_id, number in answers:
            counts[(TallyKind.ANSWERS, group, question_id, option_id, number)] += 1
    if not counts:
        return
    groups = {key[1] for key in counts}
    existing = {}
    for row in SurveyTally.objects.filter(survey_id=survey_id, respondent_group__in=groups).values_list(
        "pk", "kind", "respondent_group", "question_id", "option_id", "number"
    ):
        existing.setdefault(row[1:], row[0])
    by_increase = {}
    new = []
    for key, n in counts.items():
        if key in existing:
            by_increase.setdefault(n, []).append(existing[key])
        else:
            kind, group, question_id, option_id, number = key
            new.append(
                SurveyTally(
                    survey_id=survey_id,
                    kind=kind,
                    respondent_group=group,
                    question_id=question_id,
                    option_id=option_id,
                    number=number,
                    n=n,
                )
            )
    for n, pks in by_increase.items():
        SurveyTally.objects.filter(pk__in=pks).update(n=F("n") + n)
    SurveyTally.objects.bulk_create(new, batch_size=BATCH)


@transaction.atomic
def survey_tallies_reset(*, survey_id: int) -> None:
    """Count the survey's tallies again from its responses and answers (three GROUP BYs): after its
    respondent groups change, and for responses saved without the services (the generated partnership)."""
    SurveyTally.objects.filter(survey_id=survey_id).delete()
    responses = SurveyResponse.objects.filter(survey_id=survey_id).order_by()
    answers = SurveyAnswer.objects.filter(question__survey_id=survey_id).order_by()
    group = "response__respondent_group"
    rows = [
        SurveyTally(
            survey_id=survey_id, kind=TallyKind.RESPONSES, respondent_group=r["respondent_group"], n=r["n"]
        )
        for r in responses.values("respondent_group").annotate(n=Count("pk"))
    ]
    rows += [
        SurveyTally(
            survey_id=survey_id,
            kind=TallyKind.RESPONDENTS,
            respondent_group=r[group],
            question_id=r["question_id"],
            n=r["n"],
        )
        for r in answers.values(group, "question_id").annotate(n=Count("response_id", distinct=True))
    ]
    rows += [
        SurveyTally(
            survey_id=survey_id,
            kind=TallyKind.ANSWERS,
            respondent_group=r[group],
            question_id=r["question_id"],
            option_id=r["option_id"],
            number=r["number"],
            n=r["n"],
        )
        for r in answers.values(group, "question_id", "option_id", "number").annotate(n=Count("pk"))
    ]
    SurveyTally.objects.bulk_create(rows, batch_size=BATCH)


def _evidence_update(survey_id):
    """Key messages evidenced by this survey's questions: their shares worked out again (ADR 0033)."""
    from ..evidence.services import assurance_evidence_update

    assurance_evidence_update(survey_ids=[survey_id])
