"""Surveys of children and young people, families, practitioners and managers (seed 2.1, 4): a survey's
questions (single and multiple choice, scale, free text), and its responses, answered on a public form
without sign-in, on a signed-in form, or imported from a CSV or Excel file (core.imports).

Built for 200,000 responses: results are read from the survey's tallies, counts kept current by every
write of responses (ADR 0041), so a results page costs the same at 100 responses or 200,000;
one question may be the survey's "respondent group" (school year, age band, agency) whose answer is copied
onto the response so that filtering by group needs no join, and the tables carry the indexes those
queries use. Free-text answers are read only by roles with the "surveys.free_text" action (docs/adr/0032).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from learningloop.core.querysets import SignedInQuerySet


class Audience(models.TextChoices):
    CHILDREN = "children", "Children and young people"
    FAMILIES = "families", "Families"
    PRACTITIONERS = "practitioners", "Practitioners"
    MANAGERS = "managers", "Managers"


class AnsweredBy(models.TextChoices):
    PUBLIC = "public", "Public form, no sign-in"
    SIGNED_IN = "signed_in", "Signed-in form"
    IMPORT = "import", "Imported from a file only"


class SurveyStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"


class QuestionKind(models.TextChoices):
    SINGLE = "single", "Single choice"
    MULTIPLE = "multiple", "Multiple choice"
    SCALE = "scale", "Scale"
    FREE_TEXT = "free_text", "Free text"


class Channel(models.TextChoices):
    PUBLIC = "public", "Public form"
    SIGNED_IN = "signed_in", "Signed-in form"
    IMPORT = "import", "Imported"


CHOICE_KINDS = frozenset({QuestionKind.SINGLE, QuestionKind.MULTIPLE})


class SurveyQuerySet(SignedInQuerySet):
    def with_response_counts(self):
        """Each survey with `response_count`: one query for a page of surveys, read from the survey's
        tallies (a row per respondent group), not by counting its responses (ADR 0041)."""
        counted = (
            SurveyTally.objects.filter(survey=OuterRef("pk"), kind=TallyKind.RESPONSES)
            .order_by()
            .values("survey")
            .annotate(total=Sum("n"))
            .values("total")
        )
        return self.annotate(response_count=Coalesce(Subquery(counted), 0))

    def open_on(self, day):
        """Surveys taking answers on `day`: open, and within their dates."""
        return self.filter(status=SurveyStatus.OPEN).filter(
            Q(opens_on__isnull=True) | Q(opens_on__lte=day), Q(closes_on__isnull=True) | Q(closes_on__gte=day)
        )


class Survey(models.Model):
    title = models.CharField(max_length=200)
    slug = models.SlugField(
        "web address",
        max_length=80,
        unique=True,
        help_text="The end of the survey's public address, for example hrbq-2026",
    )
    description = models.TextField("introduction", blank=True)
    audience = models.CharField(max_length=20, choices=Audience.choices)
    answered_by = models.CharField("how it is answered", max_length=20, choices=AnsweredBy.choices)
    opens_on = models.DateField(null=True, blank=True)
    closes_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=SurveyStatus.choices, default=SurveyStatus.DRAFT)
    asks_personal_data = models.BooleanField("asks for personal data", default=False)
    privacy_statement = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = SurveyQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "audience"], name="survey_status_audience")]

    def __str__(self):
        return self.title

    def clean(self):
        errors = {}
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            errors["closes_on"] = "The closing date must be the same as or after the opening date"
        if self.asks_personal_data and not self.privacy_statement.strip():
            errors["privacy_statement"] = "Enter the privacy statement people see before they answer"
        if errors:
            raise ValidationError(errors)

    def taking_answers(self, day=None) -> bool:
        day = day or timezone.localdate()
        return (
            self.status == SurveyStatus.OPEN
            and (self.opens_on is None or self.opens_on <= day)
            and (self.closes_on is None or self.closes_on >= day)
        )


class SurveyQuestionQuerySet(models.QuerySet):
    def with_options(self) -> list:
        """The questions in order with their options (two queries), each with `option_by_id`."""
        questions = list(self.order_by("position", "pk").prefetch_related("options"))
        for question in questions:
            question.option_by_id = {o.pk: o for o in question.options.all()}
        return questions


class SurveyQuestion(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField("order", default=0)
    text = models.CharField("question", max_length=300)
    hint = models.CharField(max_length=300, blank=True)
    kind = models.CharField(max_length=12, choices=QuestionKind.choices)
    required = models.BooleanField(default=True)
    scale_min = models.SmallIntegerField(null=True, blank=True)
    scale_max = models.SmallIntegerField(null=True, blank=True)
    min_label = models.CharField("label at the lowest end", max_length=80, blank=True)
    max_label = models.CharField("label at the highest end", max_length=80, blank=True)
    is_respondent_group = models.BooleanField(
        "respondent group",
        default=False,
        help_text="Results can be filtered by the answer (for example school year, age band or agency)",
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = SurveyQuestionQuerySet.as_manager()

    class Meta:
        ordering = ["survey", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["survey"],
                condition=Q(is_respondent_group=True),
                name="one_respondent_group_question_per_survey",
            )
        ]

    def __str__(self):
        return self.text

    def clean(self):
        errors = {}
        if self.kind == QuestionKind.SCALE:
            if self.scale_min is None:
                errors["scale_min"] = "Enter the lowest number on the scale"
            if self.scale_max is None:
                errors["scale_max"] = "Enter the highest number on the scale"
            if self.scale_min is not None and self.scale_max is not None:
                if self.scale_max <= self.scale_min:
                    errors["scale_max"] = "The highest number must be more than the lowest"
                elif self.scale_max - self.scale_min > 20:
                    errors["scale_max"] = "A scale can have at most 21 points"
        if self.is_respondent_group and self.kind != QuestionKind.SINGLE:
            errors["is_respondent_group"] = "Only a single choice question can be the respondent group"
        if errors:
            raise ValidationError(errors)

    @property
    def is_choice(self) -> bool:
        return self.kind in CHOICE_KINDS

    @property
    def scale_values(self) -> list[int]:
        if self.kind != QuestionKind.SCALE or self.scale_min is None or self.scale_max is None:
            return []
        return list(range(self.scale_min, self.scale_max + 1))


class SurveyOption(models.Model):
    """One answer a choice question offers."""

    question = models.ForeignKey(SurveyQuestion, on_delete=models.CASCADE, related_name="options")
    position = models.PositiveSmallIntegerField(default=0)
    label = models.CharField(max_length=200)

    class Meta:
        ordering = ["question", "position", "pk"]
        constraints = [models.UniqueConstraint(fields=["question", "label"], name="option_label_unique")]

    def __str__(self):
        return self.label


class ResponseQuerySet(SignedInQuerySet):
    def group_counts(self):
        """{respondent group: responses}: one GROUP BY."""
        rows = self.values("respondent_group").annotate(n=Count("pk")).order_by("respondent_group")
        return {r["respondent_group"]: r["n"] for r in rows}


class SurveyResponse(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    submitted_at = models.DateTimeField(default=timezone.now)
    channel = models.CharField("how", max_length=12, choices=Channel.choices)
    import_run = models.ForeignKey(
        "core.ImportRun", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The answer to the survey's respondent group question, copied here so results filter without a join.
    respondent_group = models.CharField(max_length=200, blank=True)
    # Asked only when the survey asks for personal data (and then shown only with "surveys.free_text").
    contact_name = models.CharField(max_length=200, blank=True)
    contact_email = models.EmailField(blank=True)

    objects = ResponseQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        indexes = [
            models.Index(fields=["survey", "respondent_group"], name="response_survey_group"),
            models.Index(fields=["survey", "submitted_at"], name="response_survey_submitted"),
        ]

    def __str__(self):
        return f"Response {self.pk} to {self.survey_id}"


class SurveyAnswerQuerySet(models.QuerySet):
    def tally(self):
        """{(question id, option id, number): answers}: one GROUP BY over the answers."""
        rows = self.values("question_id", "option_id", "number").annotate(n=Count("pk")).order_by()
        return {(r["question_id"], r["option_id"], r["number"]): r["n"] for r in rows}

    def respondents_by_question(self):
        """{question id: how many responses answered it}: one GROUP BY (a multiple choice question's
        percentages are of the people who answered it, not of the ticks)."""
        rows = self.values("question_id").annotate(n=Count("response_id", distinct=True)).order_by()
        return {r["question_id"]: r["n"] for r in rows}

    def free_text(self):
        return self.exclude(text="")


class SurveyAnswer(models.Model):
    """One answer: the chosen option (one row per option chosen for a multiple choice question), the number
    on a scale, or the free text."""

    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(SurveyQuestion, on_delete=models.CASCADE, related_name="answers")
    option = models.ForeignKey(
        SurveyOption, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    number = models.SmallIntegerField(null=True, blank=True)
    text = models.TextField(blank=True)

    objects = SurveyAnswerQuerySet.as_manager()

    class Meta:
        ordering = ["response", "question", "pk"]
        indexes = [
            models.Index(fields=["question", "option"], name="answer_question_option"),
            models.Index(fields=["question", "number"], name="answer_question_number"),
        ]

    def __str__(self):
        return f"Answer to {self.question_id}"


class TallyKind(models.TextChoices):
    ANSWERS = "answers", "Answers with this option or number"
    RESPONDENTS = "respondents", "Responses answering the question"
    RESPONSES = "responses", "Responses"


class SurveyTally(models.Model):
    """A count the survey's results show, per respondent group, kept current by the services that save
    responses (surveys/tallies.py, ADR 0041): the answers with each option or number of each question
    (`answers`), the responses that answered each question (`respondents`) and the responses (`responses`).
    The results page and the survey list add these up instead of counting every answer. Two rows with the
    same key may exist (two first answers saved at once); readers always add them up."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="tallies")
    kind = models.CharField(max_length=12, choices=TallyKind.choices)
    respondent_group = models.CharField(max_length=200, blank=True)
    question = models.ForeignKey(
        SurveyQuestion, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    option = models.ForeignKey(
        SurveyOption, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    number = models.SmallIntegerField(null=True, blank=True)
    n = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = [
            models.Index(fields=["survey", "kind", "respondent_group"], name="tally_survey_kind_group"),
        ]

    def __str__(self):
        return f"{self.kind} of survey {self.survey_id}: {self.n}"
