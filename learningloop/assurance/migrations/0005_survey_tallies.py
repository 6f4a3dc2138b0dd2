"""The surveys' tallies (ADR 0041): the counts the results and the survey list show, kept current on write;
filled here from the responses already saved (three GROUP BYs a survey)."""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import Count


def fill(apps, schema_editor):
    Survey = apps.get_model("assurance", "Survey")
    Tally = apps.get_model("assurance", "SurveyTally")
    Response = apps.get_model("assurance", "SurveyResponse")
    Answer = apps.get_model("assurance", "SurveyAnswer")
    group = "response__respondent_group"
    for survey_id in Survey.objects.values_list("pk", flat=True):
        answers = Answer.objects.filter(question__survey_id=survey_id).order_by()
        rows = [
            Tally(survey_id=survey_id, kind="responses", respondent_group=r["respondent_group"], n=r["n"])
            for r in Response.objects.filter(survey_id=survey_id)
            .order_by()
            .values("respondent_group")
            .annotate(n=Count("pk"))
        ]
        rows += [
            Tally(
                survey_id=survey_id,
                kind="respondents",
                respondent_group=r[group],
                question_id=r["question_id"],
                n=r["n"],
            )
            for r in answers.values(group, "question_id").annotate(n=Count("response_id", distinct=True))
        ]
        rows += [
            Tally(
                survey_id=survey_id,
                kind="answers",
                respondent_group=r[group],
                question_id=r["question_id"],
                option_id=r["option_id"],
                number=r["number"],
                n=r["n"],
            )
            for r in answers.values(group, "question_id", "option_id", "number").annotate(n=Count("pk"))
        ]
        Tally.objects.bulk_create(rows, batch_size=5000)


class Migration(migrations.Migration):
    dependencies = [
        ("assurance", "0004_assurance_evidence_and_you_said_we_did"),
    ]

    operations = [
        migrations.CreateModel(
            name="SurveyTally",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("answers", "Answers with this option or number"),
                            ("respondents", "Responses answering the question"),
                            ("responses", "Responses"),
                        ],
                        max_length=12,
                    ),
                ),
                ("respondent_group", models.CharField(blank=True, max_length=200)),
                ("number", models.SmallIntegerField(blank=True, null=True)),
                ("n", models.PositiveIntegerField(default=0)),
                (
                    "option",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="assurance.surveyoption",
                    ),
                ),
                (
                    "question",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="assurance.surveyquestion",
                    ),
                ),
                (
                    "survey",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="tallies",
                        to="assurance.survey",
                    ),
                ),
            ],
            options={
                "indexes": [
                    models.Index(
                        fields=["survey", "kind", "respondent_group"], name="tally_survey_kind_group"
                    )
                ],
            },
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
