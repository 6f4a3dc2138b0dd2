""" "You said, we did": what children, young people and families told the partnership and what the
partnership did about it, linked to where it was heard (a survey and its question, or a learning source in
the register such as a year's complaints and compliments) and to the learning trail (key messages and
improvement actions). The "said" text is written by staff: a respondent's own free-text answer is never
copied here, so nothing here can carry it to the public learning hub (ADR 0033)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from learningloop.core.querysets import SignedInQuerySet
from learningloop.learning.models import LearningActivity, Theme

from .surveys import Survey, SurveyQuestion


class HeardFrom(models.TextChoices):
    CHILDREN = "children", "Children and young people"
    FAMILIES = "families", "Families"
    BOTH = "both", "Children, young people and families"


class YouSaidWeDidQuerySet(SignedInQuerySet):
    pass


class YouSaidWeDid(models.Model):
    title = models.CharField(
        "headline", max_length=200, help_text="For example: You told us it was hard to know who to talk to"
    )
    heard_from = models.CharField("who said it", max_length=20, choices=HeardFrom.choices)
    said = models.TextField(
        "what they said",
        help_text="In your own words. Never copy a child's or family member's own written answer",
    )
    survey = models.ForeignKey(
        Survey, on_delete=models.PROTECT, null=True, blank=True, related_name="you_said_we_did"
    )
    question = models.ForeignKey(
        SurveyQuestion,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="survey question",
    )
    source_activity = models.ForeignKey(
        LearningActivity,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="you_said_we_did",
        verbose_name="learning source in the register",
    )
    did = models.TextField("what the partnership did")
    did_on = models.DateField("when")
    key_messages = models.ManyToManyField(
        "learning.KeyMessage", blank=True, related_name="you_said_we_did", verbose_name="key messages"
    )
    actions = models.ManyToManyField(
        "improvement.Action", blank=True, related_name="you_said_we_did", verbose_name="improvement actions"
    )
    themes = models.ManyToManyField(Theme, blank=True, related_name="+")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(default=timezone.now, editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = YouSaidWeDidQuerySet.as_manager()

    class Meta:
        ordering = ["-did_on", "-pk"]
        verbose_name = "you said, we did"
        verbose_name_plural = "you said, we did"

    def __str__(self):
        return self.title

    def clean(self):
        errors = {}
        if self.did_on and self.did_on > timezone.localdate():
            errors["did_on"] = "The date must be today or in the past"
        if self.question_id:
            if self.survey_id is None:
                self.survey_id = self.question.survey_id
            elif self.question.survey_id != self.survey_id:
                errors["question"] = "Choose a question of the survey it came from"
        if errors:
            raise ValidationError(errors)
