"""The large partnership's surveys: 200,000 responses (at full scale) across a health-related behaviour
questionnaire per generated year and a practitioners' survey, each response with five or six answers,
written with bulk_create in batches through the same bulk save the import uses."""

import datetime

from learningloop.assurance.models import Survey, SurveyAnswer, SurveyQuestion, SurveyResponse
from learningloop.assurance.surveys.services import question_save, survey_save, survey_tallies_reset

from .common import BATCH, Context

RESPONSES = 200_000
YEARS = ("Year 6", "Year 8", "Year 10", "Year 12")
SAFE = ("Always", "Usually", "Sometimes", "Never")
TALK_TO = ("A parent or carer", "A teacher", "A friend", "The school nurse", "Nobody")
COMMENTS = ("More youth clubs.", "Safer walks home.", "Talk to us more.", "Better online safety lessons.")


def _survey(ctx, label, slug, first, last):
    # A second run (--force) adds surveys beside the first run's: their web addresses must differ.
    earlier = Survey.objects.filter(slug__startswith=slug).count()
    slug = slug if not earlier else f"{slug}-{earlier + 1}"
    survey = survey_save(
        survey=Survey(
            title=label,
            slug=slug,
            audience="children",
            answered_by="import",
            status="closed" if last < ctx.today else "open",
            opens_on=first,
            closes_on=last,
        )
    )
    made = [
        question_save(
            question=SurveyQuestion(
                survey=survey, text="Which school year are you in?", kind="single", is_respondent_group=True
            ),
            options=YEARS,
        ),
        question_save(
            question=SurveyQuestion(survey=survey, text="Do you feel safe at school?", kind="single"),
            options=SAFE,
        ),
        question_save(
            question=SurveyQuestion(
                survey=survey,
                text="Who would you talk to if you were worried?",
                kind="multiple",
                required=False,
            ),
            options=TALK_TO,
        ),
        question_save(
            question=SurveyQuestion(
                survey=survey,
                text="How happy are you with your life at the moment?",
                kind="scale",
                scale_min=1,
                scale_max=10,
            )
        ),
        question_save(
            question=SurveyQuestion(
                survey=survey, text="What would make your area safer?", kind="free_text", required=False
            )
        ),
    ]
    return survey, made


def build_surveys(ctx: Context) -> tuple[int, int, int]:
    spans = list(ctx.year_spans())
    per_survey = max(1, ctx.n(RESPONSES) // len(spans))
    rng = ctx.rng
    surveys = responses = answers = 0
    for first, last in spans:
        survey, (year, safe, talk, happy, area) = _survey(
            ctx,
            f"Health-related behaviour questionnaire {first.year}",
            f"hrbq-{first.year}-large",
            first,
            last,
        )
        surveys += 1
        years = [o.pk for o in year.options.all()]
        safes = [o.pk for o in safe.options.all()]
        talks = [o.pk for o in talk.options.all()]
        days = max(0, (last - first).days)
        # One moment for each day of the survey's year, made once (not an aware datetime per response).
        moments = [ctx.moment(first + datetime.timedelta(days=d), hour=11) for d in range(days + 1)]
        done = 0
        while done < per_survey:
            size = min(BATCH * 5, per_survey - done)
            groups = [(done + i) % 4 for i in range(size)]
            rows = SurveyResponse.objects.bulk_create(
                [
                    SurveyResponse(
                        survey_id=survey.pk,
                        submitted_at=rng.choice(moments),
                        channel="import",
                        respondent_group=YEARS[group],
                    )
                    for group in groups
                ],
                batch_size=BATCH,
            )  # the new rows' ids come back (PostgreSQL and SQLite), for their answers
            answer_rows = []
            for response, group in zip(rows, groups, strict=True):
                pk = response.pk
                answer_rows.append(SurveyAnswer(response_id=pk, question_id=year.pk, option_id=years[group]))
                answer_rows.append(
                    SurveyAnswer(
                        response_id=pk,
                        question_id=safe.pk,
                        option_id=safes[min(3, int(rng.random() ** 2 * 4))],
                    )
                )
                answer_rows.append(
                    SurveyAnswer(response_id=pk, question_id=talk.pk, option_id=rng.choice(talks))
                )
                answer_rows.append(
                    SurveyAnswer(response_id=pk, question_id=happy.pk, number=rng.randint(1, 10))
                )
                if rng.random() < 0.1:
                    answer_rows.append(
                        SurveyAnswer(response_id=pk, question_id=area.pk, text=rng.choice(COMMENTS))
                    )
            SurveyAnswer.objects.bulk_create(answer_rows, batch_size=BATCH)
            done += size
            responses += size
            answers += len(answer_rows)
        survey_tallies_reset(survey_id=survey.pk)  # written past the services: counted once, at the end
    return surveys, responses, answers
